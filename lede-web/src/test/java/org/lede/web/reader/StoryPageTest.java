package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Span;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryService;
import org.lede.story.UpdateKind;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

class StoryPageTest extends WebServerTest {
    StoryService stories;

    @BeforeEach
    void setUp() {
        stories = web.newsroom.services.storyService();
    }

    private Story publishedStory() {
        Topic topic = web.newsroom.topic("politics", "Politics & Policy");
        Author staff = web.newsroom.author("dana-wells", "Dana Wells");
        Author guest = web.newsroom
                .services
                .authorService()
                .create(
                        Actor.SYSTEM,
                        new AuthorFields(
                                "ruth-amsel",
                                "Ruth Amsel",
                                null,
                                "Ruth Amsel directs the Transit Futures Lab at Averill College.",
                                null,
                                true));
        Media hero = web.newsroom.image("Commuters waiting on a tram platform in the rain");
        StoryDraft draft = new StoryDraft(
                "Council backs a tram line to the harbor <script>",
                "The vote ends a decade of debate.",
                null,
                topic.id(),
                List.of("transit"),
                StoryKind.NEWS,
                List.of(staff.id(), guest.id()),
                null,
                new ImageBlock(
                        hero.id(),
                        "Commuters at the Wharf Street stop.",
                        Credit.photo("Mikel Arriaga", "Averill Wire via Lede")),
                List.of(
                        Paragraph.of("The city council voted 7–2 to build a tram line to the harbor."),
                        new LeadIn(
                                "The big picture",
                                Inline.of(
                                        Span.plain("The line is the first new "),
                                        Span.italic("rail"),
                                        Span.plain(" in 40 years; "),
                                        Span.link("read the plan", "https://example.org/plan"),
                                        Span.plain("."))),
                        Paragraph.of("The reasons for the vote are several:"),
                        new ListBlock(
                                false,
                                List.of(
                                        ListItem.of("Ridership doubled."),
                                        new ListItem("Cost", Inline.plain("The state pays half.")))),
                        new LeadIn("The bottom line", Inline.plain("Construction starts in spring."))));
        Story created = stories.createDraft(Actor.SYSTEM, draft);
        return stories.publish(Actor.SYSTEM, created.id(), created.revision());
    }

    @Test
    void publishedStoryPageShowsEveryPartOfTheStory() {
        Story story = publishedStory();
        web.newsroom.clock.advance(Duration.ofHours(5));
        HttpResponse<String> response = web.get("/2026/11/20/" + story.slug());
        assertEquals(200, response.statusCode());
        assertEquals(
                "text/html;charset=utf-8",
                response.headers()
                        .firstValue("Content-Type")
                        .orElseThrow()
                        .toLowerCase()
                        .replace(" ", ""));
        String html = response.body();
        assertTrue(
                html.contains("<h1>Council backs a tram line to the harbor &lt;script&gt;</h1>"), "escaped headline");
        assertTrue(html.contains("Photo: Mikel Arriaga/Averill Wire via Lede"), "credit");
        assertTrue(html.contains("Commuters at the Wharf Street stop."), "caption");
        assertTrue(html.contains("alt=\"Commuters waiting on a tram platform in the rain\""), "alt");
        assertTrue(html.contains("srcset=\""), "srcset");
        assertTrue(html.contains("<p>The city council voted 7–2 to build a tram line to the harbor.</p>"), "lede");
        assertTrue(
                html.contains("<strong>The big picture:</strong> The line is the first new <em>rail</em> in 40 years; "
                        + "<a href=\"https://example.org/plan\">read the plan</a>."),
                "lead-in with inline styles");
        assertTrue(html.contains("<li><strong>Cost:</strong> The state pays half.</li>"), "labelled list item");
        assertTrue(html.contains("<a href=\"/authors/dana-wells\" rel=\"author\">Dana Wells</a>"), "byline");
        assertTrue(
                html.contains("<p class=\"bio\">Ruth Amsel directs the Transit Futures Lab at Averill College.</p>"),
                "bio line");
        // The date, not "5 hours ago": the page's script makes it relative, and the bytes stay the same all day.
        assertTrue(html.contains("<time datetime=\"2026-11-20T12:00:00Z\" data-relative>Nov 20, 2026</time>"), html);
        assertTrue(html.contains("<a href=\"/topics/politics\">Politics &amp; Policy</a>"), "topic link");
        assertTrue(html.contains(
                "<link rel=\"canonical\" href=\"https://news.example/2026/11/20/" + story.slug() + "\">"));
        assertFalse(html.contains(">Updated "), "no Updated before a substantive update");
    }

