package org.lede.common;

import java.util.List;
import java.util.Objects;

/**
 * A request whose parameters cannot be read as asked (a limit that is not a number, a cursor
 * that was never issued, a filter naming nothing): 400, with one error per wrong field so a
 * client can point at each.
 */
public class BadRequestException extends LedeException {
    private final List<FieldError> errors;

    /** One wrong field and what is wrong with it, written for the person who sent it. */
    public record FieldError(String field, String detail) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public BadRequestException(List<FieldError> errors) {
        super(summary(errors), 400);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A bad request names at least one wrong field");
        }
        return errors.size() == 1 ? errors.getFirst().detail() : "Some query parameters are wrong: see errors.";
    }
}
