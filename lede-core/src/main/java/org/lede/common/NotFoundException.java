package org.lede.common;

public class NotFoundException extends LedeException {
    public NotFoundException(String what, String key) {
        super(what + " not found: " + key, 404);
    }
}
