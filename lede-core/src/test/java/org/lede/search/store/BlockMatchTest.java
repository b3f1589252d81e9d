package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockMatchTest {
    private static final long[] ALL = {-1L, -1L};

    private static PostingBlock block(int... offsets) {
        PostingBlock.Builder builder = new PostingBlock.Builder(128);
        for (int offset : offsets) {
            builder.add(offset, PostingBlock.BODY);
        }
        return builder.build();
    }

    @Test
    void everyWordMustMatch() {
        long[] match = match(List.of(List.of(block(1, 5, 70)), List.of(block(5, 70, 100))), ALL);

        assertArrayEquals(new long[] {1L << 5, 1L << (70 - 64)}, match);
        assertEquals(2, BlockMatch.count(match));
    }

    @Test
    void aWordMatchesThroughAnyOfItsSpellings() {
        long[] match = match(List.of(List.of(block(1), block(65)), List.of(block(1, 3, 65))), ALL);

        assertArrayEquals(new long[] {1L << 1, 1L << 1}, match);
    }

    @Test
    void theFilterNarrowsTheMatches() {
        long[] match = match(List.of(List.of(block(1, 2, 3, 127))), new long[] {1L << 2, Long.MIN_VALUE});

        assertArrayEquals(new long[] {1L << 2, Long.MIN_VALUE}, match);
        assertEquals(2, BlockMatch.count(match));
    }

    @Test
    void noMatchIsNull() {
        assertNull(match(List.of(List.of(block(1)), List.of(block(2))), ALL), "words in no one document");
        assertNull(match(List.of(List.of(block(1)), List.of()), ALL), "a word with no postings here");
        assertNull(match(List.of(List.of(block(1))), new long[] {0, -1L}), "filtered out");
        assertNull(match(List.of(), ALL), "no words");
    }

    @Test
    void theFilterIsLeftAsItWas() {
        long[] filter = {-1L, -1L};
        match(List.of(List.of(block(1))), filter);

        assertArrayEquals(new long[] {-1L, -1L}, filter);
    }

    @Test
    void countsEveryBitOfEveryWord() {
        assertEquals(0, BlockMatch.count(new long[] {0, 0}));
        assertEquals(128, BlockMatch.count(new long[] {-1L, -1L}));
        assertEquals(3, BlockMatch.count(new long[] {1L, 1L << 63 | 1L << 7}));
    }

    /** The words as lists of their spellings' blocks, as BlockMatch takes them: an array each. */
    private static long[] match(List<List<PostingBlock>> words, long[] filter) {
        return BlockMatch.of(
                words.stream().map(w -> w.toArray(PostingBlock[]::new)).toArray(PostingBlock[][]::new), filter);
    }
}
