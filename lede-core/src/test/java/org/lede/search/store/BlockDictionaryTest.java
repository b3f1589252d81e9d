package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lede.search.store.BlockDictionary.Dimension;

class BlockDictionaryTest {
    @Test
    void eachDimensionNumbersItsValuesFromOneInTheOrderTheyCame() {
        BlockDictionary d = new BlockDictionary();
        assertEquals(1, d.code(Dimension.TOPIC, "politics"));
        assertEquals(2, d.code(Dimension.TOPIC, "world"));
        assertEquals(1, d.code(Dimension.TOPIC, "politics"));
        assertEquals(1, d.code(Dimension.KIND, "news"));
        assertEquals(0, d.code(Dimension.AUTHOR, null));
        assertEquals(2, d.find(Dimension.TOPIC, "world"));
        assertEquals(0, d.find(Dimension.TOPIC, "health"));
        assertEquals(0, d.find(Dimension.KIND, "world"));
        assertEquals("world", d.value(Dimension.TOPIC, 2));
        assertNull(d.value(Dimension.TOPIC, 0));
        assertEquals(2, d.size(Dimension.TOPIC));
        assertEquals(0, d.size(Dimension.STATUS));
    }

    @Test
    void entriesReadBackAsTheSameCodes() {
        BlockDictionary d = new BlockDictionary();
        d.code(Dimension.AUTHOR, "a:b");
        d.code(Dimension.STATUS, "draft");
        d.code(Dimension.CREATOR, "u1");
        d.code(Dimension.TOPIC, "t");
        d.code(Dimension.KIND, "news");
        d.code(Dimension.AUTHOR, "a2");
        String[] entries = d.entries();
        assertArrayEquals(new String[] {"s:draft", "u:u1", "t:t", "k:news", "a:a:b", "a:a2"}, entries);
        BlockDictionary read = BlockDictionary.of(entries);
        assertEquals(1, read.find(Dimension.AUTHOR, "a:b"));
        assertEquals(2, read.find(Dimension.AUTHOR, "a2"));
        assertEquals(1, read.find(Dimension.CREATOR, "u1"));
        assertArrayEquals(entries, read.entries());
    }

    @Test
    void malformedEntriesAndFullDimensionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BlockDictionary.of(new String[] {"x"}));
        assertThrows(IllegalArgumentException.class, () -> BlockDictionary.of(new String[] {"t-politics"}));
        assertThrows(IllegalArgumentException.class, () -> BlockDictionary.of(new String[] {"z:politics"}));
        BlockDictionary d = new BlockDictionary();
        for (int i = 0; i < 255; i++) {
            d.code(Dimension.KIND, "k" + i);
        }
        assertEquals(255, d.code(Dimension.KIND, "k254"));
        assertThrows(IllegalStateException.class, () -> d.code(Dimension.KIND, "one more"));
    }
}
