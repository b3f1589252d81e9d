package org.lede.common;

/** A request or file bigger than Lede accepts; answered before the excess is read where possible. */
public class TooLargeException extends LedeException {
    public TooLargeException(String message) {
        super(message, 413);
    }
}
