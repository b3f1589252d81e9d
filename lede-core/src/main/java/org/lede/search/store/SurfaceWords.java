package org.lede.search.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lede.search.Letters;

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

    /**
     * The start and end offsets, in order, of the words of {@code text} that are among {@code
     * words} (lower-cased), split as the vocabulary splits them: what a hit marks.
     */
    static List<int[]> find(String text, Set<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        split(text, (start, end, lower) -> {
            if (words.contains(text.substring(start, end).toLowerCase(Locale.ROOT))) {
                out.add(new int[] {start, end});
            }
        });
        return out;
    }

    /** What {@link #split} hands each word to. */
    @FunctionalInterface
    interface Word {
        /**
         * @param lower whether the word is ASCII without capitals, which lower-casing would only
         *     scan: the rebuild's hot path counts such a word where it lies in the text
         */
        void at(int start, int end, boolean lower);
    }

    /**
     * Hands {@code word} each run of letters and digits in {@code text} no longer than {@link
     * #LONGEST}, in order: the one splitting of what is counted and what is marked.
     */
    static void split(String text, Word word) {
        int start = -1;
        boolean lower = true;
        for (int i = 0; i <= text.length(); ) {
            int c = i < text.length() ? text.codePointAt(i) : ' ';
            if (Letters.letterOrDigit(c)) {
                if (start < 0) {
                    start = i;
                    lower = true;
                }
                lower &= c < 0x80 && !(c >= 'A' && c <= 'Z');
            } else if (start >= 0) {
                if (i - start <= LONGEST) {
                    word.at(start, i, lower);
                }
                start = -1;
            }
            i += i < text.length() ? Character.charCount(c) : 1;
        }
    }

    /**
     * For each word, how many of the texts added hold it, once a text however often it repeats
     * the word. A table of its own, looked up by the characters where a word occurs, and each
     * word marked with the last text that held it: a set of each text's words as strings, merged
     * into the counts after, was a tenth of a search rebuild's time and a sixth of what it
     * allocated, while most words of a batch are words seen before. Open addressing, so a slot
     * is found from the word's characters and a string is made only for a word not yet seen.
     */
    static final class Counts {
        private String[] words = new String[256];
        private int[] hashes = new int[256];
        private int[] counts = new int[256];
        private int[] last = new int[256];
        private int size;
        private int texts;

        /** Counts the distinct words of {@code text}: runs of letters and digits, lower-cased. */
        Counts add(String text) {
            int t = ++texts;
            split(text, (start, end, lower) -> {
                if (lower) {
                    count(text, start, end, t);
                } else {
                    String word = text.substring(start, end).toLowerCase(Locale.ROOT);
                    count(word, 0, word.length(), t);
                }
            });
            return this;
        }

        /** Counts {@code source}'s characters from {@code from} to {@code to} as a word of text {@code t}. */
        private void count(String source, int from, int to, int t) {
            int hash = 0;
            for (int k = from; k < to; k++) {
                hash = 31 * hash + source.charAt(k);
            }
            int length = to - from;
            int mask = words.length - 1;
            for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
                String word = words[slot];
                if (word == null) {
                    words[slot] = length == source.length() ? source : source.substring(from, to);
                    hashes[slot] = hash;
                    counts[slot] = 1;
                    last[slot] = t;
                    if (++size * 2 > words.length) {
                        grow();
                    }
                    return;
                }
                if (hashes[slot] == hash && word.length() == length && word.regionMatches(0, source, from, length)) {
                    if (last[slot] != t) {
                        counts[slot]++;
                        last[slot] = t;
                    }
                    return;
                }
            }
        }

        /** Mixes the high bits of a string's hash into the low ones, which pick its slot. */
        private static int spread(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        private void grow() {
            String[] oldWords = words;
            int[] oldHashes = hashes;
            int[] oldCounts = counts;
            int[] oldLast = last;
            int n = oldWords.length * 2;
            words = new String[n];
            hashes = new int[n];
            counts = new int[n];
            last = new int[n];
            for (int i = 0; i < oldWords.length; i++) {
                if (oldWords[i] != null) {
                    int slot = spread(oldHashes[i]) & (n - 1);
                    while (words[slot] != null) {
                        slot = (slot + 1) & (n - 1);
                    }
                    words[slot] = oldWords[i];
                    hashes[slot] = oldHashes[i];
                    counts[slot] = oldCounts[i];
                    last[slot] = oldLast[i];
                }
            }
        }

        /** Each word and the number of texts that hold it. */
        Map<String, Integer> toMap() {
            Map<String, Integer> map = HashMap.newHashMap(size);
            for (int i = 0; i < words.length; i++) {
                if (words[i] != null) {
                    map.put(words[i], counts[i]);
                }
            }
            return map;
        }
    }
}
