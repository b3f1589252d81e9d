/**
 * Search over stories and dashboards behind one port, {@link org.lede.search.SearchIndex}: Lucene
 * under the data directory on one node, PostgreSQL full text when nodes share a database. The
 * index is derived state: it follows the outbox and can be rebuilt from the database at any time.
 */
package org.lede.search;
