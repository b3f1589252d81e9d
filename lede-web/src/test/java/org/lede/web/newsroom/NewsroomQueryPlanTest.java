package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.SqlLogger;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.db.QueryPlans;
import org.lede.story.StoryDraft;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/**
 * Every statement of the newsroom's story list reads the stories through an index, whatever it is
 * filtered by, on both databases: a writer's and a contributor's own list, an editor's by status,
 * topic, byline and the review queue, each with its older and newer pages. At a million stories a
 * filter no index held made a writer's list take a second and a topic's two. The rules are
 * {@link QueryPlans}'; the list of every story may walk its index in order, as it only drops the
 * archived ones on the way. Dropping stories_by_creator_saved, stories_by_topic_saved or
 * author_saved's key fails it on both databases.
 */
class NewsroomQueryPlanTest extends WebServerTest {
    /** One more than the list's page, so that every filtered list has an older page. */
    private static final int STORIES = 51;

    /**
     * What the store reads a list along on SQLite when the list is filtered by it: a person's own
     * stories, a byline's, a status a story passes through (this test asks only for those), a topic.
     */
    private static final List<String> LEADING = List.of("created_by", "author_id", "status", "topic_id");

    private static final Pattern PAGE_LINK = Pattern.compile("href=\"(/newsroom\\?[^\"]*(?:before|after)=[^\"]*)\"");

    @Test
    void everyStatementOfTheStoryListReadsTheStoriesThroughAnIndex() {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        NewsroomClient contributor = NewsroomClient.as(web, Role.CONTRIBUTOR);
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        Topic trams = web.newsroom.topic("trams", "Trams");
        Author dana = web.newsroom.author("dana-wells", "Dana Wells");
        var stories = web.newsroom.services.storyService();
        Actor writing = new Actor(writer.user().id(), Role.WRITER);
        for (int i = 0; i < STORIES; i++) {
            web.newsroom.clock.advance(Duration.ofMinutes(1));
            StoryDraft draft = web.newsroom.publishableDraft("Tram line, part " + i);
            stories.createDraft(writing, draft.withTopic(trams.id()).withAuthors(List.of(dana.id())));
        }
        stories.createDraft(
                new Actor(contributor.user().id(), Role.CONTRIBUTOR), web.newsroom.publishableDraft("A note"));

        // The search index reads the new stories beside the pages, not for them.
        web.catchUp();
        QueryPlans plans = new QueryPlans();
        web.newsroom.services.db().watchStatements(plans);
        List<String> seen = new ArrayList<>();
        for (String list : List.of(
                "/newsroom",
                "/newsroom?status=draft",
                "/newsroom?topic=" + trams.id(),
                "/newsroom?author=" + dana.id())) {
            seen.addAll(pages(writer, list));
        }
        seen.addAll(pages(contributor, "/newsroom"));
        for (String list : List.of(
                "/newsroom",
                "/newsroom?status=draft",
                "/newsroom?status=review",
                "/newsroom?topic=" + trams.id(),
                "/newsroom?author=" + dana.id(),
                "/newsroom?status=draft&topic=" + trams.id(),
                "/newsroom?status=draft&topic=" + trams.id() + "&author=" + dana.id())) {
            seen.addAll(pages(editor, list));
        }
        web.newsroom.services.db().watchStatements(SqlLogger.NOP_SQL_LOGGER);

        for (String kind : List.of("topic=", "author=", "status=review", "before=", "after=")) {
            assertTrue(seen.stream().anyMatch(p -> p.contains(kind)), kind + " was asked for: " + seen);
        }
        List<QueryPlans.Run> selects = plans.selects().stream()
                .filter(r -> QueryPlans.tables(r.sql()).containsValue("stories")
                        || QueryPlans.tables(r.sql()).containsValue("author_saved"))
                // The review queue sorts what it reads: only stories in review or scheduled, which
                // an editor publishes or sends back within days, so it grows with the desk's
                // work, not with the archive.
                .filter(r -> !r.sql().contains("status = 'in-review' OR"))
                .toList();
        assertTrue(selects.size() > 10, "the lists ran their queries: " + selects.size());
        List<String> problems = QueryPlans.problems(web.newsroom.services.db(), dialect, selects, LEADING, true);
        assertEquals(
                List.of(), problems, problems.size() + " of " + selects.size() + " statements read without an index");
    }

    /** The list at {@code first}, its older page, and the newer page back from that. */
    private static List<String> pages(NewsroomClient member, String first) {
        Set<String> asked = new LinkedHashSet<>();
        String next = first;
        while (next != null && asked.add(next)) {
            HttpResponse<String> page = member.get(next);
            assertEquals(200, page.statusCode(), next);
            next = null;
            Matcher link = PAGE_LINK.matcher(page.body());
            while (link.find()) {
                String path = link.group(1).replace("&amp;", "&");
                if (!asked.contains(path)) {
                    next = path;
                    break;
                }
            }
        }
        return new ArrayList<>(asked);
    }
}
