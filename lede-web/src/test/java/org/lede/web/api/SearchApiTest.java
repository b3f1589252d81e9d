package org.lede.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.reading.Urls;
import org.lede.story.Story;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.web.Eventually;
import org.lede.web.SearchStories;
import org.lede.web.WebServerTest;

/** /api/v1/search over HTTP; every answer is also checked against the OpenAPI document by WebTestServer. */
class SearchApiTest extends WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    SearchStories stories;

    @BeforeEach
    void setUp() {
        stories = new SearchStories(web);
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

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    private void awaitFound(String path, String id) {
        Eventually.until(path + " to list " + id, () -> ids(ok(path)).contains(id));
    }

    @Test
    void aHitCarriesItsAddressHeadlineAndMarkedSnippet() {
        Topic harbour = web.newsroom.topic("harbour", "Harbour");
        Story story = stories.publish(
                stories.draft("Quay rebuilt after the storm", "The quintessor crane lifted the last block.")
                        .withTopic(harbour.id()));
        awaitFound("/api/v1/search?q=quintessor", story.id());

        HttpResponse<String> response = web.get("/api/v1/search?q=quintessor");
        assertEquals(
                "*",
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(response.headers().firstValue("ETag").isPresent());
        JsonNode page = json(response);
        JsonNode hit = page.path("items").get(0);
        assertEquals(story.id(), hit.path("id").asText());
        assertEquals("story", hit.path("type").asText());
        assertEquals("news", hit.path("kind").asText());
        assertEquals(
                "https://news.example" + Urls.story(story, ZoneId.of("UTC")),
                hit.path("url").asText());
        assertEquals("Quay rebuilt after the storm", hit.path("headline").asText());
        assertEquals("harbour", hit.path("topic").path("slug").asText());
        boolean marked = false;
        for (JsonNode f : hit.path("snippet")) {
            marked |= f.path("match").asBoolean() && f.path("text").asText().equalsIgnoreCase("quintessor");
        }
        assertTrue(marked, hit.toString());
        assertEquals(1, page.path("total").asLong());
        assertTrue(page.path("exact").asBoolean());
        assertEquals(
                "harbour",
                page.path("counts").path("topics").get(0).path("value").asText());
        assertEquals(1, page.path("counts").path("topics").get(0).path("count").asLong());
        assertTrue(page.path("next").isNull());

        String etag = response.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = web.get("/api/v1/search?q=quintessor", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
    }

    @Test
    void pagesWalkEveryHitOnceByCursor() {
        Set<String> published = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            published.add(stories.publish("Notes " + i, "The brambleton survey " + i + ".")
                    .id());
        }
        Eventually.until(
                "all seven",
                () -> ok("/api/v1/search?q=brambleton&limit=100").path("total").asLong() == 7);

        List<String> seen = new ArrayList<>();
        String next = "/api/v1/search?q=brambleton&limit=3";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = web.get(next);
            JsonNode page = json(response);
            seen.addAll(ids(page));
            if (page.path("next").isNull()) {
                next = null;
                assertTrue(response.headers().firstValue("Link").isEmpty());
            } else {
                String absolute = page.path("next").asText();
                assertTrue(absolute.startsWith("https://news.example/api/v1/search?"), absolute);
                assertTrue(absolute.contains("q=brambleton") && absolute.contains("limit=3"), absolute);
                assertEquals(
                        "<" + absolute + ">; rel=\"next\"",
                        response.headers().firstValue("Link").orElse(""));
                next = absolute.substring("https://news.example".length());
            }
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(published, new HashSet<>(seen));
    }

    @Test
    void aDraftIsNeverFoundUntilItIsPublished() {
        Story draft = stories.saveDraft(Actor.SYSTEM, stories.draft("Embargoed", "The wintermoot budget."));
        Story later = stories.publish("Budget rumours", "The wintermoot talk.");
        awaitFound("/api/v1/search?q=wintermoot", later.id());
        assertEquals(List.of(later.id()), ids(ok("/api/v1/search?q=wintermoot")));
        assertTrue(ids(ok("/api/v1/search?q=embargoed")).isEmpty(), "not by its own words either");

        stories.publishDraft(draft);
        awaitFound("/api/v1/search?q=wintermoot", draft.id());
    }

    @Test
    void wrongParametersAreNamedInA400Problem() {
        String[][] cases = {
            {"/api/v1/search?q=tram&topic=nowhere", "topic"},
            {"/api/v1/search?q=tram&author=nobody", "author"},
            {"/api/v1/search?q=tram&kind=rumour", "kind"},
            {"/api/v1/search?q=tram&from=2024-02-30", "from"},
            {"/api/v1/search?q=tram&sort=sideways", "sort"},
            {"/api/v1/search?q=tram&limit=0", "limit"},
            {"/api/v1/search?q=tram&limit=many", "limit"},
            {"/api/v1/search?q=tram&cursor=not-issued", "cursor"},
            {"/api/v1/search?q=tram&page=2", "page"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = web.get(c[0]);
            assertEquals(400, response.statusCode(), c[0] + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonNode problem = json(response);
            boolean named = false;
            for (JsonNode e : problem.path("errors")) {
                named |= e.path("field").asText().equals(c[1]);
            }
            assertTrue(named, c[0] + ": " + problem);
        }
    }

    @Test
    void whatAPersonTypesIsNeverAnError() {
        for (String q : List.of("%22", "title%3A(a+OR", "%00%1B", "x".repeat(5_000), "%2A%3F~%5E")) {
            HttpResponse<String> response = web.get("/api/v1/search?q=" + q);
            assertEquals(200, response.statusCode(), q.substring(0, Math.min(q.length(), 40)));
        }
        JsonNode empty = ok("/api/v1/search");
        assertEquals(0, empty.path("items").size());
        assertFalse(empty.path("items").isMissingNode());
    }
}
