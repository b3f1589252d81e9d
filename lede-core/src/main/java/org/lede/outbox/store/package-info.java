/** The JDBI adapter for the outbox. */
package org.lede.outbox.store;
