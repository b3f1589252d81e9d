package org.lede.authoring;

/** Backslash escapes, shared by the inline and block syntax: a backslash before ASCII punctuation makes it literal. */
final class Escapes {
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private Escapes() {}

    static boolean isPunctuation(char c) {
        return PUNCTUATION.indexOf(c) >= 0;
    }

    /** True when {@code raw} has an escape starting at {@code i}. */
    static boolean isEscape(String raw, int i) {
        return raw.charAt(i) == '\\' && i + 1 < raw.length() && isPunctuation(raw.charAt(i + 1));
    }

    static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            if (isEscape(raw, i)) {
                i++;
            }
            out.append(raw.charAt(i));
        }
        return out.toString();
    }

    /**
     * Escapes a plain-text field (subhead, label, caption, attribution, credit): only the
     * backslash and the characters that would end the field are special there.
     */
    static String escape(String text, String special) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\\' || special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The index of the first unescaped {@code target} at or after {@code from}, or -1. */
    static int indexOfUnescaped(String raw, char target, int from) {
        for (int i = from; i < raw.length(); i++) {
            if (isEscape(raw, i)) {
                i++;
            } else if (raw.charAt(i) == target) {
                return i;
            }
        }
        return -1;
    }
}
