package org.lede.search.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values that one {@link ColumnBlock}'s codes stand for: statuses, creators, topics, kinds
 * and authors, each dimension numbered from 1 in the order its values came (0 is none). Each
 * block has its own, kept beside it as one text array ("t:" and a topic id, and so on), so a
 * block is written without a shared table that every writer would queue on, and a value's code
 * only has to fit the few thousand documents of one block.
 */
final class BlockDictionary {
    /** The dimensions, each a prefix of the stored entries. */
    enum Dimension {
        STATUS('s', 255),
        CREATOR('u', Integer.MAX_VALUE),
        TOPIC('t', 65_535),
        KIND('k', 255),
        AUTHOR('a', Integer.MAX_VALUE);

        final char prefix;
        final int most;

        Dimension(char prefix, int most) {
            this.prefix = prefix;
            this.most = most;
        }

        static Dimension of(char prefix) {
            for (Dimension d : values()) {
                if (d.prefix == prefix) {
                    return d;
                }
            }
            throw new IllegalArgumentException("No dimension '" + prefix + "'");
        }
    }

    private final List<List<String>> values = new ArrayList<>();
    private final List<Map<String, Integer>> codes = new ArrayList<>();

    BlockDictionary() {
        for (int d = 0; d < Dimension.values().length; d++) {
            values.add(new ArrayList<>());
            codes.add(new HashMap<>());
        }
    }

    /** A dictionary as {@link #entries()} stored it. */
    static BlockDictionary of(String[] entries) {
        BlockDictionary dictionary = new BlockDictionary();
        for (String entry : entries) {
            if (entry.length() < 2 || entry.charAt(1) != ':') {
                throw new IllegalArgumentException("Not a dictionary entry: " + entry);
            }
            dictionary.code(Dimension.of(entry.charAt(0)), entry.substring(2));
        }
        return dictionary;
    }

    /** The code of {@code value}, which it gets now if it had none; 0 for null. */
    int code(Dimension dimension, String value) {
        if (value == null) {
            return 0;
        }
        Map<String, Integer> known = codes.get(dimension.ordinal());
        Integer code = known.get(value);
        if (code != null) {
            return code;
        }
        List<String> list = values.get(dimension.ordinal());
        if (list.size() == dimension.most) {
            throw new IllegalStateException("A block holds at most " + dimension.most + " values of " + dimension);
        }
        list.add(value);
        known.put(value, list.size());
        return list.size();
    }

    /** The code of {@code value}, or 0 when the block has none: then no document here has it. */
    int find(Dimension dimension, String value) {
        return codes.get(dimension.ordinal()).getOrDefault(value, 0);
    }

    /** The value {@code code} stands for, null for 0. */
    String value(Dimension dimension, int code) {
        return code == 0 ? null : values.get(dimension.ordinal()).get(code - 1);
    }

    /** How many values of {@code dimension} have codes. */
    int size(Dimension dimension) {
        return values.get(dimension.ordinal()).size();
    }

    /** Every value, each after its dimension's prefix and a colon, in the order {@link #of} reads them. */
    String[] entries() {
        List<String> out = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            for (String v : values.get(d.ordinal())) {
                out.add(d.prefix + ":" + v);
            }
        }
        return out.toArray(String[]::new);
    }
}
