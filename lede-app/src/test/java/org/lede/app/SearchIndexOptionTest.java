package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.db.Database;
import org.lede.db.Dialect;

/** {@code --search-index}: which index a site keeps, chosen alike for every command. */
class SearchIndexOptionTest {
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    @TempDir
    Path dir;

    @Test
    void onPostgresqlLuceneKeepsItsOwnIndexBuiltFromTheDatabaseAndLeavesTheSharedOneAlone() throws Exception {
        String[] database = RunningServer.databaseArgs(Dialect.POSTGRESQL);
        try (RunningServer server =
                RunningServer.start(dir, RunningServer.with(database, "--demo", "--search-index", "lucene"))) {
            // The empty index is rebuilt from the demo newsroom in the background after start.
            long total = Eventually.until(
                    "the demo stories to be searchable",
                    Eventually.DEADLINE,
                    () -> total(server.get("/api/v1/search?q=Veloria")),
                    found -> found > 0,
                    server::output);
            assertTrue(total > 0);
            assertTrue(Files.isDirectory(dir.resolve("index")), "Lucene's index is under the data directory");
            try (Database db = Database.open(RunningServer.databaseUrl(database, dir))) {
                long rows = db.handle(h -> h.createQuery("SELECT count(*) FROM search_documents")
                        .mapTo(Long.class)
                        .one());
                assertEquals(0, rows, "PostgreSQL's own index is not written");
            }
        }
    }

    @Test
    void theDatabasesOwnIndexOnSqliteIsRefusedInOneLine() {
        Cli.run("reindex", "--data-dir", dir.toString(), "--search-index", "postgresql")
                .assertOneLineError("--search-index postgresql needs a PostgreSQL database");
    }

    @Test
    void anUnknownKindIsRefusedInOneLineNamingTheKindsThereAre() {
        Cli.run("reindex", "--data-dir", dir.toString(), "--search-index", "elastic")
                .assertOneLineError("unknown search index \"elastic\"; use auto, lucene or postgresql");
    }

    private static long total(HttpResponse<String> response) {
        Matcher total = TOTAL.matcher(response.body());
        return response.statusCode() == 200 && total.find() ? Long.parseLong(total.group(1)) : -1;
    }
}
