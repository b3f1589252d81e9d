package org.lede.search.store;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of a document's text as written, lower-cased: the vocabulary ({@code search_words})
 * in which a misspelled query word finds its near-spellings, and the document frequencies by
 * which Go deeper weighs a story's words. Split here, not by PostgreSQL's parser: a rebuild had it
 * parse every document's text a second time for them, a fifth of rebuilding a million stories.
 * Applying changes and rebuilding both split with this, so their counts agree.
 */
final class SurfaceWords {
    /**
     * The longest run of letters and digits kept as a word. Nobody misspells a longer one into a
     * search, and a run of thousands (an encoded image pasted into a story) would not fit the
     * vocabulary's index.
     */
    static final int LONGEST = 64;

    private SurfaceWords() {}

    /** The distinct words of {@code text}: runs of letters and digits, lower-cased. */
    static Set<String> of(String text) {
        Set<String> words = new HashSet<>();
        int start = -1;
        // Whether the word so far is ASCII without capitals, which lower-casing would only scan.
        boolean lower = true;
        for (int i = 0; i <= text.length(); ) {
            int c = i < text.length() ? text.codePointAt(i) : ' ';
            boolean ascii = c < 0x80;
            boolean inWord = ascii
                    ? c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
                    : Character.isLetterOrDigit(c);
            if (inWord) {
                if (start < 0) {
                    start = i;
                    lower = true;
                }
                lower &= ascii && !(c >= 'A' && c <= 'Z');
            } else if (start >= 0) {
                if (i - start <= LONGEST) {
                    String word = text.substring(start, i);
                    words.add(lower ? word : word.toLowerCase(Locale.ROOT));
                }
                start = -1;
            }
            i += i < text.length() ? Character.charCount(c) : 1;
        }
        return words;
    }

    /** Adds one to the count of each distinct word of {@code text}. */
    static void count(String text, Map<String, Integer> counts) {
        for (String word : of(text)) {
            counts.merge(word, 1, Integer::sum);
        }
    }
}
