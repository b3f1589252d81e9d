package org.lede.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Pages are keyed by the parameters they read, decoded as the router decodes them. */
class CacheKeysTest {
    @Test
    void parametersNoPageReadsAreLeftOut() {
        assertEquals("/", CacheKeys.of("/", null));
        assertEquals("/", CacheKeys.of("/", ""));
        assertEquals("/", CacheKeys.of("/", "utm_source=a"));
        assertEquals("/", CacheKeys.of("/", "utm_source=b&fbclid=x"));
    }

    @Test
    void thePageNumberIsKeptInOneSpellingWhereverItStands() {
        assertEquals("/topics/city?page=2", CacheKeys.of("/topics/city", "page=2"));
        assertEquals("/topics/city?page=2", CacheKeys.of("/topics/city", "utm_source=a&page=2"));
        assertEquals(
                "/topics/city?page=2", CacheKeys.of("/topics/city", "page=%32&page=3"), "the router reads the first");
        assertEquals("/topics/city?page=2", CacheKeys.of("/topics/city", "pa%67e=2"), "names compare decoded");
        assertEquals("/?page=", CacheKeys.of("/", "page"));
        assertEquals("/?page=a%26b", CacheKeys.of("/", "page=a%26b"));
    }

    @Test
    void aQueryThatCannotBeDecodedIsNotCached() {
        assertNull(CacheKeys.of("/", "page=%zz"));
        assertNull(CacheKeys.of("/", "utm%=1"));
    }
}
