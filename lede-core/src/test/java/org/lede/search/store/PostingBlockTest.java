package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PostingBlockTest {
    private static PostingBlock of(int size, int... offsetsAndClasses) {
        PostingBlock.Builder builder = new PostingBlock.Builder(size);
        for (int i = 0; i < offsetsAndClasses.length; i += 2) {
            builder.add(offsetsAndClasses[i], offsetsAndClasses[i + 1]);
        }
        return builder.build();
    }

    /** A block holding each offset of {@code postings} with its class, checked posting by posting. */
    private static void assertHolds(TreeMap<Integer, Integer> postings, PostingBlock block) {
        assertEquals(postings.size(), block.count());
        for (int offset = 0; offset < block.size(); offset++) {
            Integer expected = postings.get(offset);
            assertEquals(expected != null, block.contains(offset), "posting at " + offset);
            assertEquals(expected == null ? -1 : expected, block.weightClass(offset), "class at " + offset);
        }
    }

    @Test
    void sparseBlocksAreStoredAsBigEndianOffsetsAndClassesFourToAByte() {
        PostingBlock block = of(128, 1, PostingBlock.BODY, 258 % 128, PostingBlock.HEADLINE, 127, PostingBlock.DEK);

        assertArrayEquals(new byte[] {0, 1, 0, 2, 0, 127}, block.ordinals());
        // Offsets 1, 2 and 127 with classes 1, 3 and 2, two bits each from the lowest.
        assertArrayEquals(new byte[] {(byte) (1 | 3 << 2 | 2 << 4)}, block.classes());
        assertEquals(3, block.count());
    }

    @Test
    void addingUpGivesEachPostingWhatItsClassIsWorthAtItsOffset() {
        PostingBlock block = of(128, 3, PostingBlock.HEADLINE, 64, PostingBlock.NAMES, 127, PostingBlock.BODY);
        double[] scores = new double[128];
        scores[3] = 0.5;
        block.addTo(scores, new double[] {1, 10, 100, 1000});
        assertEquals(1000.5, scores[3]);
        assertEquals(1, scores[64]);
        assertEquals(10, scores[127]);
        assertEquals(1011.5, java.util.Arrays.stream(scores).sum(), "nowhere else");
    }

    @Test
    void offsetsAboveAByteKeepTheirHighByte() {
        PostingBlock block = of(1 << 16, 0x1234, PostingBlock.NAMES);

        assertArrayEquals(new byte[] {0x12, 0x34}, block.ordinals());
        assertTrue(block.contains(0x1234));
        assertEquals(PostingBlock.NAMES, block.weightClass(0x1234));
    }

    @Test
    void blocksPastASixteenthAreStoredAsLittleEndianBitmaps() {
        PostingBlock.Builder builder = new PostingBlock.Builder(64);
        for (int offset = 0; offset < 5; offset++) {
            builder.add(offset * 9, PostingBlock.BODY);
        }
        PostingBlock block = builder.build();

        // Offsets 0, 9, 18, 27, 36: bits 0 and 1 of byte 0, 1 of byte 1... of a 64-bit word, low byte first.
        long word = 1L | 1L << 9 | 1L << 18 | 1L << 27 | 1L << 36;
        byte[] expected = new byte[8];
        for (int i = 0; i < 8; i++) {
            expected[i] = (byte) (word >>> (8 * i));
        }
        assertArrayEquals(expected, block.ordinals());
        assertEquals(word, block.word(0));
    }

    @Test
    void aSixteenthOfTheBlockIsStillStoredAsOffsets() {
        PostingBlock.Builder builder = new PostingBlock.Builder(64);
        for (int offset = 0; offset < 4; offset++) {
            builder.add(offset, PostingBlock.BODY);
        }

        // Both take 8 bytes here: which form was chosen shows in the bytes.
        assertArrayEquals(new byte[] {0, 0, 0, 1, 0, 2, 0, 3}, builder.build().ordinals(), "4 offsets of 2 bytes");
        assertArrayEquals(
                new byte[] {0x1F, 0, 0, 0, 0, 0, 0, 0},
                builder.add(4, PostingBlock.BODY).build().ordinals(),
                "a bitmap of 64 bits");
        assertEquals(5, builder.count());
    }

    @Test
    void whatIsWrittenReadsBackTheSameAtEverySize() {
        Random random = new Random(11);
        for (int size : new int[] {64, 1024, 1 << 16}) {
            for (double share : new double[] {0.01, 0.06, 0.07, 0.5, 1.0}) {
                TreeMap<Integer, Integer> postings = new TreeMap<>();
                PostingBlock.Builder builder = new PostingBlock.Builder(size);
                for (int offset = 0; offset < size; offset++) {
                    if (random.nextDouble() < share) {
                        int weightClass = random.nextInt(4);
                        postings.put(offset, weightClass);
                        builder.add(offset, weightClass);
                    }
                }
                PostingBlock block = builder.build();
                PostingBlock read = PostingBlock.decode(size, block.count(), block.ordinals(), block.classes());

                assertHolds(postings, read);
                assertArrayEquals(block.ordinals(), read.ordinals());
                assertArrayEquals(block.classes(), read.classes());
            }
        }
    }

    @Test
    void anEmptyBlockHoldsNothing() {
        PostingBlock block = PostingBlock.empty(256);

        assertEquals(0, block.count());
        assertEquals(256, block.size());
        assertEquals(0, block.ordinals().length);
        assertEquals(0, block.classes().length);
        assertEquals(-1, block.maxClass());
        assertFalse(block.contains(0));
        assertEquals(-1, block.weightClass(255));
    }

    @Test
    void theHighestClassBoundsTheBlock() {
        assertEquals(PostingBlock.NAMES, of(64, 3, PostingBlock.NAMES).maxClass());
        assertEquals(
                PostingBlock.DEK,
                of(64, 3, PostingBlock.NAMES, 7, PostingBlock.DEK, 9, PostingBlock.BODY)
                        .maxClass());
        assertEquals(
                PostingBlock.HEADLINE,
                of(64, 3, PostingBlock.BODY, 60, PostingBlock.HEADLINE).maxClass());
    }

    @Test
    void withAddsAPostingInItsPlaceAndKeepsTheOthersClasses() {
        Random random = new Random(7);
        TreeMap<Integer, Integer> postings = new TreeMap<>();
        PostingBlock block = PostingBlock.empty(128);
        for (int i = 0; i < 300; i++) {
            int offset = random.nextInt(128);
            int weightClass = random.nextInt(4);
            PostingBlock before = block;
            block = block.with(offset, weightClass);
            postings.put(offset, weightClass);

            assertHolds(postings, block);
            assertTrue(before.contains(offset) || before.count() == block.count() - 1, "the old block is unchanged");
        }
    }

    @Test
    void withoutTakesOutOnePostingAndLeavesABlockWithoutItAlone() {
        PostingBlock block = of(64, 1, PostingBlock.BODY, 2, PostingBlock.HEADLINE, 40, PostingBlock.DEK);

        PostingBlock taken = block.without(2);
        TreeMap<Integer, Integer> left = new TreeMap<>();
        left.put(1, PostingBlock.BODY);
        left.put(40, PostingBlock.DEK);
        assertHolds(left, taken);
        assertSame(taken, taken.without(2));
        assertEquals(3, block.count(), "the old block is unchanged");

        PostingBlock none = taken.without(1).without(40);
        assertEquals(0, none.count());
        assertEquals(0, none.classes().length);
    }

    @Test
    void aBlockChangedAcrossTheBitmapLineReadsBack() {
        PostingBlock.Builder builder = new PostingBlock.Builder(64);
        for (int offset = 0; offset < 4; offset++) {
            builder.add(offset * 10, PostingBlock.DEK);
        }
        PostingBlock dense = builder.build().with(63, PostingBlock.HEADLINE);
        PostingBlock sparse = dense.without(0);

        assertEquals(8, dense.ordinals().length);
        assertEquals(8, sparse.ordinals().length);
        PostingBlock read = PostingBlock.decode(64, sparse.count(), sparse.ordinals(), sparse.classes());
        assertEquals(PostingBlock.HEADLINE, read.weightClass(63));
        assertEquals(PostingBlock.DEK, read.weightClass(10));
        assertFalse(read.contains(0));
    }

    @Test
    void offsetsComeInAscendingOrderWithinTheBlock() {
        PostingBlock.Builder builder = new PostingBlock.Builder(64).add(5, PostingBlock.BODY);

        assertThrows(IllegalArgumentException.class, () -> builder.add(5, PostingBlock.BODY));
        assertThrows(IllegalArgumentException.class, () -> builder.add(4, PostingBlock.BODY));
        assertThrows(IllegalArgumentException.class, () -> builder.add(64, PostingBlock.BODY));
        assertThrows(IllegalArgumentException.class, () -> builder.add(6, 4));
        assertThrows(IllegalArgumentException.class, () -> builder.add(6, -1));
        assertEquals(1, builder.add(63, PostingBlock.HEADLINE).count() - 1);
    }

    @Test
    void changesOutsideTheBlockOrOfNoClassAreRefused() {
        PostingBlock block = PostingBlock.empty(64);

        assertThrows(IllegalArgumentException.class, () -> block.with(64, PostingBlock.BODY));
        assertThrows(IllegalArgumentException.class, () -> block.with(-1, PostingBlock.BODY));
        assertThrows(IllegalArgumentException.class, () -> block.with(0, 4));
        assertThrows(IllegalArgumentException.class, () -> block.with(0, -1));
        assertThrows(IllegalArgumentException.class, () -> block.without(64));
        assertEquals(
                1,
                block.with(63, PostingBlock.NAMES)
                                .with(0, PostingBlock.HEADLINE)
                                .count()
                        - 1);
    }

    @Test
    void blockSizesArePowersOfTwoWithinSixteenBits() {
        for (int size : new int[] {0, 32, 96, 1 << 17}) {
            assertThrows(IllegalArgumentException.class, () -> PostingBlock.empty(size), "size " + size);
            assertThrows(IllegalArgumentException.class, () -> new PostingBlock.Builder(size), "size " + size);
        }
        assertEquals(64, PostingBlock.empty(64).size());
        assertEquals(1 << 16, PostingBlock.empty(1 << 16).size());
    }

    @Test
    void bytesThatCannotBeABlockAreRefused() {
        PostingBlock sparse = of(64, 1, PostingBlock.BODY, 2, PostingBlock.BODY);
        byte[] ordinals = sparse.ordinals();
        byte[] classes = sparse.classes();

        assertThrows(IllegalArgumentException.class, () -> PostingBlock.decode(64, 3, ordinals, classes));
        assertThrows(IllegalArgumentException.class, () -> PostingBlock.decode(64, -1, ordinals, classes));
        assertThrows(IllegalArgumentException.class, () -> PostingBlock.decode(64, 65, ordinals, classes));
        assertThrows(IllegalArgumentException.class, () -> PostingBlock.decode(64, 2, ordinals, new byte[2]));
        assertThrows(
                IllegalArgumentException.class,
                () -> PostingBlock.decode(64, 2, new byte[] {0, 2, 0, 1}, classes),
                "descending offsets");
        assertThrows(
                IllegalArgumentException.class,
                () -> PostingBlock.decode(64, 2, new byte[] {0, 1, 0, 64}, classes),
                "an offset past the block");
        assertThrows(
                IllegalArgumentException.class,
                () -> PostingBlock.decode(64, 5, new byte[7], new byte[2]),
                "a bitmap one byte short");
        assertThrows(
                IllegalArgumentException.class,
                () -> PostingBlock.decode(64, 5, new byte[] {15, 0, 0, 0, 0, 0, 0, 0}, new byte[2]),
                "a bitmap of 4 postings called 5");
        assertEquals(2, PostingBlock.decode(64, 2, ordinals, classes).count());
    }
}
