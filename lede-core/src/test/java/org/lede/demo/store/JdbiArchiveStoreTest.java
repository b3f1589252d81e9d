package org.lede.demo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JdbiArchiveStoreTest {
    private static String csv(Object... row) {
        StringBuilder out = new StringBuilder();
        JdbiArchiveStore.Rows.csv(out, row);
        return out.toString();
    }

    @Test
    void aCopyLineQuotesEveryValueSoCommasQuotesAndLineBreaksAreData() {
        assertEquals(
                "\"s1\",\"3\",\"{\"\"text\"\":\"\"Yes, no\"\"}\",\"two\nlines\"\n",
                csv("s1", 3, "{\"text\":\"Yes, no\"}", "two\nlines"));
    }

    @Test
    void nullIsLeftEmptyAndUnquotedWhileAnEmptyTextIsQuoted() {
        assertEquals(",\"\",\"x\"\n", csv(null, "", "x"));
    }
}
