package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnBlockTest {
    private static final ColumnBlock.Facts STORY =
            new ColumnBlock.Facts(true, 2, 7, 300, 4, 1_700_000_000L, new int[] {11, 12});

    private static ColumnBlock.Facts random(Random random) {
        int[] authors = new int[random.nextInt(4)];
        for (int i = 0; i < authors.length; i++) {
            authors[i] = 1 + random.nextInt(70_000);
        }
        return new ColumnBlock.Facts(
                random.nextBoolean(),
                random.nextInt(256),
                random.nextInt(100_000),
                random.nextInt(65_536),
                random.nextInt(256),
                random.nextLong(),
                authors);
    }

    private static void assertHolds(Map<Integer, ColumnBlock.Facts> documents, ColumnBlock block) {
        for (int offset = 0; offset < block.size(); offset++) {
            ColumnBlock.Facts expected = documents.get(offset);
            assertEquals(expected, block.facts(offset), "document at " + offset);
            assertEquals(expected != null, block.holds(offset));
            long bit = 1L << offset;
            assertEquals(expected != null, (block.heldWord(offset >> 6) & bit) != 0);
            assertEquals(expected != null && expected.live(), (block.liveWord(offset >> 6) & bit) != 0);
            if (expected != null) {
                assertEquals(expected.status(), block.status(offset));
                assertEquals(expected.kind(), block.kind(offset));
                assertEquals(expected.topic(), block.topic(offset));
                assertEquals(expected.createdBy(), block.createdBy(offset));
                assertEquals(expected.seconds(), block.seconds(offset));
                int[] authors = new int[block.authorCount(offset)];
                for (int i = 0; i < authors.length; i++) {
                    authors[i] = block.author(offset, i);
                }
                assertArrayEquals(expected.authors(), authors);
            }
        }
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        Random random = new Random(5);
        for (int size : new int[] {64, 512}) {
            Map<Integer, ColumnBlock.Facts> documents = new HashMap<>();
            ColumnBlock block = ColumnBlock.empty(size);
            for (int i = 0; i < size; i++) {
                int offset = random.nextInt(size);
                if (random.nextInt(5) == 0) {
                    documents.remove(offset);
                    block = block.without(offset);
                } else {
                    ColumnBlock.Facts facts = random(random);
                    documents.put(offset, facts);
                    block = block.with(offset, facts);
                }
            }
            assertHolds(documents, block);
            assertHolds(documents, ColumnBlock.decode(block.encode()));
            assertArrayEquals(block.encode(), ColumnBlock.decode(block.encode()).encode());
        }
    }

    @Test
    void anEmptyBlockIsItsHeaderAndTwoBitmaps() {
        ColumnBlock block = ColumnBlock.empty(128);

        ByteBuffer expected = ByteBuffer.allocate(8 + 2 * 16).putInt(1).putInt(128);
        assertArrayEquals(expected.array(), block.encode());
        assertNull(block.facts(0));
        assertEquals(0, block.authorCount(127));
        assertEquals(128, block.size());
    }

    @Test
    void aDocumentIsWrittenFieldByFieldInOrder() {
        ColumnBlock block = ColumnBlock.empty(64).with(3, STORY);

        ByteBuffer expected = ByteBuffer.allocate(8 + 16 + 1 + 1 + 2 + 4 + 8 + 1 + 8)
                .putInt(1)
                .putInt(64)
                .putLong(1L << 3)
                .putLong(1L << 3)
                .put((byte) 2)
                .put((byte) 4)
                .putChar((char) 300)
                .putInt(7)
                .putLong(1_700_000_000L)
                .put((byte) 2)
                .putInt(11)
                .putInt(12);
        assertArrayEquals(expected.array(), block.encode());
    }

    @Test
    void aDocumentReplacedOrTakenOutLeavesTheOldBlockAlone() {
        ColumnBlock one = ColumnBlock.empty(64).with(5, STORY);
        ColumnBlock.Facts unpublished = new ColumnBlock.Facts(false, 1, 7, 0, 0, 5L, new int[0]);
        ColumnBlock two = one.with(5, unpublished);
        ColumnBlock none = two.without(5);

        assertEquals(STORY, one.facts(5));
        assertEquals(unpublished, two.facts(5));
        assertEquals(0, two.liveWord(0), "no longer live");
        assertEquals(1L << 5, two.heldWord(0));
        assertFalse(none.holds(5));
        assertEquals(0, none.heldWord(0));
        assertEquals(0, none.liveWord(0));
        assertEquals(0, none.seconds(5));
        assertEquals(0, none.authorCount(5));
        assertSame(none, none.without(5));
        assertArrayEquals(ColumnBlock.empty(64).encode(), none.encode());
    }

    @Test
    void factsHoldTheirCodesWithinTheirWidths() {
        assertThrows(IllegalArgumentException.class, () -> new ColumnBlock.Facts(true, 256, 0, 0, 0, 0, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new ColumnBlock.Facts(true, -1, 0, 0, 0, 0, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new ColumnBlock.Facts(true, 0, -1, 0, 0, 0, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new ColumnBlock.Facts(true, 0, 0, 65_536, 0, 0, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new ColumnBlock.Facts(true, 0, 0, -1, 0, 0, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new ColumnBlock.Facts(true, 0, 0, 0, 256, 0, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new ColumnBlock.Facts(true, 0, 0, 0, 0, 0, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new ColumnBlock.Facts(true, 0, 0, 0, 0, 0, new int[256]));
        int[] most = new int[255];
        Arrays.fill(most, 1);
        assertEquals(255, new ColumnBlock.Facts(true, 255, 0, 65_535, 255, 0, most).authors().length);
    }

    @Test
    void widestCodesReadBackUnsigned() {
        int[] authors = new int[255];
        Arrays.fill(authors, Integer.MAX_VALUE);
        ColumnBlock.Facts widest = new ColumnBlock.Facts(true, 255, Integer.MAX_VALUE, 65_535, 255, -1L, authors);
        ColumnBlock read =
                ColumnBlock.decode(ColumnBlock.empty(64).with(63, widest).encode());

        assertEquals(widest, read.facts(63));
        assertEquals(255, read.status(63));
        assertEquals(255, read.kind(63));
        assertEquals(65_535, read.topic(63));
        assertEquals(255, read.authorCount(63));
    }

    @Test
    void factsAreValuesAndKeepTheirOwnAuthors() {
        int[] authors = {3};
        ColumnBlock.Facts facts = new ColumnBlock.Facts(true, 0, 0, 0, 0, 9, authors);
        authors[0] = 4;
        facts.authors()[0] = 5;

        assertArrayEquals(new int[] {3}, facts.authors());
        assertEquals(new ColumnBlock.Facts(true, 0, 0, 0, 0, 9, new int[] {3}), facts);
        assertEquals(new ColumnBlock.Facts(true, 0, 0, 0, 0, 9, new int[] {3}).hashCode(), facts.hashCode());
        assertNotEquals(new ColumnBlock.Facts(true, 0, 0, 0, 0, 9, new int[] {4}), facts);
        assertNotEquals(new ColumnBlock.Facts(false, 0, 0, 0, 0, 9, new int[] {3}), facts);
        assertNotEquals(new ColumnBlock.Facts(true, 1, 0, 0, 0, 9, new int[] {3}), facts);
        assertNotEquals(new ColumnBlock.Facts(true, 0, 1, 0, 0, 9, new int[] {3}), facts);
        assertNotEquals(new ColumnBlock.Facts(true, 0, 0, 1, 0, 9, new int[] {3}), facts);
        assertNotEquals(new ColumnBlock.Facts(true, 0, 0, 0, 1, 9, new int[] {3}), facts);
        assertNotEquals(new ColumnBlock.Facts(true, 0, 0, 0, 0, 8, new int[] {3}), facts);
        assertNotEquals("facts", facts);
        assertTrue(facts.toString().contains("authors=[3]"));
    }

    @Test
    void offsetsOutsideTheBlockAndOddSizesAreRefused() {
        ColumnBlock block = ColumnBlock.empty(64);

        assertThrows(IllegalArgumentException.class, () -> block.with(64, STORY));
        assertThrows(IllegalArgumentException.class, () -> block.with(-1, STORY));
        assertThrows(IllegalArgumentException.class, () -> block.without(64));
        for (int size : new int[] {0, 32, 96, 1 << 17}) {
            assertThrows(IllegalArgumentException.class, () -> ColumnBlock.empty(size), "size " + size);
        }
        assertEquals(1 << 16, ColumnBlock.empty(1 << 16).size());
    }

    @Test
    void bytesThatAreNotABlockAreRefused() {
        byte[] good = ColumnBlock.empty(64).with(1, STORY).encode();

        byte[] otherFormat = good.clone();
        otherFormat[3] = 2;
        assertThrows(IllegalArgumentException.class, () -> ColumnBlock.decode(otherFormat));
        assertThrows(IllegalArgumentException.class, () -> ColumnBlock.decode(Arrays.copyOf(good, good.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> ColumnBlock.decode(Arrays.copyOf(good, good.length + 1)));
        assertThrows(IllegalArgumentException.class, () -> ColumnBlock.decode(new byte[3]));
        byte[] liveNotHeld = ColumnBlock.empty(64).encode();
        liveNotHeld[8 + 8 + 7] = 1;
        assertThrows(IllegalArgumentException.class, () -> ColumnBlock.decode(liveNotHeld));
        byte[] oddSize = ColumnBlock.empty(64).encode();
        oddSize[7] = 65;
        assertThrows(IllegalArgumentException.class, () -> ColumnBlock.decode(oddSize));
        assertEquals(STORY, ColumnBlock.decode(good).facts(1));
    }

    @Test
    void aBuilderChangesACopyInPlaceAndHandsItOverOnce() {
        ColumnBlock original = ColumnBlock.empty(64).with(3, STORY);
        ColumnBlock.Builder edit = original.edit();
        edit.put(5, STORY).remove(3).remove(9);
        ColumnBlock built = edit.build();
        assertHolds(Map.of(3, STORY), original);
        assertHolds(Map.of(5, STORY), built);
        assertThrows(IllegalStateException.class, edit::build);
        assertThrows(IllegalStateException.class, () -> edit.put(1, STORY));
        assertThrows(IllegalArgumentException.class, () -> original.edit().put(64, STORY));
        assertThrows(IllegalArgumentException.class, () -> original.edit().remove(-1));
    }
}
