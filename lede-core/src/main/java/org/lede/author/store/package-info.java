/** The JDBI adapter for authors. */
package org.lede.author.store;
