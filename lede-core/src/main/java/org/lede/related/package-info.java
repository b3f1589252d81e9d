/** Go deeper: related coverage after a story, behind one port. */
package org.lede.related;
