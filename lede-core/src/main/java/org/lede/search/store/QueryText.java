package org.lede.search.store;

import java.util.ArrayList;
import java.util.List;
import org.lede.search.SearchQuery;

/**
 * What a person typed, as the words and "quoted phrases" it holds. Every other character is
 * dropped here, so nothing a person types ever reaches PostgreSQL's tsquery syntax.
 */
record QueryText(List<String> words, List<String> phrases) {

    boolean blank() {
        return words.isEmpty() && phrases.isEmpty();
    }

    static QueryText parse(String typed) {
        String text = cut(typed == null ? "" : typed);
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> phrase = null;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '"' || c == '“' || c == '”') {
                if (phrase == null) {
                    phrase = new ArrayList<>();
                } else {
                    close(phrase, words, phrases);
                    phrase = null;
                }
                i += Character.charCount(c);
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                (phrase == null ? words : phrase).add(text.substring(start, i));
            } else {
                i += Character.charCount(c);
            }
        }
        // A quote left open still meant a phrase.
        if (phrase != null) {
            close(phrase, words, phrases);
        }
        return new QueryText(List.copyOf(words), List.copyOf(phrases));
    }

    /** A one-word phrase is that word, which then also matches its near-spellings. */
    private static void close(List<String> phrase, List<String> words, List<String> phrases) {
        if (phrase.size() == 1) {
            words.add(phrase.getFirst());
        } else if (phrase.size() > 1) {
            phrases.add(String.join(" ", phrase));
        }
    }

    private static String cut(String text) {
        if (text.length() <= SearchQuery.MAX_TEXT) {
            return text;
        }
        int end = SearchQuery.MAX_TEXT;
        while (end > 0 && Character.isLetterOrDigit(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end == 0 ? SearchQuery.MAX_TEXT : end);
    }
}
