package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.Eventually;
import org.lede.web.SearchStories;
import org.lede.web.WebServerTest;

/**
 * The newsroom's story list and pickers search through the index, drafts included, and show each
 * member only the stories they may open.
 */
class NewsroomSearchTest extends WebServerTest {
    SearchStories stories;
    NewsroomClient editor;
    NewsroomClient writer;
    NewsroomClient otherWriter;
    NewsroomClient contributor;

    @BeforeEach
    void setUp() {
        stories = new SearchStories(web);
        editor = NewsroomClient.as(web, Role.EDITOR);
        writer = NewsroomClient.as(web, Role.WRITER);
        otherWriter = NewsroomClient.as(web, Role.WRITER);
        contributor = NewsroomClient.as(web, Role.CONTRIBUTOR);
    }

    private static Actor actor(NewsroomClient client) {
        return new Actor(client.user().id(), client.user().role());
    }

    private static Document page(NewsroomClient client, String path) {
        HttpResponse<String> response = client.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body());
    }

    /** The ids of the stories the list links to, in order. */
    private static List<String> listed(NewsroomClient client, String path) {
        List<String> ids = new ArrayList<>();
        page(client, path)
                .select("table a[href^=/newsroom/stories/]")
                .forEach(a -> ids.add(a.attr("href").substring("/newsroom/stories/".length())));
        return ids;
    }

    /** The slugs a picker offers. */
    private static List<String> picked(NewsroomClient client, String path) {
        List<String> slugs = new ArrayList<>();
        page(client, path).select(".story-matches code").forEach(c -> slugs.add(c.text()));
        return slugs;
    }

    @Test
    void theListFindsDraftsByAnyWordAndOnlyThoseTheMemberMayOpen() {
        Story mine = stories.saveDraft(actor(writer), stories.draft("Council budget", "The frostwick levy."));
        Story theirs =
                stories.saveDraft(actor(otherWriter), stories.draft("Budget vote", "The frostwick levy passed."));
        Story live = stories.publish("Levy news", "The frostwick levy explained.");
        // The published story was a draft first: wait for its publication too, not only for three hits.
        Eventually.until(
                "all three in the index, the published one as published",
                () -> listed(editor, "/newsroom?q=frostwick").size() == 3
                        && listed(editor, "/newsroom?q=frostwick&status=published")
                                        .size()
                                == 1);

        assertEquals(Set.of(mine.id(), theirs.id(), live.id()), Set.copyOf(listed(editor, "/newsroom?q=frostwick")));
        assertEquals(List.of(mine.id()), listed(writer, "/newsroom?q=frostwick"), "a writer finds only their own");
        assertEquals(List.of(theirs.id()), listed(otherWriter, "/newsroom?q=frostwick"));
        assertTrue(listed(contributor, "/newsroom?q=frostwick").isEmpty(), "a contributor made none of them");

        assertEquals(List.of(live.id()), listed(editor, "/newsroom?q=frostwick&status=published"));
        assertEquals(Set.of(mine.id(), theirs.id()), Set.copyOf(listed(editor, "/newsroom?q=frostwick&status=draft")));
        assertEquals(
                List.of(mine.id()),
                listed(editor, "/newsroom?q=frostwick&topic=" + mine.draft().topicId()),
                "each test draft has its own topic");
        assertEquals(
                List.of(theirs.id()),
                listed(
                        editor,
                        "/newsroom?q=frostwick&author="
                                + theirs.draft().authorIds().getFirst()));
        assertTrue(listed(editor, "/newsroom?q=frostwik").contains(live.id()), "a typo still finds it");
    }

    @Test
    void theListPagesSearchResultsByCursor() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 53; i++) {
            made.add(stories.saveDraft(Actor.SYSTEM, stories.draft("Draft " + i, "The cobblemarch note " + i + "."))
                    .id());
        }
        Eventually.until("every draft", () -> {
            Document first = page(editor, "/newsroom?q=cobblemarch");
            return first.selectFirst("nav a[rel=next]") != null
                    && listed(editor, first.selectFirst("nav a[rel=next]").attr("href"))
                                    .size()
                            == 3;
        });
        Document first = page(editor, "/newsroom?q=cobblemarch");
        List<String> seen = new ArrayList<>(listed(editor, "/newsroom?q=cobblemarch"));
        Element more = first.selectFirst("nav a[rel=next]");
        assertTrue(more.attr("href").contains("more="), more.attr("href"));
        assertTrue(more.text().contains("More results"));
        seen.addAll(listed(editor, more.attr("href")));
        Document second = page(editor, more.attr("href"));
        assertTrue(second.selectFirst("nav a[rel=next]") == null, "two pages hold 53");
        assertNotNull(second.selectFirst("nav a:contains(First results)"));
        assertEquals(53, seen.size());
        assertEquals(made, new HashSet<>(seen));
    }

    @Test
    void thePickerFindsANameSpeltALetterOffAndRespectsRoles() {
        Story rouhani =
                stories.saveDraft(actor(otherWriter), stories.draft("Talks resume", "President Rouhani met envoys."));
        Story published = stories.publish("Envoys arrive", "Rouhani greeted the envoys.");
        Eventually.until(
                "both in the index",
                () -> picked(editor, "/newsroom/dashboards/stories?q=Rouhani").size() == 2);

        assertEquals(
                Set.of(rouhani.slug(), published.slug()),
                Set.copyOf(picked(editor, "/newsroom/dashboards/stories?q=Rohani")),
                "Rohani finds Rouhani");
        assertEquals(
                List.of(rouhani.slug()),
                picked(otherWriter, "/newsroom/dashboards/stories?q=Rohani"),
                "a writer picks from their own");
        assertTrue(picked(writer, "/newsroom/dashboards/stories?q=Rohani").isEmpty());
        HttpResponse<String> fragment = editor.get("/newsroom/dashboards/stories?part=list&q=Rohani");
        assertTrue(fragment.body().contains(published.slug()), "the editor's script gets the same list");
    }

    @Test
    void theTopStoriesChooserFindsOnlyPublishedStories() {
        Story draft = stories.saveDraft(Actor.SYSTEM, stories.draft("Port plan", "The glenmorrow quay."));
        Story live = stories.publish("Port opens", "The glenmorrow quay opened.");
        Eventually.until(
                "the published one found",
                () -> page(editor, "/newsroom/top?q=glenmorrow").text().contains(live.slug()));
        Document top = page(editor, "/newsroom/top?q=glenmorrow");
        assertFalse(top.text().contains(draft.slug()), "a draft cannot lead the home page");
        assertEquals(403, writer.get("/newsroom/top?q=glenmorrow").statusCode());
    }

    @Test
    void readersNeverSeeWhatTheNewsroomFinds() {
        Story draft = stories.saveDraft(actor(writer), stories.draft("Private", "The hollowmere memo."));
        Eventually.until(
                "the draft in the newsroom's index",
                () -> listed(editor, "/newsroom?q=hollowmere").size() == 1);
        assertEquals(draft.id(), listed(editor, "/newsroom?q=hollowmere").getFirst());
        Document reader = Jsoup.parse(web.get("/search?q=hollowmere").body());
        assertTrue(reader.select("ol.results li").isEmpty(), "the reader page shows no draft");
        assertFalse(web.get("/api/v1/search?q=hollowmere").body().contains(draft.id()), "nor does the API");
    }
}
