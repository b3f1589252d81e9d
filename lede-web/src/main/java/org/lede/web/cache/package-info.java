/** The reader page cache: rendered once, answered from Jetty, purged by outbox events. */
package org.lede.web.cache;
