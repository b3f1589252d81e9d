package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryService;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

/** Topic, author and dashboard pages, Go deeper and the story's structured data, over HTTP. */
class ReaderPagesTest extends WebServerTest {
    StoryService stories;
    Topic politics;
    Topic health;
    Author dana;

    @BeforeEach
    void setUp() {
        stories = web.newsroom.services.storyService();
        politics = web.newsroom.topic("politics", "Politics & Policy");
        health = web.newsroom.topic("health", "Health");
        dana = web.newsroom.author("dana-wells", "Dana Wells");
    }

    private Story publish(String headline, Topic topic, List<String> tags) {
        web.newsroom.clock.advance(Duration.ofMinutes(10));
        StoryDraft base = web.newsroom.publishableDraft(headline);
        StoryDraft draft = new StoryDraft(
                base.headline(),
                base.dek(),
                null,
                topic.id(),
                tags,
                base.kind(),
                List.of(dana.id()),
                null,
                base.hero(),
                base.body());
        Story created = stories.createDraft(Actor.SYSTEM, draft);
        return stories.publish(Actor.SYSTEM, created.id(), created.revision());
    }

    private static List<String> storyLinks(String html, String section) {
        if (section != null && !html.contains(section)) {
            throw new AssertionError("no " + section + " in:\n" + html);
        }
        String part = section == null ? html : html.substring(html.indexOf(section));
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("<h2><a href=\"([^\"]+)\">").matcher(part);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    @Test
    void topicPageShowsOnlyThatTopicsStoriesNewestFirst() {
        Story a = publish("Senate passes the budget", politics, List.of("budget"));
        publish("Clinic hours extended", health, List.of());
        Story b = publish("Governor signs the budget", politics, List.of("budget"));
        String html = web.get("/topics/politics").body();
        assertTrue(html.contains("<h1>Politics &amp; Policy</h1>"));
        assertEquals(
                List.of(
                        web.newsroom
                                .services
                                .stories()
                                .find(b.id())
                                .map(s -> url(s))
                                .orElseThrow(),
                        url(a)),
                storyLinks(html, "<ol class=\"stream\">"));
        assertTrue(html.contains("aria-current=\"page\""), "the topic is marked in the navigation");
        assertEquals(404, web.get("/topics/sports").statusCode());
    }

    private static String url(Story s) {
        return "/2026/11/20/" + s.slug();
    }

    @Test
    void authorPageShowsNameBioAndTheirStories() {
        Story a = publish("Harbor tolls rise", politics, List.of());
        String html = web.get("/authors/dana-wells").body();
        assertTrue(html.contains("<h1>Dana Wells</h1>"));
        assertTrue(html.contains("Dana Wells covers the city."));
        assertTrue(storyLinks(html, "<ol class=\"stream\">").contains(url(a)));
        assertEquals(404, web.get("/authors/nobody").statusCode());
    }

    @Test
    void goDeeperListsRelatedCoveragePinsFirstNeverTheStoryItself() {
        Story older = publish("Budget talks open", politics, List.of("budget"));
        Story tagOnly = publish("Hospitals fear budget cuts", health, List.of("budget"));
        Story textOnly = publish("Flu season starts early", health, List.of("flu"));
        Story pinned = publish("An unrelated pinned story", health, List.of("flu"));
        Story newer = publish("Budget deal reached", politics, List.of("budget"));
        Story main = publish("What the budget deal means", politics, List.of("budget"));
        web.newsroom
                .services
                .stories()
                .update(
                        new Story(
                                main.id(),
                                main.draft(),
                                main.status(),
                                main.publishAt(),
                                main.firstPublishedAt(),
                                main.substantiveAt(),
                                main.createdAt(),
                                main.updatedAt(),
                                main.createdBy(),
                                main.revision(),
                                main.corrections(),
                                List.of(pinned.id()),
                                null),
                        main.revision());
        web.catchUp();
        String html = web.get(url(main)).body();
        List<String> deeper = storyLinks(html, "class=\"go-deeper\"");
        // Sharing the topic and the tag outranks sharing the tag alone, however close in time; a
        // story sharing neither comes last, found by its text alone (every body here is the same).
        assertEquals(List.of(url(pinned), url(newer), url(older), url(tagOnly), url(textOnly)), deeper);
        assertFalse(deeper.contains(url(main)));
    }

    @Test
    void goDeeperPagesFurtherWithoutJavaScript() {
        Story main = publish("The main story", politics, List.of());
        List<Story> related = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            related.add(publish("Related story " + i, politics, List.of()));
        }
        web.catchUp();
        String html = web.get(url(main)).body();
        assertEquals(5, storyLinks(html, "class=\"go-deeper\"").size());
        assertTrue(html.contains("<a class=\"more\" href=\"" + url(main) + "/related?page=2\">"));
        String page2 = web.get(url(main) + "/related?page=2").body();
        // Alike but for their dates, the stories nearest the main story's come first.
        assertEquals(List.of(url(related.get(5)), url(related.get(6))), storyLinks(page2, "<ol class=\"stream\">"));
        assertEquals(404, web.get(url(main) + "/related?page=3").statusCode());
    }

