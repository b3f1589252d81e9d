package org.lede.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
        // timeout instead of one failing when it upgrades a read lock. FULL flushes the log at
        // every commit: with NORMAL, a commit already answered can roll back after a power cut or
        // an operating system crash. A commit then takes 1 to 1.5 ms instead of 0.07 on the
        // machine the budgets are set on; readers never wait for it.
        return new DatabaseUrl(
                Dialect.SQLITE,
                "jdbc:sqlite:" + file.toAbsolutePath()
                        + "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE&synchronous=FULL",
                null,
                null);
    }

    /**
     * Reads a URL given by a user. Credentials may ride in the URL's query
     * ({@code ?user=...&password=...}) as the PostgreSQL driver accepts them, or in its user-info
     * part ({@code //user:secret@host/name}), which the driver does not read: those are taken out
     * of the URL and handed to the pool separately, so no driver message can repeat them.
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
            int at = rest.lastIndexOf('@', slash);
            if (at < 0) {
                return new DatabaseUrl(Dialect.POSTGRESQL, value, null, null);
            }
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            return new DatabaseUrl(
                    Dialect.POSTGRESQL,
                    "jdbc:postgresql://" + rest.substring(at + 1),
                    decode(colon < 0 ? userInfo : userInfo.substring(0, colon)),
                    colon < 0 ? null : decode(userInfo.substring(colon + 1)));
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

    /**
     * The text without any password a database URL in it carries, in its query or its user-info part;
     * for messages and logs, and for anything a driver says that may repeat the URL.
     */
    public static String redact(String text) {
        return text.replaceAll("(?i)(password=)[^&\\s]*", "$1***").replaceAll("//([^/@:\\s]*):[^/\\s]*@", "//$1:***@");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
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
