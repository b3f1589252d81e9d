package org.lede.common;

/**
 * Stored data that no longer reads as the content model, such as a block of a type this version
 * does not know. It is our fault, not the reader's: a 500 that is logged with the story and block
 * named, so an operator can repair the row.
 */
public class CorruptDataException extends LedeException {
    public CorruptDataException(String message) {
        super(message, 500);
    }
}
