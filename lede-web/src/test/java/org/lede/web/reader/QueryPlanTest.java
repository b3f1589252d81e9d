package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.ParsedParameters;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.db.Dialect;
import org.lede.demo.DemoContent;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

/**
 * Every statement a reader page runs uses an index on the table it reads, on both databases: the
 * demo is served by the real server, every kind of reader page is asked for (home, topic and
 * author with their older pages, stories, Go deeper, dashboards, site pages, feeds, sitemaps, the
 * content API), each statement is recorded with its bound values, and then its plan is read:
 * SQLite's {@code EXPLAIN QUERY PLAN} may not scan a table that grows with the archive without an
 * index nor sort one in a temporary B-tree, and PostgreSQL's {@code EXPLAIN}, with sequential scans
 * and sorts priced out, may not fall back to either on such a table. A small newsroom prices every
 * plan alike, so what the planner cannot do without an index is what this test sees. Dropping any
 * index the pages need fails it (stories_stream and stories_topic_stream were dropped once by hand
 * to see it fail on both databases).
 */
class QueryPlanTest extends WebServerTest {
    /**
     * Editorial tables that stay small whatever the archive's size: read whole, they cost what
     * an index would. Every other table grows with the archive and must be reached by an index.
     */
    private static final Set<String> SMALL_TABLES = Set.of(
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
            "server_secrets",
            "webhook_endpoints");

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern LOC = Pattern.compile("<loc>https://news\\.example(/[^<]*)</loc>");
    private static final Pattern TABLE =
            Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_]+)(?:\\s+(?:AS\\s+)?([a-z_]+))?", Pattern.CASE_INSENSITIVE);
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
    private record Run(String sql, List<Object> values) {}

    private final Set<Run> runs = Collections.synchronizedSet(new LinkedHashSet<>());

    @Test
    void everyStatementOfEveryReaderPageReadsItsBigTablesThroughAnIndex() throws Exception {
        loadArchive();
        web.catchUp();
        web.newsroom.services.db().watchStatements(new Recorder());
        Set<String> crawled = crawl();
        web.newsroom.services.db().watchStatements(SqlLogger.NOP_SQL_LOGGER);

        for (String kind : List.of(
                "/older/",
                "/topics/trams/older/",
                "/authors/dana-wells/older/",
                "/dashboards/",
                "/related",
                "/about",
                "/rss.xml",
                "/topics/trams/atom.xml",
                "/authors/dana-wells/feed.json",
                "/sitemaps/stories-",
                "/sitemaps/news.xml",
                "/sitemaps/authors.xml",
                "&cursor=",
                "/api/v1/stories?author=")) {
            assertTrue(crawled.stream().anyMatch(p -> p.contains(kind)), kind + " was crawled: " + crawled);
        }
        List<Run> selects = runs.stream()
                .filter(r -> r.sql().strip().toUpperCase(Locale.ROOT).startsWith("SELECT"))
                // The webhook dispatcher polls beside the pages, not for them: its due list is an
                // index range over pending deliveries, sorted after, and it grows with what is due,
                // not with the archive.
                .filter(r -> !tables(r.sql()).containsValue("webhook_deliveries"))
                .toList();
        assertTrue(selects.size() > 20, "the pages ran their queries: " + selects.size());
        List<String> problems = new ArrayList<>();
        web.newsroom.services.db().handle(h -> {
            Connection c = h.getConnection();
            for (Run run : selects) {
                try {
                    String problem = dialect == Dialect.SQLITE ? sqlitePlan(c, run) : postgresqlPlan(c, run);
                    if (problem != null) {
                        problems.add(problem);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot explain " + run.sql(), e);
                }
            }
            return null;
        });
        assertEquals(
                List.of(), problems, problems.size() + " of " + selects.size() + " statements read without an index");
    }

    /** The demo, and enough stories by one author in one topic that both have an older page. */
    private void loadArchive() {
        new DemoContent(web.newsroom.services, dir.resolve("media")).load();
        Topic trams = web.newsroom.topic("trams", "Trams");
        Author dana = web.newsroom.author("dana-wells", "Dana Wells");
        var stories = web.newsroom.services.storyService();
        for (int i = 0; i < 12; i++) {
            web.newsroom.clock.advance(Duration.ofMinutes(5));
            StoryDraft base = web.newsroom.publishableDraft("Tram line, part " + i);
            Story draft =
                    stories.createDraft(Actor.SYSTEM, base.withTopic(trams.id()).withAuthors(List.of(dana.id())));
            stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
        }
    }

    /** Every same-site page, feed and sitemap part reachable from the front page, the feeds and the sitemap index. */
    private Set<String> crawl() {
        Queue<String> queue = new ArrayDeque<>(List.of(
                "/",
                "/rss.xml",
                "/topics/trams/atom.xml",
                "/authors/dana-wells/feed.json",
                "/sitemap.xml",
                "/robots.txt",
                "/api/v1/stories?limit=5",
                "/api/v1/stories?author=dana-wells",
                "/api/v1/stories?topic=trams",
                "/api/v1/topics",
                "/api/v1/authors",
                "/api/v1/dashboards"));
        Set<String> seen = new LinkedHashSet<>(queue);
        Set<String> crawled = new LinkedHashSet<>();
        while (!queue.isEmpty() && crawled.size() < 400) {
            String path = queue.remove();
            HttpResponse<String> response = web.get(path);
            crawled.add(path);
            assertTrue(response.statusCode() < 400, path + " answered " + response.statusCode());
            List<String> next = new ArrayList<>();
            for (Pattern p : List.of(LINK, LOC)) {
                Matcher m = p.matcher(response.body());
                while (m.find()) {
                    next.add(m.group(1).replace("&amp;", "&"));
                }
            }
            response.headers().firstValue("Link").ifPresent(link -> {
                Matcher m = Pattern.compile("<(?:https?://[^/>]+)?(/[^>]*)>").matcher(link);
                while (m.find()) {
                    next.add(m.group(1));
                }
            });
            Matcher cursor = Pattern.compile("\"next\"\\s*:\\s*\"(?:https?://[^/\"]+)?(/api/[^\"]+)\"")
                    .matcher(response.body());
            if (cursor.find()) {
                next.add(cursor.group(1));
            }
            next.stream()
                    .filter(p -> !p.startsWith("/media/") && !p.startsWith("/newsroom") && !p.startsWith("/assets/"))
                    .filter(seen::add)
                    .forEach(queue::add);
        }
        return crawled;
    }

    /** Keeps each statement the server runs with the values bound to it. */
    private final class Recorder implements SqlLogger {
        @Override
        public void logBeforeExecution(StatementContext ctx) {
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
    }

    /** What an argument binds, caught by letting it bind to a statement that only listens. */
    private static Object valueOf(Argument argument, StatementContext ctx) {
        Object[] bound = new Object[1];
        PreparedStatement listener = (PreparedStatement) Proxy.newProxyInstance(
                QueryPlanTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length >= 2) {
                        bound[0] = method.getName().equals("setNull") ? null : args[1];
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
            s.setObject(i + 1, values.get(i));
        }
        return s;
    }

    /** Table names by the name or alias a statement reads them under. */
    private static Map<String, String> tables(String sql) {
        Map<String, String> byName = new HashMap<>();
        Matcher m = TABLE.matcher(sql);
        while (m.find()) {
            String table = m.group(1).toLowerCase(Locale.ROOT);
            byName.put(table, table);
            if (m.group(2) != null && !NOT_ALIASES.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                byName.put(m.group(2).toLowerCase(Locale.ROOT), table);
            }
        }
        return byName;
    }

    private static String sqlitePlan(Connection c, Run run) throws SQLException {
        Map<String, String> tables = tables(run.sql());
        List<String> plan = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "EXPLAIN QUERY PLAN " + run.sql(), run.values());
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                plan.add(rs.getString("detail"));
            }
        }
        Set<String> bigTables =
                tables.values().stream().filter(t -> !SMALL_TABLES.contains(t)).collect(Collectors.toSet());
        for (String step : plan) {
            Matcher scan = Pattern.compile("^SCAN (\\w+)").matcher(step);
            if (scan.find()) {
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
        return null;
    }

    private static String postgresqlPlan(Connection c, Run run) throws SQLException {
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
        List<String> unindexed = new ArrayList<>();
        try {
            unindexed(new ObjectMapper().readTree(json), unindexed);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return unindexed.isEmpty() ? null : describe(run, List.of(String.join("; ", unindexed), json));
    }

    /**
     * A big table read whole: by a sequential scan, or, with those priced out, by walking a whole
     * index with no condition on it (what the planner falls back to when the index a query needs
     * is missing); or every matching row sorted to keep the first few, where an index would have
     * given them in order (a page of a stream: the Sort under a Limit).
     */
    private static void unindexed(JsonNode node, List<String> out) {
        JsonNode input = node.path("Plans").path(0);
        if (node.path("Node Type").asText().equals("Limit")
                && input.path("Node Type").asText().equals("Sort")) {
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
            boolean whole = type.equals("Seq Scan") || (type.contains("Index") && !node.has("Index Cond"));
            if (whole && !SMALL_TABLES.contains(table)) {
                out.add(type + " on " + table);
            }
        }
        node.forEach(child -> unindexed(child, out));
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
