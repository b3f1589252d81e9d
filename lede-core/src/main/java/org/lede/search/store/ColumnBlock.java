package org.lede.search.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What a search filters, counts and ranks by, for every ordinal of one block: whether a document
 * holds the ordinal, whether it is live, its status, creator, topic, kind, date and authors, each
 * a code of a shared dictionary (0 for none). PostgreSQL keeps a block as one value ({@link
 * #encode()}), so a node reads a million documents' columns in a few rows and reloads only the
 * blocks whose version changed, instead of reading the whole table by id (8 s at a million
 * stories in the prototype of bench/README.md). Immutable: a change makes a new block.
 */
public final class ColumnBlock {
    /** One document's columns. */
    public record Facts(boolean live, int status, int createdBy, int topic, int kind, long seconds, int[] authors) {
        public Facts {
            check(status, 255, "status");
            check(kind, 255, "kind");
            check(topic, 65_535, "topic");
            if (createdBy < 0) {
                throw new IllegalArgumentException("No creator code " + createdBy);
            }
            if (authors.length > 255) {
                throw new IllegalArgumentException("At most 255 authors, not " + authors.length);
            }
            for (int author : authors) {
                if (author < 1) {
                    throw new IllegalArgumentException("No author code " + author);
                }
            }
            authors = authors.clone();
        }

        private static void check(int code, int max, String what) {
            if (code < 0 || code > max) {
                throw new IllegalArgumentException("A " + what + " code is 0 to " + max + ", not " + code);
            }
        }

        @Override
        public int[] authors() {
            return authors.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Facts f
                    && live == f.live
                    && status == f.status
                    && createdBy == f.createdBy
                    && topic == f.topic
                    && kind == f.kind
                    && seconds == f.seconds
                    && Arrays.equals(authors, f.authors);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(seconds) * 31 + Arrays.hashCode(authors);
        }

        @Override
        public String toString() {
            return "Facts[live=" + live + ", status=" + status + ", createdBy=" + createdBy + ", topic=" + topic
                    + ", kind=" + kind + ", seconds=" + seconds + ", authors=" + Arrays.toString(authors) + "]";
        }
    }

    private static final int FORMAT = 1;

    private final int size;
    private final long[] present;
    private final long[] live;
    private final byte[] status;
    private final int[] createdBy;
    private final char[] topic;
    private final byte[] kind;
    private final long[] seconds;
    private final int[][] authors;

    private ColumnBlock(int size) {
        this(
                size,
                new long[size / 64],
                new long[size / 64],
                new byte[size],
                new int[size],
                new char[size],
                new byte[size],
                new long[size],
                new int[size][]);
    }

    private ColumnBlock(
            int size,
            long[] present,
            long[] live,
            byte[] status,
            int[] createdBy,
            char[] topic,
            byte[] kind,
            long[] seconds,
            int[][] authors) {
        this.size = size;
        this.present = present;
        this.live = live;
        this.status = status;
        this.createdBy = createdBy;
        this.topic = topic;
        this.kind = kind;
        this.seconds = seconds;
        this.authors = authors;
    }

    /** A block of {@code size} ordinals (a power of two from 64 to {@link PostingBlock#MAX_SIZE}) holding no document. */
    public static ColumnBlock empty(int size) {
        if (size < 64 || size > PostingBlock.MAX_SIZE || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException(
                    "A block holds a power of two from 64 to " + PostingBlock.MAX_SIZE + " ordinals, not " + size);
        }
        return new ColumnBlock(size);
    }

    public int size() {
        return size;
    }

    public boolean holds(int offset) {
        return (present[offset >> 6] & (1L << offset)) != 0;
    }

    /** Word {@code w} of the live documents' bitmap: a reader's search matches only these. */
    public long liveWord(int w) {
        return live[w];
    }

    /** Word {@code w} of the held documents' bitmap: a newsroom's search matches any of these. */
    public long heldWord(int w) {
        return present[w];
    }

    public int status(int offset) {
        return status[offset] & 0xFF;
    }

    public int createdBy(int offset) {
        return createdBy[offset];
    }

    public int topic(int offset) {
        return topic[offset];
    }

    public int kind(int offset) {
        return kind[offset] & 0xFF;
    }

    public long seconds(int offset) {
        return seconds[offset];
    }

    public int authorCount(int offset) {
        int[] a = authors[offset];
        return a == null ? 0 : a.length;
    }

    public int author(int offset, int i) {
        return authors[offset][i];
    }

    /** The document at {@code offset}, or null when the block holds none there. */
    public Facts facts(int offset) {
        if (!holds(offset)) {
            return null;
        }
        return new Facts(
                (live[offset >> 6] & (1L << offset)) != 0,
                status(offset),
                createdBy[offset],
                topic[offset],
                kind(offset),
                seconds[offset],
                authors[offset] == null ? new int[0] : authors[offset]);
    }

    /** This block with the document at {@code offset} as {@code facts}, in place of any there. */
    public ColumnBlock with(int offset, Facts facts) {
        checkOffset(offset);
        ColumnBlock next = copy();
        next.put(offset, facts);
        return next;
    }

    /** This block without a document at {@code offset}; itself when it holds none there. */
    public ColumnBlock without(int offset) {
        checkOffset(offset);
        if (!holds(offset)) {
            return this;
        }
        ColumnBlock next = copy();
        next.clear(offset);
        return next;
    }

    private void clear(int offset) {
        long bit = 1L << offset;
        present[offset >> 6] &= ~bit;
        live[offset >> 6] &= ~bit;
        status[offset] = 0;
        createdBy[offset] = 0;
        topic[offset] = 0;
        kind[offset] = 0;
        seconds[offset] = 0;
        authors[offset] = null;
    }

    /** A copy of this block to change in place, for many changes at once: a rebuild's block, or an apply's batch. */
    public Builder edit() {
        return new Builder(copy());
    }

    /** Changes a copy of a block in place, then hands it over once. */
    public static final class Builder {
        private ColumnBlock block;

        private Builder(ColumnBlock block) {
            this.block = block;
        }

        /** Puts the document at {@code offset}, in place of any there. */
        public Builder put(int offset, Facts facts) {
            open().checkOffset(offset);
            block.put(offset, facts);
            return this;
        }

        /** Takes out the document at {@code offset}, if any. */
        public Builder remove(int offset) {
            open().checkOffset(offset);
            block.clear(offset);
            return this;
        }

        public ColumnBlock build() {
            ColumnBlock built = open();
            block = null;
            return built;
        }

        private ColumnBlock open() {
            if (block == null) {
                throw new IllegalStateException("The block was built");
            }
            return block;
        }
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset >= size) {
            throw new IllegalArgumentException("Offset " + offset + " is outside a block of " + size);
        }
    }

    private ColumnBlock copy() {
        return new ColumnBlock(
                size,
                present.clone(),
                live.clone(),
                status.clone(),
                createdBy.clone(),
                topic.clone(),
                kind.clone(),
                seconds.clone(),
                authors.clone());
    }

    private void put(int offset, Facts facts) {
        long bit = 1L << offset;
        present[offset >> 6] |= bit;
        if (facts.live()) {
            live[offset >> 6] |= bit;
        } else {
            live[offset >> 6] &= ~bit;
        }
        status[offset] = (byte) facts.status();
        createdBy[offset] = facts.createdBy();
        topic[offset] = (char) facts.topic();
        kind[offset] = (byte) facts.kind();
        seconds[offset] = facts.seconds();
        authors[offset] = facts.authors.length == 0 ? null : facts.authors.clone();
    }

    /**
     * The block as PostgreSQL keeps it: format and size, the held and live bitmaps, then each held
     * document's status, kind, topic, creator, date and authors, in order of offset.
     */
    public byte[] encode() {
        int bytes = 8 + size / 4;
        for (int w = 0; w < present.length; w++) {
            long word = present[w];
            while (word != 0) {
                int offset = (w << 6) | Long.numberOfTrailingZeros(word);
                word &= word - 1;
                bytes += 1 + 1 + 2 + 4 + 8 + 1 + 4 * authorCount(offset);
            }
        }
        ByteBuffer out = ByteBuffer.allocate(bytes);
        out.putInt(FORMAT).putInt(size);
        for (long word : present) {
            out.putLong(word);
        }
        for (long word : live) {
            out.putLong(word);
        }
        for (int w = 0; w < present.length; w++) {
            long word = present[w];
            while (word != 0) {
                int offset = (w << 6) | Long.numberOfTrailingZeros(word);
                word &= word - 1;
                out.put(status[offset]).put(kind[offset]).putChar(topic[offset]);
                out.putInt(createdBy[offset]).putLong(seconds[offset]);
                out.put((byte) authorCount(offset));
                for (int i = 0; i < authorCount(offset); i++) {
                    out.putInt(authors[offset][i]);
                }
            }
        }
        return out.array();
    }

    /**
     * Reads a block as {@link #encode()} wrote it.
     *
     * @throws IllegalArgumentException when the bytes are not such a block
     */
    public static ColumnBlock decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int format = in.getInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("Unknown column block format " + format);
            }
            ColumnBlock block = empty(in.getInt());
            for (int w = 0; w < block.present.length; w++) {
                block.present[w] = in.getLong();
            }
            for (int w = 0; w < block.live.length; w++) {
                long word = in.getLong();
                if ((word & ~block.present[w]) != 0) {
                    throw new IllegalArgumentException("A live document the block does not hold, in word " + w);
                }
                block.live[w] = word;
            }
            for (int w = 0; w < block.present.length; w++) {
                long word = block.present[w];
                while (word != 0) {
                    int offset = (w << 6) | Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    block.status[offset] = in.get();
                    block.kind[offset] = in.get();
                    block.topic[offset] = in.getChar();
                    block.createdBy[offset] = in.getInt();
                    block.seconds[offset] = in.getLong();
                    int count = in.get() & 0xFF;
                    if (count > 0) {
                        int[] a = new int[count];
                        for (int i = 0; i < count; i++) {
                            a[i] = in.getInt();
                        }
                        block.authors[offset] = a;
                    }
                }
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the column block");
            }
            return block;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("The column block ends early", e);
        }
    }
}
