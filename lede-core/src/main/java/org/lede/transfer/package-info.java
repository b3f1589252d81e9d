/**
 * Taking the whole newsroom out and bringing it back: the {@code lede-export} JSON document
 * (format version 1) with the media originals beside it, and online backups. {@link
 * org.lede.transfer.NewsroomTransfer} is the service; {@link org.lede.transfer.TransferStore} the
 * port its adapter in {@code transfer/store} implements.
 */
package org.lede.transfer;
