package org.lede.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
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

    @Test
    void similarReadsWhatAStoryIsAboutFromItsTopNotFromWordsDeepInItsBody() {
        // Words of the opening that no other document has say nothing, and the two shared words
        // come after the part that more-like-this reads, so nothing is like this story.
        StringBuilder opening = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            opening.append("word")
                    .append(Integer.toString(i, 26).replaceAll("\\d", "x"))
                    .append(' ');
        }
        put(
                story("deep", "Opening").body(opening + "zeppelin quarantine"),
                story("other", "Airships").body("The zeppelin quarantine ended."),
                story("top", "Airship quarantine").body("A zeppelin quarantine began."));
        assertEquals(List.of(), index.similar("deep", 10), "words past the top do not make it similar");
        assertEquals(
                Set.of("other", "deep"),
                Set.copyOf(index.similar("top", 10).stream()
                        .map(SearchIndex.Similar::id)
                        .toList()),
                "the same words at the top do, and they are indexed wherever they are");
    }
}
