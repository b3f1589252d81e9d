package org.lede.search.store;

import java.util.Arrays;

/**
 * One lexeme's postings in one block of document ordinals, in the form PostgreSQL keeps them: the
 * ordinals as a bitmap when more than a sixteenth of the block holds the lexeme (where a bitmap is
 * the smaller), else as ascending 16-bit offsets; and each posting's weight class in two bits, four
 * to a byte, in the postings' order. Immutable: a change makes a new block.
 *
 * <p>Why: counting and ranking a common word by PostgreSQL's text index visits a heap row a match
 * (about 12 µs each on the machine of bench/README.md, 138 ms at p95 for the query set at a million
 * stories). A word's blocks are read in one statement and matched in memory, which a prototype
 * measured at 11.8–13.2 ms p95 for the same set (bench/README.md, PostingsPrototype).
 */
public final class PostingBlock {
    /** Weight classes: names (D), body (C), dek and lead-ins (B), headline (A). */
    public static final int NAMES = 0;

    public static final int BODY = 1;
    public static final int DEK = 2;
    public static final int HEADLINE = 3;

    /** The largest block: offsets are kept in 16 bits. */
    public static final int MAX_SIZE = 1 << 16;

    private final int size;
    private final long[] bits;
    /** How many postings the words before each word hold: a posting's place in {@link #classes}. */
    private final int[] before;

    private final byte[] classes;
    private final int count;

    private PostingBlock(int size, long[] bits, byte[] classes) {
        this.size = size;
        this.bits = bits;
        this.classes = classes;
        this.before = new int[bits.length];
        int sum = 0;
        for (int w = 0; w < bits.length; w++) {
            before[w] = sum;
            sum += Long.bitCount(bits[w]);
        }
        this.count = sum;
    }

    /** A block of {@code size} ordinals (a power of two from 64 to {@link #MAX_SIZE}) holding none. */
    public static PostingBlock empty(int size) {
        checkSize(size);
        return new PostingBlock(size, new long[size / 64], new byte[0]);
    }

    /**
     * Reads a block as {@link #ordinals()} and {@link #classes()} wrote it.
     *
     * @throws IllegalArgumentException when the bytes cannot be a block of {@code count} postings
     */
    public static PostingBlock decode(int size, int count, byte[] ordinals, byte[] classes) {
        checkSize(size);
        if (count < 0 || count > size) {
            throw new IllegalArgumentException("A block of " + size + " cannot hold " + count + " postings");
        }
        if (classes.length != classBytes(count)) {
            throw new IllegalArgumentException("Weight classes of " + count + " postings take " + classBytes(count)
                    + " bytes, not " + classes.length);
        }
        long[] bits = new long[size / 64];
        if (dense(size, count)) {
            if (ordinals.length != size / 8) {
                throw new IllegalArgumentException(
                        "A bitmap of " + size + " takes " + size / 8 + " bytes, not " + ordinals.length);
            }
            for (int i = 0; i < ordinals.length; i++) {
                bits[i >> 3] |= (ordinals[i] & 0xFFL) << ((i & 7) * 8);
            }
        } else {
            if (ordinals.length != 2 * count) {
                throw new IllegalArgumentException(
                        count + " offsets take " + 2 * count + " bytes, not " + ordinals.length);
            }
            int previous = -1;
            for (int i = 0; i < count; i++) {
                int offset = ((ordinals[2 * i] & 0xFF) << 8) | (ordinals[2 * i + 1] & 0xFF);
                if (offset <= previous || offset >= size) {
                    throw new IllegalArgumentException(
                            "Offsets must ascend within the block: " + offset + " after " + previous);
                }
                bits[offset >> 6] |= 1L << offset;
                previous = offset;
            }
        }
        PostingBlock block = new PostingBlock(size, bits, classes.clone());
        if (block.count != count) {
            throw new IllegalArgumentException("The bitmap holds " + block.count + " postings, not " + count);
        }
        return block;
    }

    private static void checkSize(int size) {
        if (size < 64 || size > MAX_SIZE || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException(
                    "A block holds a power of two from 64 to " + MAX_SIZE + " ordinals, not " + size);
        }
    }

    /** Whether a bitmap is smaller than the offsets: past a sixteenth of the block. */
    private static boolean dense(int size, int count) {
        return count > size / 16;
    }

    private static int classBytes(int count) {
        return (count + 3) / 4;
    }

    public int size() {
        return size;
    }

    public int count() {
        return count;
    }

