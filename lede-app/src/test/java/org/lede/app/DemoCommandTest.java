package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.search.SearchQuery;

/** {@code lede demo --stories N}: the archive generated, counted, and searchable at once. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void generatesTheArchiveThenRebuildsTheSearchIndex() {
        Path data = dir.resolve("data");
        Cli result = Cli.run(
                "demo", "--stories", "300", "--seed", "4", "--end", "2026-11-20", "--data-dir", data.toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().startsWith("generated 300 stories in "), result.out());
        assertTrue(
                result.out()
                        .contains("stories/s), seed 4, 2006-11-20 to 2026-11-20; the database now has 314 stories."),
                result.out());
        assertTrue(
                result.out().contains("Reindexed 315 documents"),
                "314 stories and the demo's dashboard: " + result.out());

        try (Database db = Database.open(DatabaseUrl.sqliteIn(data));
                var search = Services.create(db, data.resolve("media"), Clock.systemUTC())
                        .search()) {
            assertTrue(search.index().search(SearchQuery.readers("budget", 10)).total() > 0);
        }

        Cli again = Cli.run("demo", "--stories", "20", "--seed", "4", "--no-reindex", "--data-dir", data.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("the database now has 334 stories."), again.out());
        assertTrue(!again.out().contains("Reindexed"), again.out());
    }

    @Test
    void wrongArgumentsFailWithOneLine() {
        Cli.run("demo", "--stories", "-1", "--data-dir", dir.toString())
                .assertOneLineError("--stories must be 0 or more");
        Cli.run("demo", "--stories", "5", "--end", "soon", "--data-dir", dir.toString())
                .assertOneLineError("--end must be a date such as");
    }
}
