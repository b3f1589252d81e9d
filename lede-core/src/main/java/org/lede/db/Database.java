package org.lede.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.lede.common.Failures;
import org.lede.common.Transactions;

/**
 * The database: a connection pool, its migrations, and transactions that stores join. A store
 * asks for {@link #handle}; inside {@link #inTransaction} every store on the thread shares one
 * handle, so a service's writes commit together.
 */
public final class Database implements Transactions, AutoCloseable {
    private final Dialect dialect;
    private final String url;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    /** Numbers savepoints, so nested ones have names of their own. */
    private final AtomicLong savepointNames = new AtomicLong();

    private Database(DatabaseUrl url, HikariDataSource pool) {
        this.dialect = url.dialect();
        this.url = url.toString();
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        if (dialect == Dialect.SQLITE) {
            jdbi.setStatementBuilderFactory(new ReusedStatements());
        }
    }

    /**
     * Connects and brings the schema up to date.
     *
     * @throws DatabaseUnavailableException with a one-line reason when the database cannot be reached or migrated
     */
    public static Database open(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
            config.setPassword(url.password());
        }
        config.setPoolName("lede");
        config.setMaximumPoolSize(url.dialect() == Dialect.SQLITE ? 4 : 10);
        config.setConnectionTimeout(10_000);
        // Fail at start-up with the driver's reason rather than on the first request.
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException(
                    "Cannot connect to the database " + url + ": " + DatabaseUrl.redact(Failures.rootMessage(e)));
        }
        try {
            migrate(pool, url.dialect());
        } catch (FlywayException e) {
            pool.close();
            throw new DatabaseUnavailableException(
                    "Cannot bring the database " + url + " up to date: " + DatabaseUrl.redact(Failures.rootMessage(e)));
        }
        return new Database(url, pool);
    }

    private static void migrate(DataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.folder())
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The database's address without credentials, for logs and start-up messages. */
    public String describe() {
        return url;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(null, work);
    }

    /**
     * Runs {@code work} in a transaction whose statements all read the one snapshot taken by its
     * first (repeatable read), or in the caller's transaction when there is one: for reads whose
     * statements must agree with each other.
     */
    public <T> T inSnapshot(Supplier<T> work) {
        return inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work);
    }

    /** @param level the isolation level, or null for the connection's own */
    private <T> T inTransaction(TransactionIsolationLevel level, Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try (Handle handle = jdbi.open()) {
            current.set(handle);
            try {
                return level == null
                        ? handle.inTransaction(h -> work.get())
                        : handle.inTransaction(level, h -> work.get());
            } finally {
                current.remove();
            }
        }
    }

    @Override
    public <T> T inSavepoint(Supplier<T> work) {
        Handle open = current.get();
        if (open == null) {
            return inTransaction(work);
        }
        String name = "work" + savepointNames.incrementAndGet();
        open.savepoint(name);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            // Jdbi forgets the savepoint once rolled back to; the commit drops it from the database.
            open.rollbackToSavepoint(name);
            throw e;
        }
        open.releaseSavepoint(name);
        return result;
    }

    /** Runs a store's statement on the thread's transaction, or on a handle of its own outside one. */
    public <T> T handle(Function<Handle, T> work) {
        Handle open = current.get();
        if (open != null) {
            return work.apply(open);
        }
        try (Handle handle = jdbi.open()) {
            return work.apply(handle);
        }
    }

    /**
     * Shows {@code watcher} every statement run from now on, with its bound values: how a test
     * reads the query plan of each statement the pages run (QueryPlanTest), with no second way of
     * running them.
     */
    public void watchStatements(SqlLogger watcher) {
        jdbi.setSqlLogger(watcher);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** True when the exception is a unique-key violation, on either database. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("23505".equals(sql.getSQLState())
                            || (sql.getMessage() != null && sql.getMessage().contains("UNIQUE constraint failed")))) {
                return true;
            }
        }
        return false;
    }
}
