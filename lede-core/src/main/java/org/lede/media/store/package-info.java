/** The JDBI adapter for media records and the on-disk blob store. */
package org.lede.media.store;
