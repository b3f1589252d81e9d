package org.lede.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.ParsedParameters;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Records the statements the server runs, with their bound values, and reads their plans: whether
 * each reads the tables that grow with the archive through an index. SQLite's {@code EXPLAIN QUERY
 * PLAN} may not scan such a table without an index nor sort it in a temporary B-tree; PostgreSQL's
 * {@code EXPLAIN}, with sequential scans and sorts priced out, may not fall back to either. And a
 * statement that picks rows of such a table by a bound value ({@code created_by = ?}) must find
 * them by at least one such value in an index, by the value alone: walking an index in order and
 * filtering, or probing another index once per row walked ({@code EXISTS}), reads the whole
 * archive when the value is rare. A small newsroom prices every plan alike, so what the
 * planner cannot do without an index is what this sees.
 */
public final class QueryPlans implements SqlLogger {
    /**
     * Editorial tables that stay small whatever the archive's size: read whole, they cost what
     * an index would. Every other table grows with the archive and must be reached by an index.
     */
    public static final Set<String> SMALL_TABLES = Set.of(
            "topics",
            "authors",
            "dashboards",
            "dashboard_items",
            "site_pages",
            "top_stories",
            "retired_slugs",
            "outbox_positions",
            // One row: the PostgreSQL search index's outbox position.
            "search_position",
            // One row a block of 16,384 documents (62 at a million stories): every search and
            // similar-stories search reads all their versions, to reload only the blocks changed.
            "search_columns",
            "server_secrets",
            "webhook_endpoints");

