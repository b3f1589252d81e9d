package org.lede.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps SQLite's prepared queries open for reuse on the connection that prepared them. SQLite
 * compiles a statement each time it is prepared, and a reader page runs a dozen queries: compiling
 * them was two fifths of SQLite's time on a warm story page. PostgreSQL's driver keeps its own
 * prepared statements, so this is SQLite's alone.
 *
 * <p>A statement goes back to its connection's idle set when Jdbi is done with it; Jdbi has closed
 * its result set by then, which resets it, so no idle statement holds a read snapshot. One
 * asked for while its twin is in use (a query run inside the loop over another's rows) is prepared
 * anew. Each connection keeps at most {@link #PER_CONNECTION} idle statements, the least recently
 * used closed first, since lists bound into {@code IN (...)} make a statement per length.
 */
final class ReusedStatements implements StatementBuilderFactory {
    static final int PER_CONNECTION = 128;
    private static final StatementBuilder PLAIN = new DefaultStatementBuilder();

    /** Idle statements by the pool's underlying connection, then by SQL. */
    private final Map<Connection, Map<String, PreparedStatement>> idle = new IdentityHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection conn) {
        return new Builder();
    }

    private Map<String, PreparedStatement> idleOn(Connection physical) throws SQLException {
        synchronized (idle) {
            Map<String, PreparedStatement> found = idle.get(physical);
            if (found == null) {
                // The pool replaces connections now and then; forget those it closed.
                List<Connection> closed = new ArrayList<>();
                for (Connection c : idle.keySet()) {
                    if (c.isClosed()) {
                        closed.add(c);
                    }
                }
                idle.keySet().removeAll(closed);
                found = new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                        if (size() <= PER_CONNECTION) {
                            return false;
                        }
                        quietlyClose(eldest.getValue());
                        return true;
                    }
                };
                idle.put(physical, found);
            }
            return found;
        }
    }

    private static void quietlyClose(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // Closing only frees SQLite's memory for it; the connection's close frees the rest.
        }
    }

    private final class Builder implements StatementBuilder {
        /**
         * Statements this handle will give back to an idle set, with the SQL they were prepared
         * from: Jdbi closes a statement naming the SQL as written, before its parameters were
         * translated to the {@code ?} the driver saw.
         */
        private final Map<Statement, String> reused = new IdentityHashMap<>();
        /** The handle's one connection under the pool's wrapper, and its idle set: found at its first query. */
        private Connection physical;

        private Map<String, PreparedStatement> statements;

        @Override
        public Statement create(Connection conn, StatementContext ctx) throws SQLException {
            return PLAIN.create(conn, ctx);
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (!sql.startsWith("SELECT") || ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
                return PLAIN.create(conn, sql, ctx);
            }
            Connection physical = conn.unwrap(Connection.class);
            if (statements == null) {
                statements = idleOn(physical);
            }
            PreparedStatement statement;
            synchronized (idle) {
                statement = statements.remove(sql);
            }
            if (statement == null || statement.isClosed()) {
                statement = physical.prepareStatement(sql);
            }
            reused.put(statement, sql);
            return statement;
        }

        @Override
        public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return PLAIN.createCall(conn, sql, ctx);
        }

        @Override
        public void close(Connection conn, String sql, Statement statement) throws SQLException {
            String prepared = reused.remove(statement);
            if (prepared == null || statement.isClosed()) {
                PLAIN.close(conn, sql, statement);
                return;
            }
            PreparedStatement idleNow = (PreparedStatement) statement;
            idleNow.clearParameters();
            PreparedStatement twin;
            synchronized (idle) {
                twin = statements.putIfAbsent(prepared, idleNow);
            }
            if (twin != null) {
                idleNow.close();
            }
        }
    }
}
