package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

/**
 * Home, topic and author streams page by place: each older page is a path after the last item of
 * the one before ({@code /older/KEY}), so a page costs the same however deep it is, names the same
 * stories tomorrow and can be written as a file by a static export.
 */
class StreamPagingTest extends WebServerTest {
    private static final Pattern NEXT = Pattern.compile("<a class=\"more\" href=\"([^\"]+)\" rel=\"next\">");
    private static final Pattern CARD = Pattern.compile("<h2><a href=\"/\\d{4}/[^\"]+\">([^<]+)</a></h2>");
    private static final int STORIES = 23;

    Topic trams;
    Author dana;
    final List<Story> published = new ArrayList<>();

    @BeforeEach
    void setUp() {
        trams = web.newsroom.topic("trams", "Trams");
        dana = web.newsroom.author("dana", "Dana Wells");
        for (int i = 0; i < STORIES; i++) {
            published.add(publish("Tram story " + i));
        }
        web.catchUp();
    }

    private Story publish(String headline) {
        web.newsroom.clock.advance(Duration.ofMinutes(10));
        StoryDraft base = web.newsroom.publishableDraft(headline);
        var stories = web.newsroom.services.storyService();
        Story draft =
                stories.createDraft(Actor.SYSTEM, base.withTopic(trams.id()).withAuthors(List.of(dana.id())));
        return stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }

    /** Headlines newest first, as every stream lists them. */
    private List<String> newestFirst() {
        return published.reversed().stream().map(Story::headline).toList();
    }

    @Test
    void everyStreamWalksItsOlderPagesByPathToTheEndMeetingEachStoryOnce() {
        for (String first : List.of("/", "/topics/trams", "/authors/dana")) {
            List<String> seen = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            String path = first;
            while (path != null) {
                HttpResponse<String> response = web.get(path);
                assertEquals(200, response.statusCode(), path);
                String html = response.body();
                assertTrue(
                        Pattern.compile("<link rel=\"canonical\" href=\"https?://[^/\"]+" + Pattern.quote(path) + "\">")
                                .matcher(html)
                                .find(),
                        path + " is its own canonical address");
                if (!path.equals(first)) {
                    assertTrue(html.contains("<a href=\"" + first + "\">Newest stories</a>"), path);
                    assertFalse(html.contains("Top stories"), "top stories lead only the first page");
                }
                String stream = first.equals("/") ? html.substring(html.indexOf("id=\"latest-title\"")) : html;
                Matcher card = CARD.matcher(stream);
                while (card.find()) {
                    seen.add(card.group(1));
                }
                paths.add(path);
                Matcher next = NEXT.matcher(html);
                path = next.find() ? next.group(1) : null;
                if (path != null) {
                    assertTrue(path.startsWith((first.equals("/") ? "" : first) + "/older/"), path);
                    assertTrue(path.matches("(/[a-z]+/[a-z]+)?/older/\\d{17}-[0-9A-Z]+"), path + " is a plain path");
                }
            }
            assertEquals(newestFirst(), seen, first + ": every story once, newest first");
            assertEquals(3, paths.size(), first + ": " + paths);
        }
    }

    @Test
    void anOlderPageKeepsItsStoriesWhenNewerOnesArePublished() {
        String older = nextOf(web.get("/topics/trams").body());
        List<String> before = cards(web.get(older).body());
        assertEquals(newestFirst().subList(10, 20), before);
        publish("Tram story, newest");
        web.catchUp();
        assertEquals(before, cards(web.get(older).body()), "the same address names the same stories");
    }

    @Test
    void aChangeToAStoryOnAnOlderPageEvictsThatPage() {
        String older = nextOf(web.get("/authors/dana").body());
        HttpResponse<String> first = web.get(older);
        Story shown = published.get(STORIES - 11);
        assertTrue(cards(first.body()).contains(shown.headline()));
        assertTrue(first.headers().firstValue("Surrogate-Key").orElseThrow().contains("story:" + shown.id()));
        web.newsroom.clock.advance(Duration.ofSeconds(5));
        String cached = web.get(older).headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(first.headers().firstValue("Last-Modified").orElseThrow(), cached, "served from the cache");
        Story now = web.newsroom.services.stories().find(shown.id()).orElseThrow();
        web.newsroom.services.storyService().unpublish(Actor.SYSTEM, now.id(), now.revision());
        web.catchUp();
        HttpResponse<String> after = web.get(older);
        assertNotEquals(cached, after.headers().firstValue("Last-Modified").orElseThrow(), "rendered again");
        assertFalse(cards(after.body()).contains(shown.headline()));
    }

    @Test
    void aNumberedPageAddressIsSentForGoodToItsStreamsFirstPage() {
        for (String[] pair : new String[][] {
            {"/?page=2", "/"},
            {"/?page=1", "/"},
            {"/?page=abc", "/"},
            {"/topics/trams?page=3", "/topics/trams"},
            {"/authors/dana?page=500", "/authors/dana"},
        }) {
            HttpResponse<String> response = web.get(pair[0]);
            assertEquals(301, response.statusCode(), pair[0]);
            assertEquals(pair[1], response.headers().firstValue("Location").orElseThrow(), pair[0]);
        }
    }

    @Test
    void aKeyNoPageWasEverGivenIsNotFound() {
        for (String path : List.of(
                "/older/nonsense",
                "/topics/trams/older/2026-11-20T12:00:00.000Z~01J",
                "/authors/dana/older/99999999999999999-ABC",
                "/topics/nobody/older/20261120120000000-01J")) {
            assertEquals(404, web.get(path).statusCode(), path);
        }
        assertEquals(404, web.get("/older/20000101000000000-0").statusCode(), "nothing is older: no such page");
    }

    private static String nextOf(String html) {
        Matcher next = NEXT.matcher(html);
        assertTrue(next.find(), "an older page is offered");
        return next.group(1);
    }

    private static List<String> cards(String html) {
        List<String> out = new ArrayList<>();
        Matcher card = CARD.matcher(html);
        while (card.find()) {
            out.add(card.group(1));
        }
        return out;
    }
}
