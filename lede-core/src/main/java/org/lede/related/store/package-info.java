/** The JDBI adapter for Go deeper's kept rankings. */
package org.lede.related.store;
