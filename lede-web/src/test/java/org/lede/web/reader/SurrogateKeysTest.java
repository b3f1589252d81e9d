package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.content.Block;
import org.lede.content.ImageBlock;
import org.lede.content.Paragraph;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/**
 * Every reader page names what it shows in {@code Surrogate-Key}, and an outbox event evicts
 * exactly the cached pages that show something it names. Whether a page was rendered again is
 * seen in its Last-Modified: the clock moves between reads, so only a new render changes it.
 */
class SurrogateKeysTest extends WebServerTest {
    Story a;
    Story b;
    Story c;

    @BeforeEach
    void setUp() {
        Topic politics = web.newsroom.topic("politics", "Politics");
        Topic health = web.newsroom.topic("health", "Health");
        Author dana = web.newsroom.author("dana", "Dana Wells");
        Author lee = web.newsroom.author("lee", "Lee Park");
        a = publish("Storm closes schools", politics, "storm", dana);
        b = publish("Shelters open downtown", politics, "storm", dana);
        // Its own words, so that Go deeper's text similarity does not list it under the storm stories.
        c = publish(
                "Clinic keeps longer hours",
                health,
                "clinic",
                lee,
                "Evening appointments return.",
                "A nurse at the front desk.",
                List.of(Paragraph.of("Nurses will see patients until nine on weekdays.")));
        web.newsroom.clock.advance(Duration.ofMinutes(10));
        web.newsroom
                .services
                .dashboardService()
                .create(
                        Actor.SYSTEM,
                        new DashboardFields(
                                "storm",
                                "Storm dashboard",
                                "Everything on the storm.",
                                politics.id(),
                                null,
                                List.of(new DashboardItem(
                                        "Schools",
                                        List.of(
                                                DashboardEntry.story(a.id()),
                                                DashboardEntry.link("https://example.org/map", "Map"))))));
        // Let the set-up's own events purge now, not between two reads of a test.
        web.catchUp();
    }

    private Story publish(String headline, Topic topic, String tag, Author author) {
        StoryDraft base = web.newsroom.publishableDraft(headline);
        return publish(headline, topic, tag, author, base.dek(), base.hero().caption(), base.body());
    }

    private Story publish(
            String headline, Topic topic, String tag, Author author, String dek, String caption, List<Block> body) {
        web.newsroom.clock.advance(Duration.ofMinutes(10));
        StoryDraft base = web.newsroom.publishableDraft(headline);
        Story draft = web.newsroom
                .services
                .storyService()
                .createDraft(
                        Actor.SYSTEM,
                        new StoryDraft(
                                base.headline(),
                                dek,
                                null,
                                topic.id(),
                                List.of(tag),
                                base.kind(),
                                List.of(author.id()),
                                null,
                                new ImageBlock(
                                        base.hero().mediaId(),
                                        caption,
                                        base.hero().credit()),
                                body));
        return web.newsroom.services.storyService().publish(Actor.SYSTEM, draft.id(), draft.revision());
    }

    private static String url(Story s) {
        return "/2026/11/20/" + s.slug();
    }

    private static String key(Story s) {
        return "story:" + s.id();
    }

