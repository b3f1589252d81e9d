/** The JDBI adapter of {@link org.lede.transfer.TransferStore}: every table streamed to and from JSON. */
package org.lede.transfer.store;
