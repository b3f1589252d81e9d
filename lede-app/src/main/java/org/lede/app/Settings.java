package org.lede.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.search.SearchIndexes;
import picocli.CommandLine.Option;

/** Options every command shares: where the data lives and which database to use. */
final class Settings {
    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "${env:LEDE_DATA_DIR:-data}",
            description = "Directory for the SQLite database, media and search index (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--database-url",
            paramLabel = "URL",
            defaultValue = "${env:LEDE_DATABASE_URL}",
            description =
                    "jdbc:postgresql://host:5432/name?user=...&password=... for PostgreSQL; SQLite in the data directory when absent.")
    String databaseUrl;

    @Option(
            names = "--time-zone",
            paramLabel = "ZONE",
            defaultValue = "${env:LEDE_TIME_ZONE:-UTC}",
            description = "Zone for dates shown to readers and dated story URLs (default: ${DEFAULT-VALUE}).")
    String timeZone;

    @Option(
            names = "--search-index",
            paramLabel = "KIND",
            defaultValue = "${env:LEDE_SEARCH_INDEX:-auto}",
            description = "auto (the default): PostgreSQL's full text search on PostgreSQL, one index in the database"
                    + " that every node shares, and Lucene on SQLite; lucene: Lucene under the data directory on either"
                    + " database, on PostgreSQL each node its own copy kept up to date from the database (faster to"
                    + " search, and twice as fast to rebuild, at archive scale); postgresql: PostgreSQL's only.")
    String searchIndex;

    /** Creates the data directory and proves it writable, so a bad path fails now in one line, not on the first upload. */
    Path writableDataDir() {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (AccessDeniedException e) {
            throw new StartupException("cannot write to the data directory " + dir + ": permission denied.");
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            throw new StartupException("cannot use the data directory " + dir + ": " + reason
                    + (e.getFile() != null && !e.getFile().equals(dir.toString()) ? " (" + e.getFile() + ")" : "")
                    + ".");
        } catch (IOException e) {
            throw new StartupException("cannot use the data directory " + dir + ": " + e.getMessage() + ".");
        }
    }

    DatabaseUrl database(Path dir) {
        return DatabaseUrl.parse(databaseUrl, dir);
    }

    /** The core's services over {@code db}, with the media and the search index (when it is Lucene's) under {@code dataDir}. */
    Services services(Database db, Path dataDir, Clock clock) {
        SearchIndexes.Kind kind = searchIndexKind();
        try {
            kind.requireFits(db.dialect());
        } catch (IllegalArgumentException e) {
            throw new StartupException(
                    "--search-index " + searchIndex + " needs a PostgreSQL database (--database-url).");
        }
        return Services.create(db, dataDir.resolve("media"), dataDir.resolve("index"), kind, clock);
    }

    SearchIndexes.Kind searchIndexKind() {
        String name = searchIndex.strip().toUpperCase(Locale.ROOT);
        for (SearchIndexes.Kind kind : SearchIndexes.Kind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new StartupException("unknown search index \"" + searchIndex + "\"; use auto, lucene or postgresql.");
    }

    ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new StartupException(
                    "unknown time zone \"" + timeZone + "\"; use a name such as Europe/Berlin or UTC.");
        }
    }
}