    /** Every reader page type and the keys of what it shows; its own key comes first. */
    private Map<String, List<String>> pages() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("/", List.of("home", key(a), key(b), key(c), "dashboard:storm"));
        pages.put(url(a), List.of(key(a), key(b), "dashboard:storm"));
        pages.put(url(a) + "/related", List.of(key(a), key(b), "dashboard:storm"));
        pages.put(url(c), List.of(key(c)));
        pages.put("/topics/politics", List.of("topic:politics", key(a), key(b), "dashboard:storm"));
        pages.put("/topics/health", List.of("topic:health", key(c)));
        pages.put("/authors/dana", List.of("author:dana", key(a), key(b)));
        pages.put("/dashboards/storm", List.of("dashboard:storm", key(a)));
        return pages;
    }

    @Test
    void everyReaderPageNamesWhatItShowsOnFirstRenderAndFromTheCache() {
        pages().forEach((path, keys) -> {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> response = web.get(path);
                assertEquals(200, response.statusCode(), path);
                List<String> header = Arrays.asList(response.headers()
                        .firstValue("Surrogate-Key")
                        .orElseThrow()
                        .split(" "));
                assertEquals(keys.getFirst(), header.getFirst(), path + " names itself first");
                assertEquals("all", header.getLast(), path + " answers to all");
                assertEquals(Set.copyOf(keys), Set.copyOf(header.subList(0, header.size() - 1)), path);
                assertEquals(header.size(), Set.copyOf(header).size(), path + " names each key once");
            }
        });
    }

    @Test
    void parametersThePageDoesNotReadShareOneEntry() {
        String first = lastModified("/?utm_source=a");
        String related = lastModified(url(a) + "/related");
        web.newsroom.clock.advance(Duration.ofSeconds(5));
        assertEquals(first, lastModified("/?utm_source=b"), "answered from the first one's entry");
        assertEquals(first, lastModified("/?fbclid=x&utm_source=c"));
        assertNotEquals(
                related, lastModified(url(a) + "/related?page=1"), "a parameter the page reads is a page of its own");
    }

    @Test
    void anEventEvictsExactlyThePagesShowingWhatItNames() {
        Map<String, String> before = lastModifiedOfEveryPage();
        web.newsroom.clock.advance(Duration.ofSeconds(5));

        web.append("media.added", "m1");
        web.catchUp();
        assertEquals(before, lastModifiedOfEveryPage(), "an event naming no page evicts none");

        web.append("story.updated", c.id(), key(c));
        web.catchUp();
        assertEquals(Set.of("/", url(c), "/topics/health"), changed(before, lastModifiedOfEveryPage()));

        before = lastModifiedOfEveryPage();
        web.newsroom.clock.advance(Duration.ofSeconds(5));
        web.append("story.unpublished", a.id(), key(a));
        web.catchUp();
        assertEquals(
                Set.of("/", url(a), url(a) + "/related", "/topics/politics", "/authors/dana", "/dashboards/storm"),
                changed(before, lastModifiedOfEveryPage()),
                "every page showing the story, and no other");

        before = lastModifiedOfEveryPage();
        web.newsroom.clock.advance(Duration.ofSeconds(5));
        web.append("topic.renamed", "politics", "all");
        web.catchUp();
        assertEquals(pages().keySet(), changed(before, lastModifiedOfEveryPage()));
    }

    @Test
    void newsroomWorkReadersCannotSeeEvictsNothing() {
        Map<String, String> before = lastModifiedOfEveryPage();
        web.newsroom.clock.advance(Duration.ofSeconds(5));
        var services = web.newsroom.services;
        Actor writer = new Actor("writer-1", Role.WRITER);
        StoryDraft fields = new StoryDraft(
                "A draft nobody reads yet",
                null,
                null,
                null,
                List.of(),
                a.draft().kind(),
                List.of(),
                null,
                null,
                a.draft().body());
        Story draft = services.storyService().createDraft(writer, fields);
        draft = services.storyService()
                .edit(writer, draft.id(), draft.revision(), fields.withHeadline("Still a draft"));
        services.storyService().submitForReview(writer, draft.id(), draft.revision());
        web.newsroom.image("A ferry at dawn");
        services.userService()
                .create(Actor.SYSTEM, "new@newsroom.test", "New Person", Role.WRITER, "a long enough secret");
        web.catchUp();
        assertEquals(before, lastModifiedOfEveryPage(), "a draft save, an upload and a new account evict no page");
    }

    @Test
    void aPublishEvictsItsStoryTopicHomeAndWhereverItIsListedOrPinned() {
        Author lee = web.newsroom.services.authors().findBySlug("lee").orElseThrow();
        Topic health = web.newsroom.services.topics().findBySlug("health").orElseThrow();
        var stories = web.newsroom.services.storyService();
        StoryDraft base = web.newsroom.publishableDraft("Clinic adds evening hours");
        Story draft = stories.createDraft(
                Actor.SYSTEM,
                new StoryDraft(
                        base.headline(),
                        base.dek(),
                        null,
                        health.id(),
                        List.of("clinic"),
                        base.kind(),
                        List.of(lee.id()),
                        null,
                        base.hero(),
                        base.body()));
        Story pinner = web.newsroom.services.stories().find(c.id()).orElseThrow();
        stories.pin(Actor.SYSTEM, pinner.id(), pinner.revision(), List.of(draft.id()));
        var dashboards = web.newsroom.services.dashboardService();
        var storm = web.newsroom.services.dashboards().findBySlug("storm").orElseThrow();
        dashboards.update(
                Actor.SYSTEM,
                storm.id(),
                storm.revision(),
                new DashboardFields(
                        storm.slug(),
                        storm.title(),
                        storm.intro(),
                        storm.topicId(),
                        storm.illustration(),
                        List.of(new DashboardItem(
                                "Schools", List.of(DashboardEntry.story(a.id()), DashboardEntry.story(draft.id()))))));
        web.catchUp();
        Map<String, String> before = lastModifiedOfEveryPage();
        String leeBefore = lastModified("/authors/lee");
        web.newsroom.clock.advance(Duration.ofSeconds(5));

        stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
        web.catchUp();
        assertEquals(
                Set.of(
                        "/",
                        "/topics/health",
                        url(c),
                        "/dashboards/storm",
                        url(a),
                        url(a) + "/related",
                        "/topics/politics"),
                changed(before, lastModifiedOfEveryPage()),
                "home, its topic, the story pinning it, the dashboard listing it and the pages showing that dashboard");
        assertNotEquals(leeBefore, lastModified("/authors/lee"), "its author's page");
    }

    private String lastModified(String path) {
        HttpResponse<String> response = web.get(path);
        assertEquals(200, response.statusCode(), path);
        return response.headers().firstValue("Last-Modified").orElseThrow();
    }

    private Map<String, String> lastModifiedOfEveryPage() {
        Map<String, String> seen = new LinkedHashMap<>();
        pages().keySet().forEach(path -> seen.put(path, lastModified(path)));
        return seen;
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream()
                .filter(path -> !before.get(path).equals(after.get(path)))
                .collect(Collectors.toSet());
    }
}
