package org.lede.common;

/** Input that breaks a rule of the content model; the message is written for the person who sent it. */
public class ValidationException extends LedeException {
    private final String field;

    public ValidationException(String field, String message) {
        super(message, 422);
        this.field = field;
    }

    /** The name of the offending field, such as {@code headline}, or {@code null} when the error is not about one field. */
    public String field() {
        return field;
    }
}
