package org.lede.common;

/**
 * The thing was public once and has been taken down on purpose: a withdrawn story, a deleted
 * dashboard. Answered 410, which tells readers and search engines it is not coming back, where
 * a 404 would read as a broken link.
 */
public class GoneException extends LedeException {
    public GoneException(String message) {
        super(message, 410);
    }
}