    @Test
    void dashboardPageAndItsCardInTheStreams() {
        Story a = publish("Storm closes schools", politics, List.of("storm"));
        Story b = publish("Shelters open downtown", health, List.of("storm"));
        Story hidden = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("A draft never shown"));
        Media art = web.newsroom.image("Dark clouds over a harbor");
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
                                new ImageBlock(art.id(), null, Credit.illustration("Rae Lin", "Lede")),
                                List.of(
                                        new DashboardItem(
                                                "Schools",
                                                List.of(
                                                        DashboardEntry.story(a.id()),
                                                        DashboardEntry.story(hidden.id()))),
                                        new DashboardItem(
                                                "Health",
                                                List.of(
                                                        DashboardEntry.story(b.id()),
                                                        DashboardEntry.link(
                                                                "https://example.org/shelters", "Shelter map"))),
                                        new DashboardItem("Drafts", List.of(DashboardEntry.story(hidden.id()))))));
        String html = web.get("/dashboards/storm").body();
        assertTrue(html.contains("<h1>Storm dashboard</h1>"));
        assertTrue(html.contains("Illustration: Rae Lin/Lede"));
        assertTrue(
                html.contains("<li><strong>Schools:</strong> <a href=\"" + url(a) + "\">Storm closes schools</a></li>"),
                html);
        assertTrue(
                html.contains(
                        "<a href=\"" + url(b)
                                + "\">Shelters open downtown</a> — <a href=\"https://example.org/shelters\" rel=\"noopener\">Shelter map</a>"));
        assertFalse(html.contains("Drafts:"), "an item whose entries are not live is left out");
        assertTrue(html.contains("data-updated>Updated "), html);
        String home = web.get("/").body();
        assertTrue(home.contains("class=\"card dashboard-card\""), "the dashboard's card is in the home stream");
        assertTrue(web.get("/topics/politics").body().contains("class=\"card dashboard-card\""));
        assertFalse(web.get("/topics/health").body().contains("class=\"card dashboard-card\""));
        assertEquals(404, web.get("/dashboards/none").statusCode());
    }

    @Test
    void storyCarriesNewsArticleJsonLdAndSocialTags() throws Exception {
        Story story = publish("Port budget approved", politics, List.of("budget", "port"));
        String html = web.get(url(story)).body();
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find());
        JsonNode ld = new ObjectMapper().readTree(m.group(1));
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals("Port budget approved", ld.get("headline").asText());
        assertEquals("Ana Ruiz/Lede", ld.get("image").get(0).get("creditText").asText());
        assertEquals("Dana Wells", ld.get("author").get(0).get("name").asText());
        assertEquals(story.publishAt().toString(), ld.get("datePublished").asText());
        assertFalse(ld.has("dateModified"), "never updated: no modification to claim");
        assertEquals("Test Ledger", ld.get("publisher").get("name").asText());
        assertEquals(
                "https://news.example" + url(story), ld.get("mainEntityOfPage").asText());
        assertTrue(html.contains("<meta property=\"og:title\" content=\"Port budget approved\">"));
        assertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assertTrue(html.contains("<meta property=\"og:image\" content=\"https://news.example/media/"));
    }

    @Test
    void headlinesCannotBreakOutOfTheJsonLdScript() {
        Story story = publish("A </script><script>alert(1)</script> headline", politics, List.of());
        String html = web.get(url(story)).body();
        assertFalse(html.contains("<script>alert(1)"), "no injected script element");
        assertTrue(html.contains("A \\u003c/script\\u003e\\u003cscript\\u003ealert(1)"), html);
    }
}
