package org.lede.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed, read the one way every adapter reads it: words, and "quoted phrases"
 * (straight or curly quotes; an unclosed quote runs to the end). Any character that is neither a
 * letter nor a digit only separates words, so the syntax of any query language is just text
 * here. Text past {@link SearchQuery#MAX_TEXT} is cut at a word first, and at most
 * {@link #MAX_PARTS} parts are kept: a search that long matches nothing more precise, and each
 * part costs the index a clause.
 *
 * @param parts each a word (one element) or a phrase (its words in order), in the order typed
 */
public record SearchText(List<Part> parts) {
    public static final int MAX_PARTS = 16;

    public SearchText {
        parts = List.copyOf(parts);
    }

    /** A word, or a phrase whose words must appear in this order. */
    public record Part(List<String> words, boolean phrase) {
        public Part {
            words = List.copyOf(words);
        }
    }

    public boolean isBlank() {
        return parts.isEmpty();
    }

    public static SearchText parse(String typed) {
        String text = cut(typed == null ? "" : typed.strip());
        List<Part> parts = new ArrayList<>();
        boolean inPhrase = false;
        List<String> phrase = new ArrayList<>();
        int i = 0;
        while (i < text.length() && parts.size() < MAX_PARTS) {
            int c = text.codePointAt(i);
            if (isQuote(c)) {
                if (inPhrase) {
                    addPhrase(parts, phrase);
                    phrase = new ArrayList<>();
                }
                inPhrase = !inPhrase;
                i += Character.charCount(c);
                continue;
            }
            if (!isWordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < text.length()) {
                int d = text.codePointAt(i);
                boolean inner = (d == '\'' || d == '’') && i + 1 < text.length() && isWordChar(text.codePointAt(i + 1));
                if (!isWordChar(d) && !inner) {
                    break;
                }
                i += Character.charCount(d);
            }
            String word = text.substring(start, i);
            if (inPhrase) {
                phrase.add(word);
            } else {
                parts.add(new Part(List.of(word), false));
            }
        }
        if (inPhrase && parts.size() < MAX_PARTS) {
            addPhrase(parts, phrase);
        }
        return new SearchText(parts);
    }

    private static void addPhrase(List<Part> parts, List<String> words) {
        if (!words.isEmpty()) {
            parts.add(new Part(words, true));
        }
    }

    /** At most {@link SearchQuery#MAX_TEXT} characters, ending at a word's end when one ends before. */
    static String cut(String text) {
        if (text.length() <= SearchQuery.MAX_TEXT) {
            return text;
        }
        int end = SearchQuery.MAX_TEXT;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        int space = end;
        while (space > 0 && isWordChar(text.codePointBefore(space)) && isWordChar(text.codePointAt(space))) {
            space--;
        }
        return text.substring(0, space == 0 ? end : space);
    }

    private static boolean isQuote(int c) {
        return c == '"' || c == '“' || c == '”' || c == '„' || c == '«' || c == '»';
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }
}
