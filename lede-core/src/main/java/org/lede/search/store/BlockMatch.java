package org.lede.search.store;

/**
 * The matches of a query's words within one block of ordinals: every word must match, and a word
 * matches through any of its lexemes (its own and its near spellings), so the match is the
 * intersection over words of the union over each word's blocks, narrowed by the filter's bitmap
 * (live, in scope, of the topic and kind asked for). Counting is then a popcount per word of the
 * bitmap, with no row read.
 */
final class BlockMatch {
    private BlockMatch() {}

    /**
     * The matching offsets as a bitmap of {@code filter.length} words, or null when none match.
     *
     * @param words each word's blocks at this block index, one per spelling, null for a spelling with no postings here
     * @param filter the offsets that may match at all
     */
    static long[] of(PostingBlock[][] words, long[] filter) {
        if (words.length == 0) {
            return null;
        }
        long[] match = filter.clone();
        for (PostingBlock[] word : words) {
            long any = 0;
            for (int w = 0; w < match.length; w++) {
                long union = 0;
                for (PostingBlock block : word) {
                    if (block != null) {
                        union |= block.word(w);
                    }
                }
                match[w] &= union;
                any |= match[w];
            }
            if (any == 0) {
                return null;
            }
        }
        return match;
    }

    /** How many offsets a bitmap holds. */
    static int count(long[] match) {
        int n = 0;
        for (long word : match) {
            n += Long.bitCount(word);
        }
        return n;
    }
}
