package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.reading.Urls;
import org.lede.related.KeptPicks;
import org.lede.related.store.JdbiKeptPicks;
import org.lede.story.Story;
import org.lede.story.StoryService;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.Eventually;
import org.lede.web.WebServerTest;
import org.lede.web.newsroom.NewsroomClient;

/** Go deeper under a story and the editors' view of why it picks what it does, over HTTP. */
class GoDeeperTest extends WebServerTest {
    StoryService stories;
    Topic world;

    @BeforeEach
    void setUp() {
        stories = web.newsroom.services.storyService();
        world = web.newsroom.topic("world", "World");
    }

    private Story publishAt(String at, String headline, Topic topic, List<String> tags, String text) {
        return web.newsroom.publishAt(at, headline, topic, tags, text);
    }

    private String url(Story story) {
        return Urls.story(story, ZoneOffset.UTC);
    }

    private List<String> goDeeper(Story story) {
        // The search index follows the outbox; caught up, its similarity is in every ranking alike.
        web.catchUp();
        HttpResponse<String> page = web.get(url(story));
        assertEquals(200, page.statusCode(), page.body());
        List<String> links = new ArrayList<>();
        for (Element a : Jsoup.parse(page.body()).select(".go-deeper h2 a")) {
            links.add(a.attr("href"));
        }
        return links;
    }

    @Test
    void aStoryPublishedAfterAKeptRankingJoinsItOnceTheServerHasReadTheOutbox() {
        String text = "The ministers met again about the water treaty.";
        Story before = publishAt("2024-02-20T09:00:00Z", "Treaty talks resume", world, List.of(), text);
        Story story = publishAt("2024-03-01T09:00:00Z", "Treaty talks stall", world, List.of(), text);
        web.catchUp();
        // Read in process, so the story's page is not yet in the page cache when it is asked for.
        web.reader.goDeeper(story.id(), 1, 10);
        KeptPicks kept = new JdbiKeptPicks(web.newsroom.services.db());
        Eventually.until("the ranking is kept", () -> kept.find(story.id()).isPresent());

        Story after = publishAt("2024-03-12T09:00:00Z", "Treaty talks end", world, List.of(), text);
        assertEquals(List.of(url(before), url(after)), goDeeper(story), "nearest in time first");
    }

    @Test
    void anOldStorysGoDeeperIsCoverageFromItsTimeNotToday() {
        String text = "The ministers met again about the water treaty.";
        Story before = publishAt("2009-02-20T09:00:00Z", "Treaty talks resume", world, List.of(), text);
        Story story = publishAt("2009-03-01T09:00:00Z", "Treaty talks stall", world, List.of(), text);
        Story after = publishAt("2009-03-12T09:00:00Z", "Treaty talks end", world, List.of(), text);
        List<Story> recent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            recent.add(publishAt("2026-11-0" + (i + 1) + "T09:00:00Z", "Treaty news " + i, world, List.of(), text));
        }
        List<String> deeper = goDeeper(story);
        assertEquals(5, deeper.size());
        assertEquals(List.of(url(before), url(after)), deeper.subList(0, 2));
        assertFalse(deeper.contains(url(story)));
        // And today's story finds today's coverage first, not 2009's.
        assertEquals(url(recent.get(4)), goDeeper(recent.get(5)).getFirst());
    }

    @Test
    void sharingPeopleAndPlacesRaisesAPick() {
        Story story = publishAt(
                "2026-06-10T09:00:00Z",
                "Talks on the dam",
                world,
                List.of(),
                "Hassan Rouhani flew to Khartoum on Monday for talks on the Nile dam.");
        // Both as near in time, one on each side: only the names they share set them apart. The
        // one sharing them is the older, which a newest-first order would put second.
        Story naming = publishAt(
                "2026-06-09T09:00:00Z",
                "Hassan Rouhani to visit Khartoum",
                world,
                List.of(),
                "Aides said Hassan Rouhani would meet officials in Khartoum next week.");
        Story other = publishAt(
                "2026-06-11T09:00:00Z",
                "Harvest report",
                world,
                List.of(),
                "Farmers reported a good harvest after the spring rains.");
        assertEquals(List.of(url(naming), url(other)), goDeeper(story));
    }

    @Test
    void editorsSeeEachPickWithThePartsOfItsScore() {
        Story pinned = publishAt("2020-01-01T09:00:00Z", "A pinned explainer", world, List.of(), "Background.");
        Story story = publishAt(
                "2026-06-10T09:00:00Z",
                "Talks on the dam",
                world,
                List.of("nile"),
                "Hassan Rouhani flew to Khartoum on Monday for talks on the Nile dam.");
        Story naming = publishAt(
                "2026-06-09T09:00:00Z",
                "Hassan Rouhani to visit Khartoum",
                world,
                List.of("nile"),
                "Aides said Hassan Rouhani would meet officials in Khartoum next week.");
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Never published"));
        Story current = stories.pin(Actor.SYSTEM, story.id(), story.revision(), List.of(pinned.id()));

        web.catchUp();
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        String path = "/newsroom/stories/" + current.id() + "/related";
        assertTrue(editor.get("/newsroom/stories/" + current.id()).body().contains("href=\"" + path + "\""));
        HttpResponse<String> page = editor.get(path);
        assertEquals(200, page.statusCode(), page.body());
        Document html = Jsoup.parse(page.body());
        List<List<String>> rows = html.select("tbody tr").stream()
                .map(tr -> tr.select("td").eachText())
                .toList();
        assertEquals(2, rows.size(), rows.toString());
        // #, pick, date, pinned, similarity, topic, tags, names shared, recency, total
        assertEquals("A pinned explainer", rows.get(0).get(1));
        assertEquals("pinned", rows.get(0).get(3));
        assertEquals("Hassan Rouhani to visit Khartoum", rows.get(1).get(1));
        assertEquals("–", rows.get(1).get(3));
        assertEquals("1.00", rows.get(1).get(5));
        assertEquals("1.00", rows.get(1).get(6));
        assertEquals("0.67 (Hassan Rouhani, Khartoum)", rows.get(1).get(7));
        assertEquals(
                "/newsroom/stories/" + naming.id(),
                html.select("tbody tr").get(1).selectFirst("a").attr("href"));
        assertFalse(page.body().contains(draft.headline()));
        assertFalse(page.body().contains("<td><a href=\"/newsroom/stories/" + story.id() + "\""));

        assertEquals(200, NewsroomClient.as(web, Role.ADMIN).get(path).statusCode());
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        assertEquals(403, writer.get(path).statusCode());
        assertEquals(403, NewsroomClient.as(web, Role.CONTRIBUTOR).get(path).statusCode());
        Story own = stories.createDraft(
                new Actor(writer.user().id(), Role.WRITER), web.newsroom.publishableDraft("A writer's own"));
        String ownPage = writer.get("/newsroom/stories/" + own.id()).body();
        assertFalse(ownPage.contains("/related\""), "writers are not offered the link");
        assertEquals(
                404,
                editor.get("/newsroom/stories/01JB0000000000000000000000/related")
                        .statusCode());
    }
}
