/** Authors: bylines for staff and outside contributors. */
package org.lede.author;
