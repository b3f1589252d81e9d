package org.lede.db;

import java.nio.file.Path;
import org.lede.common.ValidationException;

/**
 * A parsed database address: SQLite by default (one file under the data directory), or
 * PostgreSQL given as {@code jdbc:postgresql://host[:port]/name}.
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, String user, String password) {

    /** The embedded default: one SQLite file under the data directory. */
    public static DatabaseUrl sqliteIn(Path dataDir) {
        return sqliteFile(dataDir.resolve("lede.db"));
    }

    public static DatabaseUrl sqliteFile(Path file) {
        // IMMEDIATE transactions take the write lock at BEGIN, so two writers queue on the busy
        // timeout instead of one failing when it upgrades a read lock.
        return new DatabaseUrl(
                Dialect.SQLITE,
                "jdbc:sqlite:" + file.toAbsolutePath()
                        + "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE&synchronous=NORMAL",
                null,
                null);
    }

    /**
     * Reads a URL given by a user. Credentials may ride in the URL's query
     * ({@code ?user=...&password=...}) as the PostgreSQL driver accepts them.
     */
    public static DatabaseUrl parse(String url, Path dataDir) {
        if (url == null || url.isBlank()) {
            return sqliteIn(dataDir);
        }
        String value = url.strip();
        if (value.startsWith("jdbc:postgresql://")) {
            String rest = value.substring("jdbc:postgresql://".length());
            int slash = rest.indexOf('/');
            if (slash <= 0
                    || slash == rest.length() - 1
                    || rest.substring(slash + 1).startsWith("?")) {
                throw invalid(
                        value, "it needs a host and a database name, as in jdbc:postgresql://localhost:5432/lede");
            }
            return new DatabaseUrl(Dialect.POSTGRESQL, value, null, null);
        }
        if (value.startsWith("jdbc:sqlite:")) {
            String file = value.substring("jdbc:sqlite:".length());
            int query = file.indexOf('?');
            if (query >= 0) {
                file = file.substring(0, query);
            }
            if (file.isBlank() || file.equals(":memory:")) {
                throw invalid(value, "it needs a file path, as in jdbc:sqlite:/var/lib/lede/lede.db");
            }
            return sqliteFile(Path.of(file));
        }
        throw invalid(value, "Lede speaks jdbc:postgresql://host/name or jdbc:sqlite:/path/to/file.db");
    }

    private static ValidationException invalid(String url, String why) {
        return new ValidationException(
                "database-url", "The database URL \"" + redact(url) + "\" is not usable: " + why + ".");
    }

    /** The URL without any password, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^/@]*):[^/@]*@", "//$1:***@");
    }

    @Override
    public String toString() {
        if (dialect == Dialect.SQLITE) {
            String file = jdbcUrl.substring("jdbc:sqlite:".length());
            int query = file.indexOf('?');
            return "SQLite " + (query < 0 ? file : file.substring(0, query));
        }
        return "PostgreSQL " + redact(jdbcUrl);
    }
}
