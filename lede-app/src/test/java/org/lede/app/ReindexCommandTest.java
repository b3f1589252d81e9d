package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.Services;
import org.lede.content.Paragraph;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.search.SearchIndex;
import org.lede.search.SearchQuery;
import org.lede.story.StoryDraft;
import org.lede.user.Actor;

/** {@code lede reindex}: the index rebuilt from the database, and refused while another process holds it. */
class ReindexCommandTest {
    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    private void twoDrafts() throws Exception {
        Files.createDirectories(data());
        try (Database db = Database.open(DatabaseUrl.sqliteIn(data()))) {
            Services services = Services.create(db, data().resolve("media"), Clock.systemUTC());
            for (String headline : List.of("Lighthouse keeper retires", "Lighthouse for sale")) {
                services.storyService()
                        .createDraft(Actor.SYSTEM, StoryDraft.of(headline, List.of(Paragraph.of("Text."))));
            }
        }
    }

    @Test
    void reindexRebuildsTheIndexFromTheDatabaseAndSaysHowFast() throws Exception {
        twoDrafts();
        Cli result = Cli.run("reindex", "--data-dir", data().toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().startsWith("Reindexed 2 documents in "), result.out());
        assertTrue(result.out().contains("documents/s)."), result.out());

        try (Database db = Database.open(DatabaseUrl.sqliteIn(data()));
                var search = Services.create(db, data().resolve("media"), Clock.systemUTC())
                        .search()) {
            SearchIndex index = search.index();
            assertEquals(2, index.search(SearchQuery.newsroom("lighthouse", 10)).total());
            assertEquals(
                    0, index.search(SearchQuery.readers("lighthouse", 10)).total(), "drafts stay out of reader search");
        }
        assertTrue(Files.isDirectory(data().resolve("index")), "under the data directory");
    }

    @Test
    void reindexWhileAnotherProcessHoldsTheIndexFailsWithOneLine() throws Exception {
        twoDrafts();
        try (Database db = Database.open(DatabaseUrl.sqliteIn(data()));
                var search = Services.create(db, data().resolve("media"), Clock.systemUTC())
                        .search()) {
            search.index();
            Cli.run("reindex", "--data-dir", data().toString()).assertOneLineError("is in use by another Lede process");
        }
    }
}