    /** The ordinals, as stored: a little-endian bitmap when dense, else big-endian 16-bit offsets. */
    public byte[] ordinals() {
        if (dense(size, count)) {
            byte[] out = new byte[size / 8];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (bits[i >> 3] >>> ((i & 7) * 8));
            }
            return out;
        }
        byte[] out = new byte[2 * count];
        int i = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                int offset = (w << 6) | Long.numberOfTrailingZeros(word);
                word &= word - 1;
                out[i++] = (byte) (offset >> 8);
                out[i++] = (byte) offset;
            }
        }
        return out;
    }

    /** The postings' weight classes, as stored. */
    public byte[] classes() {
        return classes.clone();
    }

    public boolean contains(int offset) {
        return (bits[offset >> 6] & (1L << offset)) != 0;
    }

    /** The weight class of the posting at {@code offset}, or -1 when the block has none there. */
    public int weightClass(int offset) {
        int w = offset >> 6;
        long word = bits[w];
        long bit = 1L << offset;
        if ((word & bit) == 0) {
            return -1;
        }
        return classAt(before[w] + Long.bitCount(word & (bit - 1)));
    }

    private int classAt(int place) {
        return (classes[place >> 2] >> ((place & 3) * 2)) & 3;
    }

    /** The highest weight class of any posting: a bound on what the block adds to a score. */
    public int maxClass() {
        int max = -1;
        for (int place = 0; place < count && max < HEADLINE; place++) {
            max = Math.max(max, classAt(place));
        }
        return max;
    }

    /** Word {@code w} of the bitmap: offsets {@code 64 * w} to {@code 64 * w + 63}. */
    public long word(int w) {
        return bits[w];
    }

    /**
     * Adds to {@code scores}, at each posting's offset, what its weight class is worth: {@code
     * byClass[weightClass]}. One pass over the postings in order, where a weight class is the next
     * one stored, rather than a lookup an offset.
     */
    public void addTo(double[] scores, double[] byClass) {
        int place = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                scores[(w << 6) | Long.numberOfTrailingZeros(word)] += byClass[classAt(place++)];
                word &= word - 1;
            }
        }
    }

    /** This block with a posting at {@code offset} of {@code weightClass}, in place of any there. */
    public PostingBlock with(int offset, int weightClass) {
        checkOffset(offset);
        if (weightClass < NAMES || weightClass > HEADLINE) {
            throw new IllegalArgumentException("No weight class " + weightClass);
        }
        return rewritten(offset, weightClass);
    }

    /** This block without a posting at {@code offset}; itself when it has none there. */
    public PostingBlock without(int offset) {
        checkOffset(offset);
        return contains(offset) ? rewritten(offset, -1) : this;
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset >= size) {
            throw new IllegalArgumentException("Offset " + offset + " is outside a block of " + size);
        }
    }

    /** The block with {@code offset} set to {@code weightClass}, or taken out when it is -1. */
    private PostingBlock rewritten(int offset, int weightClass) {
        long[] changed = Arrays.copyOf(bits, bits.length);
        long bit = 1L << offset;
        if (weightClass < 0) {
            changed[offset >> 6] &= ~bit;
        } else {
            changed[offset >> 6] |= bit;
        }
        int place = before[offset >> 6] + Long.bitCount(bits[offset >> 6] & (bit - 1));
        boolean had = contains(offset);
        int newCount = count + (weightClass < 0 ? -1 : had ? 0 : 1);
        byte[] out = new byte[classBytes(newCount)];
        int to = 0;
        for (int from = 0; from <= count; from++) {
            if (from == place) {
                if (weightClass >= 0) {
                    out[to >> 2] |= (byte) (weightClass << ((to & 3) * 2));
                    to++;
                }
                if (had) {
                    continue;
                }
            }
            if (from < count) {
                out[to >> 2] |= (byte) (classAt(from) << ((to & 3) * 2));
                to++;
            }
        }
        return new PostingBlock(size, changed, out);
    }

    /** Makes a block from postings given in ascending order of offset, as a rebuild reads them. */
    public static final class Builder {
        private final int size;
        private final long[] bits;
        private byte[] classes = new byte[16];
        private int count;
        private int last = -1;

        public Builder(int size) {
            checkSize(size);
            this.size = size;
            this.bits = new long[size / 64];
        }

        /** Adds a posting after every one added before. */
        public Builder add(int offset, int weightClass) {
            if (offset <= last || offset >= size) {
                throw new IllegalArgumentException(
                        "Offsets are added ascending within a block of " + size + ": " + offset + " after " + last);
            }
            if (weightClass < NAMES || weightClass > HEADLINE) {
                throw new IllegalArgumentException("No weight class " + weightClass);
            }
            bits[offset >> 6] |= 1L << offset;
            if (count >> 2 == classes.length) {
                classes = Arrays.copyOf(classes, classes.length * 2);
            }
            classes[count >> 2] |= (byte) (weightClass << ((count & 3) * 2));
            count++;
            last = offset;
            return this;
        }

        public int count() {
            return count;
        }

        public PostingBlock build() {
            return new PostingBlock(size, bits.clone(), Arrays.copyOf(classes, classBytes(count)));
        }
    }
}
