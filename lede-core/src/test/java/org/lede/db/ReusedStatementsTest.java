package org.lede.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's queries prepared once per connection and reused, on a pool of one connection as the worst case. */
class ReusedStatementsTest {
    @TempDir
    Path dir;

    HikariDataSource pool;
    Jdbi jdbi;
    String url;

    @BeforeEach
    void open() {
        url = DatabaseUrl.sqliteFile(dir.resolve("t.db")).jdbcUrl();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        jdbi = Jdbi.create(pool).setStatementBuilderFactory(new ReusedStatements());
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)");
            h.execute("INSERT INTO t (n) VALUES (1), (2), (3)");
        });
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aQueryIsPreparedOnceAndEachRunAnswersWithItsOwnValues() {
        List<PreparedStatement> used = new ArrayList<>();

        int first = jdbi.withHandle(h -> count(h, 1, used));
        int second = jdbi.withHandle(h -> count(h, 3, used));

        assertEquals(3, first);
        assertEquals(1, second);
        assertSame(used.get(0), used.get(1));
    }

    @Test
    void theSameQueryRunInsideTheLoopOverItsOwnRowsGetsAStatementOfItsOwn() {
        List<PreparedStatement> used = new ArrayList<>();
        List<Integer> inner = new ArrayList<>();

        jdbi.useHandle(h -> watched(h.createQuery("SELECT n FROM t WHERE n >= :n ORDER BY n"), used)
                .bind("n", 2)
                .mapTo(Integer.class)
                .forEach(n -> inner.add(count(h, n, used))));

        assertEquals(List.of(2, 1), inner);
        assertNotSame(used.get(0), used.get(1));
        assertSame(used.get(1), used.get(2), "the inner run's statement is kept after its first use");
    }

    @Test
    void aQueryLeftBeforeItsLastRowHoldsNoSnapshotOnItsConnection() throws Exception {
        int first = jdbi.withHandle(h -> h.createQuery("SELECT n FROM t ORDER BY n")
                .mapTo(Integer.class)
                .findFirst()
                .orElseThrow());
        assertEquals(1, first);
        try (Connection other = DriverManager.getConnection(url);
                Statement write = other.createStatement()) {
            write.execute("INSERT INTO t (n) VALUES (4)");
        }

        assertEquals(4, (int) jdbi.withHandle(h -> count(h, 0, new ArrayList<>())));
    }

    @Test
    void writesAreNotKept() {
        List<PreparedStatement> used = new ArrayList<>();

        jdbi.useHandle(h -> {
            watched(h.createUpdate("INSERT INTO t (n) VALUES (:n)"), used)
                    .bind("n", 5)
                    .execute();
            watched(h.createUpdate("INSERT INTO t (n) VALUES (:n)"), used)
                    .bind("n", 6)
                    .execute();
        });

        assertNotSame(used.get(0), used.get(1));
        assertEquals(5, (int) jdbi.withHandle(h -> count(h, 0, new ArrayList<>())));
    }

    @Test
    void theLeastRecentlyUsedOfTooManyIsClosed() {
        List<PreparedStatement> used = countAroundOthers(ReusedStatements.PER_CONNECTION);

        assertNotSame(used.get(0), used.get(1));
    }

    @Test
    void aKeptQueryIsUsedAgainWhileOthersComeAndGoWithinTheLimit() {
        List<PreparedStatement> used = countAroundOthers(ReusedStatements.PER_CONNECTION - 1);

        assertSame(used.get(0), used.get(1));
    }

    /** The statements of one query run before and after {@code others} other queries. */
    private List<PreparedStatement> countAroundOthers(int others) {
        List<PreparedStatement> used = new ArrayList<>();
        jdbi.useHandle(h -> count(h, 0, used));
        for (int i = 0; i < others; i++) {
            int other = i;
            jdbi.useHandle(h -> h.createQuery("SELECT " + other + " AS n")
                    .mapTo(Integer.class)
                    .one());
        }
        jdbi.useHandle(h -> count(h, 0, used));
        return used;
    }

    private static int count(Handle h, int from, List<PreparedStatement> used) {
        return watched(h.createQuery("SELECT COUNT(*) FROM t WHERE n >= :n"), used)
                .bind("n", from)
                .mapTo(Integer.class)
                .one();
    }

    private static <T extends SqlStatement<T>> T watched(T statement, List<PreparedStatement> used) {
        return statement.addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
                used.add(stmt);
            }
        });
    }
}
