package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.SqlLogger;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.db.QueryPlans;
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
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern LOC = Pattern.compile("<loc>https://news\\.example(/[^<]*)</loc>");
    private final QueryPlans plans = new QueryPlans();

    @Test
    void everyStatementOfEveryReaderPageReadsItsBigTablesThroughAnIndex() throws Exception {
        loadArchive();
        web.catchUp();
        web.newsroom.services.db().watchStatements(plans);
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
                "/api/v1/stories?author=",
                "/api/v1/stories?tag=",
                "/api/v1/stories?kind=")) {
            assertTrue(crawled.stream().anyMatch(p -> p.contains(kind)), kind + " was crawled: " + crawled);
        }
        List<QueryPlans.Run> selects = plans.selects().stream()
                // The webhook dispatcher polls beside the pages, not for them: its due list is an
                // index range over pending deliveries, sorted after, and it grows with what is due,
                // not with the archive.
                .filter(r -> !QueryPlans.tables(r.sql()).containsValue("webhook_deliveries"))
                .toList();
        assertTrue(selects.size() > 20, "the pages ran their queries: " + selects.size());
        List<String> problems = QueryPlans.problems(web.newsroom.services.db(), dialect, selects, List.of(), false);
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
                "/api/v1/stories?tag=transit",
                "/api/v1/stories?kind=news",
                "/api/v1/stories?author=dana-wells&tag=transit",
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
}
