package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.demo.DemoContent;
import org.lede.related.store.JdbiKeptPicks;

/** {@code lede go-deeper}: every live story's Go deeper ranked and kept ahead of readers. */
class GoDeeperCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyLiveStoryIsRankedOnceAndTheCommandSaysHowFast() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        long live;
        try (Database db = Database.open(DatabaseUrl.sqliteIn(data))) {
            Services services = Services.create(db, data.resolve("media"), Clock.systemUTC());
            new DemoContent(services, data.resolve("media")).load();
            services.mediaService().close();
            live = new JdbiKeptPicks(db).unrankedCount();
        }
        assertTrue(live > 10, "the demo's live stories: " + live);

        Cli result = Cli.run("go-deeper", "--data-dir", data.toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().startsWith("Ranked Go deeper for " + live + " stories in "), result.out());
        assertTrue(result.out().contains("stories/s)."), result.out());
        try (Database db = Database.open(DatabaseUrl.sqliteIn(data))) {
            assertEquals(0, new JdbiKeptPicks(db).unrankedCount());
        }

        Cli again = Cli.run("go-deeper", "--data-dir", data.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("Ranked Go deeper for 0 stories in "), again.out());
    }
}
