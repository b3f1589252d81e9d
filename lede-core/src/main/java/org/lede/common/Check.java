package org.lede.common;

import java.util.List;

/** Argument checks shared by the records of the content model. */
public final class Check {
    private Check() {}

    /** Returns the trimmed text, or throws when it is null or blank. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, capitalize(field) + " must not be empty.");
        }
        return value.strip();
    }

    /** Returns the trimmed text, or null when it is null or blank. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String maxLength(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw new ValidationException(field, capitalize(field) + " is longer than " + max + " characters.");
        }
        return value;
    }

    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static String capitalize(String field) {
        return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
