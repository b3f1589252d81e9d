package org.lede.search.lucene;

import java.nio.file.Path;
import java.time.Clock;
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
}