    @Test
    void substantiveUpdateShowsUpdatedTime() {
        Story story = publishedStory();
        web.newsroom.clock.advance(Duration.ofHours(1));
        stories.update(Actor.SYSTEM, story.id(), story.revision(), story.draft(), UpdateKind.SUBSTANTIVE);
        web.newsroom.clock.advance(Duration.ofHours(3));
        String html = web.get("/2026/11/20/" + story.slug()).body();
        assertTrue(
                html.contains(
                        "<time datetime=\"2026-11-20T13:00:00Z\" data-relative data-updated>Updated Nov 20, 2026</time>"),
                html);
    }

    @Test
    void draftsAndUnknownPathsGetTheStyled404() {
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Not yet public"));
        for (String path : List.of("/2026/11/20/" + draft.slug(), "/no/such/page", "/2026/11/20/missing")) {
            HttpResponse<String> response = web.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("<h1>Page not found</h1>"), path);
            assertTrue(response.body().contains("class=\"site-header\""), "styled with the site frame: " + path);
        }
    }

    @Test
    void wrongDateRedirectsToTheCanonicalAddress() {
        Story story = publishedStory();
        HttpResponse<String> response = web.get("/2025/01/01/" + story.slug());
        assertEquals(301, response.statusCode());
        assertEquals(
                "/2026/11/20/" + story.slug(),
                response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void homeListsLatestPublishedStoriesAsCards() {
        Story story = publishedStory();
        web.newsroom.clock.advance(Duration.ofMinutes(1));
        Story second = stories.publish(
                Actor.SYSTEM,
                stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Second story"))
                        .id(),
                1);
        stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("A hidden draft"));
        String html = web.get("/").body();
        assertTrue(html.indexOf(second.headline()) < html.indexOf("Council backs a tram line"), "newest first");
        assertTrue(html.contains("<a href=\"/2026/11/20/" + story.slug() + "\">"));
        assertFalse(html.contains("A hidden draft"));
    }

    @Test
    void heroImageIsServedInEveryOfferedWidth() {
        Story story = publishedStory();
        String mediaId = story.draft().hero().mediaId();
        HttpResponse<byte[]> original = web.getBytes("/media/" + mediaId + "/64.png");
        assertEquals(200, original.statusCode());
        assertEquals("image/png", original.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(404, web.getBytes("/media/" + mediaId + "/65.png").statusCode());
        assertEquals(404, web.getBytes("/media/" + mediaId + "/64.jpg").statusCode());
        assertEquals(404, web.getBytes("/media/not-an-id/64.png").statusCode());
    }

    @Test
    void anUnexpectedFailureGetsTheStyled500PageWithoutAStackTrace() {
        Story story = publishedStory();
        // Data no code path writes: the page cannot be built, which must not leak how.
        web.newsroom.services.db().handle(h -> h.execute("UPDATE media SET content_type = 'image/gif'"));
        HttpResponse<String> response = web.get("/2026/11/20/" + story.slug());
        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("<h1>Something went wrong</h1>"), response.body());
        assertTrue(response.body().contains("class=\"site-header\""), "styled with the site frame");
        assertFalse(response.body().contains("Exception"), "no stack trace or exception name");
        assertFalse(response.body().contains("at org."), "no stack trace");
    }
}
