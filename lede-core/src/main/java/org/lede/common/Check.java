package org.lede.common;

import java.util.List;

/**
 * Argument checks shared by the records of the content model. Every text field passes through
 * {@link #line} or {@link #text}, so no control character is stored, whoever sent it.
 *
 * <p>Bidirectional formatting characters (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069)
 * are kept: they are format characters, not controls, and writers of Arabic, Hebrew or Persian
 * need them to show mixed-direction text (a Latin name inside a right-to-left headline). They
 * cannot change markup, since templates escape text, and an unclosed override ends with the
 * element that holds it.
 */
public final class Check {
    private Check() {}

    /** Returns the trimmed text as one {@link #line}, or throws when it is null or blank. */
    public static String required(String field, String value) {
        String line = line(value);
        if (line == null || line.isBlank()) {
            throw new ValidationException(field, capitalize(field) + " must not be empty.");
        }
        return line.strip();
    }

    /** Returns the trimmed text as one {@link #line}, or null when it is null or blank. */
    public static String optional(String value) {
        String line = line(value);
        return line == null || line.isBlank() ? null : line.strip();
    }

    /**
     * One line of text as a reader would see it: control characters (NUL, BEL, ESC, DEL, C1) removed,
     * and tabs and line breaks made spaces, so words on either side stay apart.
     */
    public static String line(String value) {
        if (value == null || clean(value, false)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                continue;
            }
            if (isBreak(c) || c == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text of many lines, such as a story's authoring text: control characters removed except tab
     * and line feed; CR LF, a lone CR and the Unicode line and paragraph separators become a line feed.
     */
    public static String text(String value) {
        if (value == null || clean(value, true)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (isBreak(c) || c == '\t') {
                out.append(isBreak(c) ? '\n' : c);
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Most text has nothing to clean; finding that costs one pass and no copy. */
    private static boolean clean(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\t') {
                if (!multiline) {
                    return false;
                }
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
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
