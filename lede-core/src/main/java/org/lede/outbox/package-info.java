/** The outbox: events appended in the same transaction as the change they record. */
package org.lede.outbox;