    private static final Pattern TABLE =
            Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_]+)(?:\\s+(?:AS\\s+)?([a-z_]+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUND_EQUALITY =
            Pattern.compile("(?:\\b([a-z_]+)\\.)?\\b([a-z_]+)\\s*=\\s*\\?", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_ALIASES = Set.of(
            "where",
            "join",
            "on",
            "order",
            "group",
            "left",
            "inner",
            "limit",
            "union",
            "using",
            "cross",
            "natural",
            "except",
            "intersect");

    /** One statement as run: its SQL with placeholders and the values bound to them, in order. */
    public record Run(String sql, List<Object> values) {}

    private final Set<Run> runs = Collections.synchronizedSet(new LinkedHashSet<>());

    /** The SELECT statements recorded so far, the only ones it records. */
    public List<Run> selects() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }

    @Override
    public void logBeforeExecution(StatementContext ctx) {
        if (!ctx.getParsedSql().getSql().strip().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
            return;
        }
        ParsedParameters parameters = ctx.getParsedSql().getParameters();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < parameters.getParameterCount(); i++) {
            Argument argument = parameters.isPositional()
                    ? ctx.getBinding().findForPosition(i).orElseThrow()
                    : ctx.getBinding()
                            .findForName(parameters.getParameterNames().get(i), ctx)
                            .orElseThrow();
            values.add(valueOf(argument, ctx));
        }
        runs.add(new Run(ctx.getParsedSql().getSql(), values));
    }

    /**
     * Each statement of {@code selects} that reads a big table without an index, described with its
     * plan.
     *
     * @param leading on SQLite, which keeps no statistics and reads along what the store tells it
     *     to, the columns a statement must be read along when it picks by them, first the one
     *     that must lead: a writer's list of a topic along the writer's stories, not the topic's
     * @param walksInOrder whether a page may walk a whole index in the order it is sorted by, under
     *     its limit, when it picks no rows by a bound value: the newsroom's list of every story, by
     *     last save, filters out only the few archived ones as it goes
     */
    public static List<String> problems(
            Database db, Dialect dialect, List<Run> selects, List<String> leading, boolean walksInOrder) {
        List<String> problems = new ArrayList<>();
        db.handle(h -> {
            Connection c = h.getConnection();
            for (Run run : selects) {
                try {
                    String problem = dialect == Dialect.SQLITE
                            ? sqlitePlan(c, run, leading)
                            : postgresqlPlan(c, run, walksInOrder);
                    if (problem != null) {
                        problems.add(problem);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot explain " + run.sql(), e);
                }
            }
            return null;
        });
        return problems;
    }

    /** An array argument as bound: its elements' type name and the elements, made again for the plan. */
    private record BoundArray(String type, Object[] elements) {}

    /**
     * What an argument binds, caught by letting it bind to a statement that only listens. An array
     * (the search index binds its words and blocks as arrays) is made by the statement's
     * connection, so the listener's connection keeps what it is asked to make.
     */
    private static Object valueOf(Argument argument, StatementContext ctx) {
        Object[] bound = new Object[1];
        BoundArray[] made = new BoundArray[1];
        Connection arrays = (Connection) Proxy.newProxyInstance(
                QueryPlans.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("createArrayOf")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    made[0] = new BoundArray((String) args[0], (Object[]) args[1]);
                    return Proxy.newProxyInstance(
                            QueryPlans.class.getClassLoader(),
                            new Class<?>[] {java.sql.Array.class},
                            (array, call, callArgs) -> null);
                });
        PreparedStatement listener = (PreparedStatement) Proxy.newProxyInstance(
                QueryPlans.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return arrays;
                    }
                    if (method.getName().startsWith("set") && args != null && args.length >= 2) {
                        bound[0] = switch (method.getName()) {
                            case "setNull" -> null;
                            case "setArray" -> made[0];
                            default -> args[1];
                        };
                    }
                    return null;
                });
        try {
            argument.apply(1, listener, ctx);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return bound[0];
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof BoundArray a) {
                s.setArray(i + 1, c.createArrayOf(a.type(), a.elements()));
            } else {
                s.setObject(i + 1, values.get(i));
            }
        }
        return s;
    }

    /** Table names by the name or alias a statement reads them under. */
    public static Map<String, String> tables(String sql) {
        Map<String, String> byName = new HashMap<>();
        Matcher m = TABLE.matcher(sql);
        while (m.find()) {
            String table = m.group(1).toLowerCase(Locale.ROOT);
            byName.put(table, table);
            byName.put(readAs(m), table);
        }
        return byName;
    }

    /** The name a {@link #TABLE} match reads its table under: its alias, else the table's own. */
    private static String readAs(Matcher table) {
        String alias = table.group(2) == null ? null : table.group(2).toLowerCase(Locale.ROOT);
        return alias == null || NOT_ALIASES.contains(alias) ? table.group(1).toLowerCase(Locale.ROOT) : alias;
    }

    /**
     * The columns each big table is picked by, a bound value each ({@code a.author_id = ?}), by
     * the name the statement reads the table under. A column named without a table belongs to
     * the first table the statement reads.
     */
    static Map<String, Set<String>> boundEqualities(String sql) {
        Map<String, String> tables = tables(sql);
        Matcher first = TABLE.matcher(sql);
        String main = first.find() ? readAs(first) : null;
        Map<String, Set<String>> columns = new HashMap<>();
        Matcher m = BOUND_EQUALITY.matcher(sql);
        while (m.find()) {
            String name = (m.group(1) != null ? m.group(1) : main);
            if (name == null) {
                continue;
            }
            name = name.toLowerCase(Locale.ROOT);
            String table = tables.get(name);
            if (table != null && !SMALL_TABLES.contains(table)) {
                columns.computeIfAbsent(name, k -> new HashSet<>())
                        .add(m.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** SQLite's plan of {@code run}: a line a step, as {@code EXPLAIN QUERY PLAN} words them. */
    public static List<String> sqliteSteps(Database db, Run run) {
        return db.handle(h -> {
            try {
                return sqliteSteps(h.getConnection(), run);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot explain " + run.sql(), e);
            }
        });
    }

    private static List<String> sqliteSteps(Connection c, Run run) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "EXPLAIN QUERY PLAN " + run.sql(), run.values());
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                plan.add(rs.getString("detail"));
            }
        }
        return plan;
    }

    private static String sqlitePlan(Connection c, Run run, List<String> leading) throws SQLException {
        Map<String, String> tables = tables(run.sql());
        List<String> plan = sqliteSteps(c, run);
        Set<String> bigTables =
                tables.values().stream().filter(t -> !SMALL_TABLES.contains(t)).collect(Collectors.toSet());
        // A subquery in FROM is read as its own steps, which are checked; scanning its rows reads no table.
        Set<String> subqueries = new HashSet<>();
        for (String step : plan) {
            Matcher subquery =
                    Pattern.compile("^(?:CO-ROUTINE|MATERIALIZE) (\\w+)").matcher(step);
            if (subquery.find()) {
                subqueries.add(subquery.group(1));
            }
        }
        for (String step : plan) {
            Matcher scan = Pattern.compile("^SCAN (\\w+)").matcher(step);
            if (scan.find() && !subqueries.contains(scan.group(1))) {
                String table = tables.getOrDefault(scan.group(1).toLowerCase(Locale.ROOT), scan.group(1));
                boolean indexed = step.contains("USING INDEX")
                        || step.contains("USING COVERING INDEX")
                        || step.contains("USING PRIMARY KEY");
                if (!indexed && !SMALL_TABLES.contains(table) && !scan.group(1).equals("CONSTANT")) {
                    return describe(run, plan);
                }
            }
            if (step.contains("TEMP B-TREE FOR") && step.contains("ORDER BY") && !bigTables.isEmpty()) {
                return describe(run, plan);
            }
        }
        Map<String, Set<String>> picked = boundEqualities(run.sql());
        Set<String> bound = new HashSet<>();
        picked.values().forEach(bound::addAll);
        String lead = leading.stream().filter(bound::contains).findFirst().orElse(null);
        if (lead != null) {
            picked.replaceAll((name, columns) -> columns.contains(lead) ? Set.of(lead) : Set.of());
        }
        // A step of an EXISTS probes the table once per row of the table walked outside it.
        boolean searched = plan.stream().anyMatch(step -> {
            Matcher search =
                    Pattern.compile("^SEARCH (\\w+) USING [^(]*\\((.*)\\)$").matcher(step);
            return search.find()
                    && picked.getOrDefault(search.group(1).toLowerCase(Locale.ROOT), Set.of()).stream()
                            .anyMatch(column -> search.group(2).matches("(?s).*\\b" + column + "=.*"));
        });
        if (!picked.isEmpty() && !searched) {
            return describe(run, plan);
        }
        return null;
    }

    private static String postgresqlPlan(Connection c, Run run, boolean walksInOrder) throws SQLException {
        String json;
        try (Statement s = c.createStatement()) {
            // A small newsroom makes every plan cheap: priced out, a sequential scan or a sort is
            // still chosen when no index can do the work, and only then.
            s.execute("SET enable_seqscan = off");
            s.execute("SET enable_sort = off");
        }
        try (PreparedStatement s = prepare(c, "EXPLAIN (FORMAT JSON) " + run.sql(), run.values());
                ResultSet rs = s.executeQuery()) {
            rs.next();
            json = rs.getString(1);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("RESET enable_seqscan");
                s.execute("RESET enable_sort");
            }
        }
        JsonNode plan;
        try {
            plan = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> unindexed = new ArrayList<>();
        unindexed(plan, walksInOrder, false, unindexed);
        Map<String, Set<String>> picked = boundEqualities(run.sql());
        Set<String> columns = new HashSet<>();
        picked.values().forEach(columns::addAll);
        if (!picked.isEmpty() && !searched(plan, columns)) {
            unindexed.add("walked, not searched by any of " + columns);
        }
        return unindexed.isEmpty() ? null : describe(run, List.of(String.join("; ", unindexed), json));
    }

    /**
     * A big table read whole: by a sequential scan, or, with those priced out, by walking a whole
     * index with no condition on it (what the planner falls back to when the index a query needs
     * is missing), unless {@code walksInOrder} lets a page do that under its limit; or every
     * matching row sorted to keep the first few, where an index would have given them in order
     * (a page of a stream: the Sort under a Limit).
     */
    private static void unindexed(JsonNode node, boolean walksInOrder, boolean underLimit, List<String> out) {
        JsonNode input = node.path("Plans").path(0);
        boolean limit = node.path("Node Type").asText().equals("Limit");
        if (limit && input.path("Node Type").asText().equals("Sort")) {
            List<String> read = new ArrayList<>();
            relations(input, read);
            read.removeIf(SMALL_TABLES::contains);
            if (!read.isEmpty()) {
                out.add("Sort of " + read + " for a Limit");
            }
        }
        if (node.isObject() && node.has("Relation Name")) {
            String table = node.path("Relation Name").asText();
            String type = node.path("Node Type").asText();
            boolean walk = type.contains("Index") && !node.has("Index Cond");
            boolean whole = type.equals("Seq Scan") || (walk && !(walksInOrder && underLimit));
            if (whole && !SMALL_TABLES.contains(table)) {
                out.add(type + " on " + table);
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("Plans")) {
                    // Only a Limit's own input is read in order for it.
                    field.getValue().forEach(child -> unindexed(child, walksInOrder, limit, out));
                } else if (field.getValue().isContainerNode()) {
                    unindexed(field.getValue(), walksInOrder, false, out);
                }
            }
        } else {
            node.forEach(child -> unindexed(child, walksInOrder, false, out));
        }
    }

    /**
     * Whether the plan finds rows by one of {@code columns} in an index, by its value alone: a
     * condition that also names another table's column ({@code story_id = stories.id}) probes the
     * index once per row of a table walked outside it.
     */
    private static boolean searched(JsonNode node, Set<String> columns) {
        if (node.isObject()) {
            String condition = node.path("Index Cond").asText("");
            boolean probe = condition.matches("(?s).*= [a-z_]+\\.[a-z_]+.*");
            if (!probe && columns.stream().anyMatch(column -> condition.matches("(?s).*\\b" + column + " =.*"))) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (searched(child, columns)) {
                return true;
            }
        }
        return false;
    }

    private static void relations(JsonNode node, List<String> out) {
        if (node.isObject() && node.has("Relation Name")) {
            out.add(node.path("Relation Name").asText());
        }
        node.forEach(child -> relations(child, out));
    }

    private static String describe(Run run, List<String> plan) {
        return run.sql() + "\n    with " + run.values() + "\n    " + String.join("\n    ", plan);
    }
}
