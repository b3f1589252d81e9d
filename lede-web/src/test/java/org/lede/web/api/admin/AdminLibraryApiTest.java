package org.lede.web.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lede.web.api.admin.ApiClient.json;
import static org.lede.web.api.admin.ApiClient.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lede.media.MediaService;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** Media, topics, authors and dashboards through the admin API, with the newsroom's limits and roles. */
class AdminLibraryApiTest extends WebServerTest {

    private HttpRequest.Builder upload(ApiClient client, String query, String type, byte[] bytes) {
        return client.request("/media" + query)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    @Test
    void uploadsPassTheNewsroomsChecksAndCanBeDescribed() {
        ApiClient writer = ApiClient.as(web, Role.WRITER);
        long before = web.newsroom.services.outbox().lastSeq();
        json(web.send(upload(writer, "", "text/plain", "hello".getBytes())), 415);
        json(web.send(upload(writer, "", "image/gif", ApiClient.png(2))), 415);
        JsonNode notAnImage = json(web.send(upload(writer, "", "image/png", "not a png at all".getBytes())), 422);
        assertEquals("file", notAnImage.get("errors").get(0).get("field").asText());
        // The server answers 413 from the declared length without reading; waiting for 100-continue keeps the
        // client from racing that answer with a body the server has stopped reading.
        json(
                web.send(upload(writer, "", "image/png", new byte[(int) MediaService.MAX_BYTES + 1])
                        .expectContinue(true)),
                413);
        json(web.send(upload(writer, "?credit=Nobody", "image/png", ApiClient.png(3))), 422);
        assertEquals(before, web.newsroom.services.outbox().lastSeq(), "refused uploads leave nothing");

        JsonNode added = json(web.send(upload(writer, "?name=bridge.png", "image/png", ApiClient.png(4))), 201);
        assertTrue(added.get("alt").isNull());
        assertEquals("bridge.png", added.get("originalName").asText());
        assertEquals(40, added.get("width").asInt());
        String id = added.get("id").asText();
        JsonNode described = json(
                writer.put(
                        "/media/" + id,
                        object(
                                "alt",
                                "A bridge at night",
                                "caption",
                                "The bridge.",
                                "credit",
                                Map.of("kind", "photo", "by", "Ana Ruiz"))),
                200);
        assertEquals("A bridge at night", described.get("alt").asText());
        assertEquals(
                "Ana Ruiz",
                web.newsroom
                        .services
                        .media()
                        .find(id)
                        .orElseThrow()
                        .defaultCredit()
                        .by());
        assertEquals(
                "credit",
                json(writer.put("/media/" + id, object("credit", Map.of("kind", "painting", "by", "X"))), 422)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText());
        JsonNode list = json(writer.get("/media?limit=1"), 200);
        assertEquals(id, list.get("items").get(0).get("id").asText());
        assertEquals(
                List.of("media.added", "media.updated"),
                web.newsroom.services.outbox().after(before, 10).stream()
                        .map(e -> e.type())
                        .toList());
    }

    @Test
    void editorsCurateTopicsAuthorsAndDashboardsAndWritersOnlyRead() {
        ApiClient editor = ApiClient.as(web, Role.EDITOR);
        ApiClient writer = ApiClient.as(web, Role.WRITER);

        JsonNode topic = json(editor.post("/topics", object("name", "Climate", "position", 3)), 201);
        assertEquals("climate", topic.get("slug").asText());
        String topicId = topic.get("id").asText();
        JsonNode renamed = json(
                editor.put("/topics/" + topicId, object("slug", "climate", "name", "Climate & energy", "position", 2)),
                200);
        assertEquals("Climate & energy", renamed.get("name").asText());
        json(writer.put("/topics/" + topicId, object("name", "Writers' climate", "position", 1)), 403);
        json(writer.post("/topics", object("name", "Sport")), 403);
        assertEquals(
                "Climate & energy",
                json(writer.get("/topics/" + topicId), 200).get("name").asText());
        json(editor.post("/topics", object("name", "Climate again", "slug", "climate")), 409);

        JsonNode author = json(editor.post("/authors", object("name", "Ina Ink", "title", "Reporter")), 201);
        String authorId = author.get("id").asText();
        JsonNode edited = json(
                editor.put(
                        "/authors/" + authorId,
                        object("slug", "ina-ink", "name", "Ina Ink", "title", "Editor", "contributor", true)),
                200);
        assertEquals("Editor", edited.get("title").asText());
        assertTrue(edited.get("contributor").asBoolean());
        json(writer.post("/authors", object("name", "Writer Author")), 403);
        assertEquals(1, json(writer.get("/authors"), 200).get("items").size());

        Story lead = web.newsroom
                .services
                .storyService()
                .createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Flood defences"));
        lead = web.newsroom.services.storyService().publish(Actor.SYSTEM, lead.id(), lead.revision());
        Map<String, Object> items = Map.of(
                "label",
                "Defences",
                "entries",
                List.of(
                        Map.of("storyId", lead.id()),
                        Map.of("url", "https://example.org/report", "title", "The report")));
        JsonNode dashboard = json(
                editor.post("/dashboards", object("title", "Flood watch", "topicId", topicId, "items", List.of(items))),
                201);
        String dashboardId = dashboard.get("id").asText();
        assertEquals("flood-watch", dashboard.get("slug").asText());
        assertEquals(
                "https://example.org/report",
                dashboard.get("items").get(0).get("entries").get(1).get("url").asText());
        int revision = dashboard.get("revision").asInt();
        JsonNode changed = json(
                editor.put(
                        "/dashboards/" + dashboardId,
                        object(
                                "expectedRevision",
                                revision,
                                "slug",
                                "flood-watch",
                                "title",
                                "Flood watch, live",
                                "items",
                                List.of(items))),
                200);
        assertEquals("Flood watch, live", changed.get("title").asText());
        long before = web.newsroom.services.outbox().lastSeq();
        json(
                editor.put(
                        "/dashboards/" + dashboardId,
                        object(
                                "expectedRevision",
                                revision,
                                "slug",
                                "flood-watch",
                                "title",
                                "Stale",
                                "items",
                                List.of())),
                409);
        json(
                writer.put(
                        "/dashboards/" + dashboardId,
                        object(
                                "expectedRevision",
                                changed.get("revision").asInt(),
                                "title",
                                "Writer's",
                                "items",
                                List.of())),
                403);
        assertEquals(
                "items[0].labl",
                json(
                                editor.post(
                                        "/dashboards",
                                        object(
                                                "title",
                                                "Bad",
                                                "items",
                                                List.of(Map.of("entries", List.of(), "labl", "x")))),
                                422)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText());
        assertEquals(before, web.newsroom.services.outbox().lastSeq(), "refused changes leave nothing");
        web.catchUp();
        assertTrue(web.get("/dashboards/flood-watch").body().contains("Flood watch, live"), "readers see the change");
    }
}
