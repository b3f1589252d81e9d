package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

/** Validators, conditional requests, cache headers, compression and purging, over HTTP. */
class HttpCachingTest extends WebServerTest {
    Story story;
    String url;

    @BeforeEach
    void setUp() {
        var stories = web.newsroom.services.storyService();
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Ferry fares frozen"));
        story = stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
        url = "/2026/11/20/" + story.slug();
    }

    @Test
    void pagesCarryValidatorsAndCdnFriendlyCacheControl() {
        for (int i = 0; i < 2; i++) {
            // The first answer is rendered through Javalin, the second comes from the cache handler: both alike.
            HttpResponse<String> response = web.get(url);
            assertEquals(200, response.statusCode());
            String cacheControl = response.headers().firstValue("Cache-Control").orElseThrow();
            assertTrue(cacheControl.contains("s-maxage="), cacheControl);
            assertTrue(cacheControl.contains("stale-while-revalidate="), cacheControl);
            assertTrue(response.headers().firstValue("ETag").orElseThrow().startsWith("W/\""));
            assertTrue(
                    response.headers().firstValue("Last-Modified").orElseThrow().endsWith("GMT"));
            assertEquals(
                    "text/html;charset=utf-8",
                    response.headers()
                            .firstValue("Content-Type")
                            .orElseThrow()
                            .toLowerCase()
                            .replace(" ", ""));
        }
    }

    @Test
    void conditionalRequestsGet304() {
        HttpResponse<String> first = web.get(url);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> byEtag = web.get(url, "If-None-Match", etag);
        assertEquals(304, byEtag.statusCode());
        assertEquals("", byEtag.body());
        assertEquals(etag, byEtag.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, web.get(url, "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, web.get(url, "If-None-Match", "W/\"something-else\"").statusCode());
        assertEquals(
                200,
                web.get(url, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                        .statusCode());
        assertEquals(200, web.get(url, "If-Modified-Since", "not a date").statusCode());
    }

    @Test
    void cachedPagesAreGzippedOnceAndDecodeToTheSameHtml() throws Exception {
        byte[] plain = web.get(url).body().getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> gzipped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(web.uri(url))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElseThrow());
        assertTrue(gzipped.body().length < plain.length / 2);
        assertArrayEquals(plain, new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes());
    }

    @Test
    void anEventNamingAPageLetsTheNextRequestSeeTheChange() {
        web.catchUp();
        assertFalse(web.get("/").body().contains("A fresh story"));
        var stories = web.newsroom.services.storyService();
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("A fresh story"));
        stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
        web.append("story.published", draft.id(), "story:" + draft.id(), "home");
        web.catchUp();
        assertTrue(web.get("/").body().contains("A fresh story"));
        stories.unpublish(Actor.SYSTEM, story.id(), story.revision());
        web.append("story.unpublished", story.id(), "story:" + story.id());
        web.catchUp();
        // Not the cached page: the story was public once, so its address now answers 410 Gone.
        assertEquals(410, web.get(url).statusCode());
    }

    @Test
    void errorsAreNeverCached() {
        HttpResponse<String> missing = web.get("/no/such/page");
        assertEquals(404, missing.statusCode());
        assertEquals("no-store", missing.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> api = web.get("/api/v1/topics/nothing", "Accept", "application/json");
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(api.body().contains("\"status\":404"));
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfTheNewsroom() {
        HttpResponse<String> robots = web.get("/robots.txt");
        assertEquals(200, robots.statusCode());
        assertTrue(robots.body().contains("Disallow: /newsroom"));
        assertTrue(robots.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        HttpResponse<String> icon = web.get("/favicon.svg");
        assertEquals(200, icon.statusCode(), "pages link it, so browsers log no missing-icon error");
        assertTrue(icon.headers().firstValue("Content-Type").orElseThrow().startsWith("image/svg+xml"));
    }

    @Test
    void aCachedPageIsAnsweredFromTheCacheUntilAnEventPurgesIt() {
        // Consume the set-up's own events first, or a background purge could land between the two reads.
        web.catchUp();
        assertTrue(web.get(url).body().contains("<h1>Ferry fares frozen</h1>"));
        // A change behind the services' back appends no event, so the cached page must stay as it was.
        web.newsroom
                .services
                .db()
                .handle(h -> h.execute("UPDATE stories SET headline = 'Changed quietly' WHERE id = ?", story.id()));
        web.catchUp();
        HttpResponse<String> cached = web.get(url);
        assertTrue(cached.body().contains("<h1>Ferry fares frozen</h1>"), "served from the cache");
        web.append("story.updated", "another-story", "story:another-story", "home");
        web.catchUp();
        assertTrue(web.get(url).body().contains("<h1>Ferry fares frozen</h1>"), "an event about other pages leaves it");
        web.append("story.updated", story.id(), "story:" + story.id());
        web.catchUp();
        assertTrue(web.get(url).body().contains("<h1>Changed quietly</h1>"), "purged by the event naming it");
    }
}
