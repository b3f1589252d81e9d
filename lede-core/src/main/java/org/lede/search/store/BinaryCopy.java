package org.lede.search.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}: each value as the server's
 * receive function reads it, so the server parses no text. Why: a rebuild's rows went in through
 * arrays of literals, and parsing them (every text as an array element, every search vector from
 * its literal, then joining the weights' vectors) was a third of what the server spent on a row.
 * The bytes are written into one array by hand: through a DataOutputStream, each position of a
 * vector was a synchronized call, and writing was a twentieth of a rebuild's time.
 */
final class BinaryCopy {
    /** The signature, flags and header extension that open every binary copy. */
    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    /** PostgreSQL's type oid of text, which an array names as its elements' type. */
    private static final int TEXT_OID = 25;

    private byte[] bytes = new byte[1 << 16];
    private int size;
    private int rows;

    BinaryCopy() {
        bytes(HEADER);
    }

    /** Starts a row of {@code fields} values, which follow in the copy's column order. */
    BinaryCopy row(int fields) {
        rows++;
        return int16(fields);
    }

    /** A text, or NULL. */
    BinaryCopy text(String value) {
        if (value == null) {
            return nul();
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return int32(utf8.length).bytes(utf8);
    }

    /** A NULL, in a column of any type. */
    BinaryCopy nul() {
        return int32(-1);
    }

    /** An integer, PostgreSQL's int4. */
    BinaryCopy integer(int value) {
        return int32(4).int32(value);
    }

    /** A bytea: the bytes as they are. */
    BinaryCopy bytea(byte[] value) {
        return int32(value.length).bytes(value);
    }

    BinaryCopy bool(boolean value) {
        return int32(1).int8(value ? 1 : 0);
    }

    /** A one-dimensional array of texts, none null; PostgreSQL's empty array when there are none. */
    BinaryCopy texts(List<String> values) {
        if (values.isEmpty()) {
            return int32(12).int32(0).int32(0).int32(TEXT_OID);
        }
        byte[][] utf8 = new byte[values.size()][];
        int length = 20;
        for (int i = 0; i < utf8.length; i++) {
            utf8[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            length += 4 + utf8[i].length;
        }
        int32(length).int32(1).int32(0).int32(TEXT_OID).int32(values.size()).int32(1);
        for (byte[] value : utf8) {
            int32(value.length).bytes(value);
        }
        return this;
    }

    /** A search vector: its lexemes, each ended by a zero byte and followed by its positions. */
    BinaryCopy tsvector(SearchVectors.Tsvector vector) {
        byte[][] lexemes = vector.lexemes();
        int[][] positions = vector.positions();
        int length = 4;
        for (int i = 0; i < lexemes.length; i++) {
            length += lexemes[i].length + 1 + 2 + 2 * positions[i].length;
        }
        int32(length).int32(lexemes.length);
        for (int i = 0; i < lexemes.length; i++) {
            bytes(lexemes[i]).int8(0).int16(positions[i].length);
            for (int position : positions[i]) {
                int16(position);
            }
        }
        return this;
    }

    /** How many rows were started. */
    int rows() {
        return rows;
    }

    /** Sends the rows into {@code table}'s {@code columns} (named as in an INSERT), on the handle's connection. */
    void into(Handle h, String table, String columns) {
        int16(-1);
        try {
            h.getConnection()
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)",
                            new ByteArrayInputStream(bytes, 0, size));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy rows into " + table, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BinaryCopy int8(int value) {
        room(1);
        bytes[size++] = (byte) value;
        return this;
    }

    private BinaryCopy int16(int value) {
        room(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
        return this;
    }

    private BinaryCopy int32(int value) {
        room(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
        return this;
    }

    private BinaryCopy bytes(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    private void room(int n) {
        if (bytes.length - size < n) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
