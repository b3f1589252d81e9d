package org.lede.search.lucene;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.search.SearchIndex;
import org.lede.search.SearchIndexContract;

/** The Lucene adapter against the contract, in a temporary directory. */
class LuceneSearchIndexTest extends SearchIndexContract {
    @TempDir
    Path dir;

    @Override
    protected SearchIndex open() {
        return LuceneSearchIndex.open(dir.resolve("index"), Clock.systemUTC());
    }

    @Test
    void readsNoNamesSoNoneAreLookedForWhenItsDocumentsAreBuilt() {
        assertFalse(index.readsNames());
    }
}
