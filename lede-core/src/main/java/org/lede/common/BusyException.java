package org.lede.common;

/** Work that Lede bounds (such as decoding images) is at its limit; the same request may succeed shortly. */
public class BusyException extends LedeException {
    public BusyException(String message) {
        super(message, 503);
    }
}
