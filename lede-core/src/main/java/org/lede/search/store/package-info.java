/** The PostgreSQL full-text adapter of the search index, for nodes that share one database. */
package org.lede.search.store;
