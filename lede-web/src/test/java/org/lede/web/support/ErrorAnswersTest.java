package org.lede.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.lede.reading.Urls;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

/** The one error table, seen from outside: each failure answers with its own status and no stack trace. */
class ErrorAnswersTest extends WebServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String accept)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(web.uri(path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWrongMethodIs405WithTheMethodsThatWork() throws Exception {
        HttpResponse<String> response = send("DELETE", "/robots.txt", "text/html");
        assertEquals(405, response.statusCode(), response.body());
        String allow = response.headers().firstValue("Allow").orElseThrow();
        assertTrue(allow.contains("GET"), allow);
        assertFalse(allow.contains("DELETE"), allow);
    }

    @Test
    void corruptStoredDataIsALogged500NamingNothingToTheReader() throws Exception {
        var services = web.newsroom.services;
        Story story =
                services.storyService().createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Harbour wall fixed"));
        story = services.storyService().publish(Actor.SYSTEM, story.id(), story.revision());
        String id = story.id();
        services.db()
                .handle(h ->
                        h.execute("UPDATE story_blocks SET type = 'hologram' WHERE story_id = ? AND position = 0", id));
        web.catchUp();
        String path = Urls.story(story, ZoneId.of("UTC"));

        HttpResponse<String> page = send("GET", path, "text/html");
        assertEquals(500, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertFalse(page.body().contains("hologram"), "the reader is not shown our data");
        assertFalse(page.body().contains("Exception"));

        HttpResponse<String> problem = send("GET", path, "application/json");
        assertEquals(500, problem.statusCode());
        assertTrue(problem.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(problem.body().contains("\"status\":500"), problem.body());
    }

    @Test
    void aMissingThingIs404AndBadInputIs422AsProblemJson() throws Exception {
        HttpResponse<String> missing = send("GET", "/topics/no-such-topic", "application/json");
        assertEquals(404, missing.statusCode());
        // RFC 9457: an about:blank problem is titled with the status code's own phrase.
        assertTrue(missing.body().contains("\"title\":\"Not Found\""), missing.body());
    }
}
