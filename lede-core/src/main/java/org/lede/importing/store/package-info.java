/** The JDBI adapter for what imports brought in and the old addresses that redirect. */
package org.lede.importing.store;
