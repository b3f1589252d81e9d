package org.lede.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Span;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryService;
import org.lede.story.UpdateKind;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.web.WebServer;
import org.lede.web.WebServerTest;
import org.lede.web.WebTestServer;

/** The content API over HTTP; every answer is also checked against the OpenAPI document by WebTestServer. */
class ContentApiTest extends WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    StoryService stories;

    @BeforeEach
    void setUp() {
        stories = web.newsroom.services.storyService();
    }

    private Story publish(StoryDraft draft) {
        Story created = stories.createDraft(Actor.SYSTEM, draft);
        Story published = stories.publish(Actor.SYSTEM, created.id(), created.revision());
        // Each story its own minute, as in a newsroom, so the order by first publication is plain.
        web.newsroom.clock.advance(Duration.ofMinutes(1));
        return published;
    }

    private Story publish(String headline) {
        return publish(web.newsroom.publishableDraft(headline));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private JsonNode ok(String path) {
        HttpResponse<String> response = web.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return json(response);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

    @Test
    void aStoryComesAsTypedBlocksAndAsCleanHtmlWithAbsoluteAddresses() {
        Media inBody = web.newsroom.image("A ferry at the quay");
        StoryDraft draft = web.newsroom
                .publishableDraft("Ferry fares frozen")
                .withBody(List.of(
                        new Paragraph(Inline.of(
                                Span.plain("Fares stay at "),
                                Span.bold("two euros"),
                                Span.plain(", says the "),
                                Span.link("port", "/topics/harbour"),
                                Span.plain(" and "),
                                Span.link("the board", "https://example.org/board"))),
                        new LeadIn("Why it matters", Inline.plain("Commuters save.")),
                        new ListBlock(false, List.of(ListItem.of("One"), ListItem.of("Two"))),
                        new Quote(Inline.plain("We listened."), "The mayor"),
                        new ImageBlock(inBody.id(), "The quay at dawn.", Credit.photo("Ana Ruiz", "Lede"))));
        Story story = publish(draft);

        JsonNode api = ok("/api/v1/stories/" + story.id());
        assertEquals(story.id(), api.path("id").asText());
        assertEquals("ferry-fares-frozen", api.path("slug").asText());
        assertEquals(
                "https://news.example/2026/11/20/ferry-fares-frozen",
                api.path("url").asText());
        assertEquals("news", api.path("kind").asText());
        assertEquals(
                "https://news.example/topics/" + api.path("topic").path("slug").asText(),
                api.path("topic").path("url").asText());
        assertEquals(
                "https://news.example/authors/"
                        + api.path("authors").get(0).path("slug").asText(),
                api.path("authors").get(0).path("url").asText());
        assertTrue(api.path("hero").path("url").asText().startsWith("https://news.example/media/"));
        assertEquals("photo", api.path("hero").path("credit").path("kind").asText());
        assertEquals("Ana Ruiz", api.path("hero").path("credit").path("by").asText());
        assertEquals("Lede", api.path("hero").path("credit").path("via").asText());
        assertEquals("lead-in", api.path("body").get(1).path("type").asText());
        assertEquals("Why it matters", api.path("body").get(1).path("label").asText());
        assertEquals(
                "/topics/harbour",
                api.path("body").get(0).path("text").get(3).path("href").asText(),
                "blocks are the stored shape, links as written");
        assertTrue(api.path("body").get(0).path("text").get(1).path("bold").asBoolean());
        assertEquals("Fares stay at ", api.path("lede").get(0).path("text").asText());
        assertTrue(api.path("images").path(inBody.id()).path("url").asText().startsWith("https://news.example/media/"));
        assertTrue(api.path("updatedAt").isNull(), "no substantive update yet");
        assertEquals("2026-11-20T12:00:00Z", api.path("publishedAt").asText());

        Document html = Jsoup.parseBodyFragment(api.path("html").asText());
        assertEquals(
                "https://news.example/topics/harbour",
                html.select("a:contains(port)").attr("href"));
        assertEquals(
                "https://example.org/board",
                html.select("a:contains(the board)").attr("href"));
        assertEquals("Why it matters:", html.select("p > strong").get(1).text(), "the lead-in label is bold");
        assertEquals(2, html.select("ul > li").size());
        assertEquals("We listened.", html.select("blockquote > p").first().text());
        assertEquals("— The mayor", html.select("blockquote > p").last().text(), "the attribution");
        var figure = html.select("figure").first();
        assertTrue(figure.select("img").attr("src").startsWith("https://news.example/media/"), figure.outerHtml());
        assertFalse(figure.select("img").hasAttr("srcset"), "one absolute source; relative candidates would break");
        assertTrue(figure.select("figcaption").text().contains("The quay at dawn."));
        assertTrue(figure.select("figcaption").text().contains("Photo: Ana Ruiz/Lede"));

        assertEquals(api, ok("/api/v1/stories/slug/ferry-fares-frozen"), "by slug, the same document");
    }

    @Test
    void onlyASubstantiveUpdateSetsUpdatedAt() {
        Story story = publish("Bridge reopens");
        Story fixed = stories.update(
                Actor.SYSTEM,
                story.id(),
                story.revision(),
                story.draft().withHeadline("Bridge reopens early"),
                UpdateKind.MINOR);
        web.catchUp();
        JsonNode minor = ok("/api/v1/stories/" + story.id());
        assertEquals("Bridge reopens early", minor.path("headline").asText());
        assertTrue(minor.path("updatedAt").isNull());
        stories.update(Actor.SYSTEM, story.id(), fixed.revision(), fixed.draft(), UpdateKind.SUBSTANTIVE);
        web.catchUp();
        assertEquals(
                "2026-11-20T12:01:00Z",
                ok("/api/v1/stories/" + story.id()).path("updatedAt").asText());
    }

    @Test
    void draftsAndUnpublishedStoriesAreNowhere() {
        Story live = publish("Live story");
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Secret draft"));
        Story gone = publish("Withdrawn story");
        stories.unpublish(Actor.SYSTEM, gone.id(), gone.revision());
        web.catchUp();

        for (String path : List.of(
                "/api/v1/stories/" + draft.id(),
                "/api/v1/stories/slug/" + draft.slug(),
                "/api/v1/stories/" + gone.id(),
                "/api/v1/stories/01ARZ3NDEKTSV4RRFFQ69G5FAV")) {
            HttpResponse<String> response = web.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(
                    response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertFalse(response.body().contains("Secret"), response.body());
        }
        HttpResponse<String> unknown = web.get("/api/v1/stories/01ARZ3NDEKTSV4RRFFQ69G5FAV");
        HttpResponse<String> ofDraft = web.get("/api/v1/stories/" + draft.id());
        assertEquals(unknown.body(), ofDraft.body(), "a draft's id reads exactly like an unknown one");
        assertEquals(List.of(live.id()), ids(ok("/api/v1/stories")));
    }

    @Test
    void filtersSelectByTopicAuthorTagKindAndChangeTime() {
        Topic city = web.newsroom.topic("city", "City");
        Author ana = web.newsroom.author("ana", "Ana Ruiz");
        Story a = publish(web.newsroom.publishableDraft("Tram line extended").withTopic(city.id()));
        StoryDraft opinion = web.newsroom.publishableDraft("Why trams win").withAuthors(List.of(ana.id()));
        Story b = publish(new StoryDraft(
                opinion.headline(),
                opinion.dek(),
                null,
                opinion.topicId(),
                List.of("trams", "opinion"),
                StoryKind.OPINION,
                opinion.authorIds(),
                null,
                opinion.hero(),
                opinion.body()));
        Story c = publish("Council budget passed");

        assertEquals(List.of(a.id()), ids(ok("/api/v1/stories?topic=city")));
        assertEquals(List.of(b.id()), ids(ok("/api/v1/stories?author=ana")));
        assertEquals(List.of(b.id()), ids(ok("/api/v1/stories?tag=trams")));
        assertEquals(List.of(b.id()), ids(ok("/api/v1/stories?kind=opinion")));
        assertEquals(List.of(c.id(), a.id()), ids(ok("/api/v1/stories?kind=news")));
        assertEquals(List.of(), ids(ok("/api/v1/stories?topic=city&kind=opinion")));
        // b and c were saved at 12:01 and 12:02; a fix to a at 12:03 brings it back into a sync.
        assertEquals(List.of(c.id(), b.id()), ids(ok("/api/v1/stories?updated_since=2026-11-20T12:01:00Z")));
        stories.update(
                Actor.SYSTEM,
                a.id(),
                a.revision(),
                a.draft().withHeadline("Tram line extended again"),
                UpdateKind.MINOR);
        web.catchUp();
        assertEquals(
                List.of(a.id()),
                ids(ok("/api/v1/stories?updated_since="
                        + URLEncoder.encode("2026-11-20T13:03:00+01:00", StandardCharsets.UTF_8))));
    }

    @Test
    void pagingMeetsEveryStoryOnceWhileAStoryIsPublishedMidway() {
        Set<String> published = new LinkedHashSet<>();
        for (int i = 0; i < 7; i++) {
            published.add(publish("Story " + i).id());
        }
        List<String> seen = new ArrayList<>();
        HttpResponse<String> first = web.get("/api/v1/stories?limit=3&kind=news");
        JsonNode page = json(first);
        seen.addAll(ids(page));
        String next = page.path("next").asText();
        assertEquals(
                "<" + next + ">; rel=\"next\"",
                first.headers().firstValue("Link").orElseThrow());
        assertTrue(next.startsWith("https://news.example/api/v1/stories?"), next);
        assertTrue(next.contains("kind=news") && next.contains("limit=3"), "the next link keeps the filters: " + next);

        Story late = publish("Published while a client pages");
        web.catchUp();
        int pages = 1;
        while (!page.path("next").isNull()) {
            String path = page.path("next").asText().substring("https://news.example".length());
            HttpResponse<String> response = web.get(path);
            assertEquals(200, response.statusCode(), response.body());
            page = json(response);
            seen.addAll(ids(page));
            assertEquals(
                    page.path("next").isNull(),
                    response.headers().firstValue("Link").isEmpty());
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no story twice: " + seen);
        assertEquals(published, new HashSet<>(seen), "no story missed, newest first");
        assertEquals(List.copyOf(published).reversed(), seen);
        assertEquals(late.id(), ids(ok("/api/v1/stories?limit=1")).getFirst(), "the late story leads a new walk");
    }

    @Test
    void wrongParametersAre400WithEveryWrongFieldNamed() {
        publish("Anything");
        assertFields("/api/v1/stories?limit=abc", "limit");
        assertFields("/api/v1/stories?limit=0", "limit");
        assertFields("/api/v1/stories?limit=101", "limit");
        assertFields("/api/v1/stories?cursor=not-a-cursor", "cursor");
        assertFields("/api/v1/stories?topic=nowhere", "topic");
        assertFields("/api/v1/stories?author=nobody", "author");
        assertFields("/api/v1/stories?kind=poem", "kind");
        assertFields("/api/v1/stories?updated_since=yesterday", "updated_since");
        assertFields("/api/v1/stories?update_since=2026-11-20T12:00:00Z", "update_since");
        assertFields("/api/v1/stories?limit=x&kind=poem&cursor=zz", "kind", "limit", "cursor");
        assertFields("/api/v1/topics?page=2", "page");
        assertEquals(200, web.get("/api/v1/stories?limit=100").statusCode());
    }

    private void assertFields(String path, String... fields) {
        HttpResponse<String> response = web.get(path);
        assertEquals(400, response.statusCode(), path + ": " + response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode problem = json(response);
        assertEquals("Bad Request", problem.path("title").asText());
        assertEquals(400, problem.path("status").asInt());
        Set<String> named = new HashSet<>();
        problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
        assertEquals(Set.of(fields), named, response.body());
    }

    @Test
    void answersCarryValidatorsAndAre304WhenUnchanged() {
        Story story = publish("Harbour wall fixed");
        String path = "/api/v1/stories/" + story.id();
        HttpResponse<String> first = web.get(path);
        HttpResponse<String> cached = web.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(etag, cached.headers().firstValue("ETag").orElseThrow(), "the cache answers the same bytes");
        assertEquals(first.body(), cached.body());
        for (HttpResponse<String> r : List.of(first, cached)) {
            String cacheControl = r.headers().firstValue("Cache-Control").orElseThrow();
            assertTrue(
                    cacheControl.startsWith("public")
                            && cacheControl.contains("s-maxage=")
                            && cacheControl.contains("stale-while-revalidate="),
                    cacheControl);
            assertEquals(
                    "*", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            assertTrue(r.headers().firstValue("Surrogate-Key").orElseThrow().contains("story:" + story.id()));
        }
        HttpResponse<String> notModified = web.get(path, "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());

        stories.update(
                Actor.SYSTEM,
                story.id(),
                story.revision(),
                story.draft().withHeadline("Harbour wall mended"),
                UpdateKind.MINOR);
        web.catchUp();
        HttpResponse<String> changed = web.get(path, "If-None-Match", etag);
        assertEquals(200, changed.statusCode(), "the purge evicted the cached answer");
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
        assertEquals("Harbour wall mended", json(changed).path("headline").asText());
    }

    @Test
    void aCachedListIsPurgedByAPublication() {
        publish("First");
        assertEquals(1, ids(ok("/api/v1/stories?limit=5")).size());
        assertEquals(1, ids(ok("/api/v1/stories?limit=5")).size());
        publish("Second");
        web.catchUp();
        assertEquals(2, ids(ok("/api/v1/stories?limit=5")).size());
        assertEquals(2, ids(ok("/api/v1/stories?limit=%35")).size(), "the key reads values decoded");
    }

    @Test
    void browsersOnOtherSitesMayReadIt() {
        HttpResponse<String> preflight = web.send(HttpRequest.newBuilder(web.uri("/api/v1/stories"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
        assertEquals(204, preflight.statusCode());
        assertEquals(
                "*",
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Methods")
                .orElseThrow()
                .contains("GET"));
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElseThrow()
                .contains("Authorization"));

        HttpResponse<String> write = web.send(HttpRequest.newBuilder(web.uri("/api/v1/stories"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "DELETE"));
        assertEquals(405, write.statusCode());
        assertTrue(write.headers().firstValue("Allow").orElseThrow().contains("GET"));

        HttpResponse<String> list = web.get("/api/v1/topics", "Origin", "https://elsewhere.example");
        assertEquals(
                "*", list.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        String exposed =
                list.headers().firstValue("Access-Control-Expose-Headers").orElseThrow();
        assertTrue(exposed.contains("ETag") && exposed.contains("Link"), exposed);
    }

    @Test
    void textIsSentAsWrittenAndEscapedInTheHtml() {
        String hostile = "<script>alert(\"x\")</script> & 'quotes' \"ünïcode\" \\ end";
        StoryDraft draft =
                web.newsroom.publishableDraft(hostile).withSlug("hostile").withBody(List.of(Paragraph.of(hostile)));
        Story story = publish(draft);
        HttpResponse<String> response = web.get("/api/v1/stories/" + story.id());
        JsonNode api = json(response);
        assertEquals(hostile, api.path("headline").asText());
        assertEquals(
                hostile,
                api.path("body").get(0).path("text").get(0).path("text").asText());
        assertFalse(api.path("html").asText().contains("<script>"));
        Document html = Jsoup.parseBodyFragment(api.path("html").asText());
        assertTrue(html.select("script").isEmpty());
        assertEquals(hostile, html.select("p").first().text(), "shown as text, not markup");
    }

    @Test
    void topicsAuthorsAndDashboardsAreListedAndFound() {
        Topic city = web.newsroom.topic("city", "City");
        Author ana = web.newsroom.author("ana", "Ana Ruiz");
        JsonNode topics = ok("/api/v1/topics");
        assertTrue(topics.path("items").findValuesAsText("slug").contains("city"));
        assertEquals("City", ok("/api/v1/topics/city").path("name").asText());
        assertEquals(
                "https://news.example/topics/city",
                ok("/api/v1/topics/city").path("url").asText());
        assertTrue(ok("/api/v1/authors").path("items").findValuesAsText("slug").contains("ana"));
        assertEquals("Ana Ruiz", ok("/api/v1/authors/ana").path("name").asText());
        assertEquals(404, web.get("/api/v1/topics/nowhere").statusCode());
        assertEquals(404, web.get("/api/v1/authors/nobody").statusCode());
        assertEquals(0, ok("/api/v1/dashboards").path("items").size());
        assertEquals(404, web.get("/api/v1/dashboards/nothing").statusCode());
        assertNull(city.description());
        assertEquals(ana.slug(), "ana");
    }

    @Test
    void theDescriptionsAreServedAsTheyAreInTheJar() {
        HttpResponse<String> openApi = web.get("/api/openapi.json");
        assertEquals(200, openApi.statusCode());
        assertTrue(openApi.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("3.1.0", json(openApi).path("openapi").asText());
        HttpResponse<String> schema = web.get("/api/schema/story.json");
        assertTrue(schema.headers().firstValue("Content-Type").orElseThrow().startsWith("application/schema+json"));
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                json(schema).path("$schema").asText());
        String etag = schema.headers().firstValue("ETag").orElseThrow();
        assertEquals(
                304, web.get("/api/schema/story.json", "If-None-Match", etag).statusCode());
    }

    @Test
    void aContentKeyWhenSetIsRequiredAndKeyedAnswersStayPrivate() throws Exception {
        Story story = publish("Keyed story");
        // The open server answers without a key.
        assertEquals(200, web.get("/api/v1/stories").statusCode());

        try (WebTestServer keyed = new WebTestServer(
                dialect,
                Files.createDirectories(dir.resolve("keyed")),
                WebServer.Options.DEFAULTS.withContentApiKeys(List.of("k-one", "k-two")))) {
            Story there = keyed.newsroom
                    .services
                    .storyService()
                    .createDraft(Actor.SYSTEM, keyed.newsroom.publishableDraft("Keyed story"));
            keyed.newsroom.services.storyService().publish(Actor.SYSTEM, there.id(), there.revision());
            String path = "/api/v1/stories/" + there.id();

            HttpResponse<String> withKey = keyed.get(path, "Authorization", "Bearer k-two");
            assertEquals(200, withKey.statusCode(), withKey.body());
            assertTrue(
                    withKey.headers().firstValue("Cache-Control").orElseThrow().startsWith("private"));
            HttpResponse<String> again = keyed.get(path, "Authorization", "Bearer k-two");
            assertEquals(withKey.body(), again.body());
            assertTrue(
                    again.headers().firstValue("Cache-Control").orElseThrow().startsWith("private"),
                    "from the cache too");
            assertEquals(200, keyed.get(path + "?key=k-one").statusCode());

            // The answer above is cached; a request without the key must still be refused.
            HttpResponse<String> without = keyed.get(path);
            assertEquals(401, without.statusCode());
            assertEquals(
                    "Bearer realm=\"content\"",
                    without.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertTrue(
                    without.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertFalse(without.body().contains("Keyed story"));
            HttpResponse<String> wrong = keyed.get(path, "Authorization", "Bearer k-three");
            assertEquals(401, wrong.statusCode());
            assertTrue(
                    wrong.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));
            assertEquals(401, keyed.get(path + "?key=k-on").statusCode());
            assertEquals(401, keyed.get("/api/v1/stories").statusCode());
        }
        assertNotEquals(null, story);
    }
}
