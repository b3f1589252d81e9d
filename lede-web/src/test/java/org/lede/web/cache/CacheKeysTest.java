package org.lede.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

    @Test
    void apiAnswersAreKeyedByTheirWholeQuerySortedAndDecoded() {
        assertEquals(
                "/api/v1/stories?kind=news&limit=5",
                CacheKeys.of("/api/v1/stories", "limit=%35&kind=news&limit=9", null));
        assertEquals(
                CacheKeys.of("/api/v1/stories", "kind=news&limit=5", null),
                CacheKeys.of("/api/v1/stories", "limit=5&kind=news", null));
        assertEquals("/api/v1/stories", CacheKeys.of("/api/v1/stories", "", null));
    }

    @Test
    void aPresentedContentKeyGetsItsOwnEntryAndTheKeylessNeverShareIt() {
        String keyless = CacheKeys.of("/api/v1/topics", null, null);
        String byHeader = CacheKeys.of("/api/v1/topics", null, "Bearer k1");
        String byParameter = CacheKeys.of("/api/v1/topics", "key=k1", null);
        assertEquals(byHeader, byParameter, "one key, one entry, however it is sent");
        assertNotEquals(keyless, byHeader);
        assertNotEquals(byHeader, CacheKeys.of("/api/v1/topics", null, "Bearer k2"));
        assertFalse(byHeader.contains("k1"), "the cache keeps a digest, not the key");
        assertEquals("k1", CacheKeys.presentedKey("bearer k1", "k2"), "the header wins, its scheme in any case");
        assertEquals("k2", CacheKeys.presentedKey("Basic abc", "k2"));
        assertNull(CacheKeys.presentedKey(null, null));
        assertEquals("/", CacheKeys.of("/", "key=k1"), "reader pages ignore it");
    }
}
