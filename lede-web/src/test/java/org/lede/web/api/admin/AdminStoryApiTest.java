package org.lede.web.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lede.web.api.admin.ApiClient.json;
import static org.lede.web.api.admin.ApiClient.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lede.outbox.OutboxEvent;
import org.lede.story.Story;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** A story's whole life through the admin API with a personal token, and what each role may do there. */
class AdminStoryApiTest extends WebServerTest {

    private String fields(String headline, String topicId, String authorId, String mediaId, String dek) {
        return object(
                "headline", headline,
                "dek", dek,
                "topicId", topicId,
                "authorIds", List.of(authorId),
                "tags", List.of("Transit"),
                "hero",
                        Map.of(
                                "mediaId",
                                mediaId,
                                "caption",
                                "A tram at dusk.",
                                "credit",
                                Map.of("kind", "photo", "by", "Ana Ruiz", "via", "Lede")),
                "body",
                        List.of(
                                Map.of(
                                        "type",
                                        "paragraph",
                                        "text",
                                        List.of(Map.of("text", "The council voted on Tuesday."))),
                                Map.of(
                                        "type",
                                        "lead-in",
                                        "label",
                                        "Why it matters",
                                        "text",
                                        List.of(
                                                Map.of("text", "Two districts", "bold", true),
                                                Map.of("text", " get trams.")))));
    }

    private static Map<String, Object> asMap(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = ApiClient.JSON.readValue(json, Map.class);
            return map;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStoryGoesFromDraftToPublishedToCorrectedToUnpublishedThroughTheApi() {
        ApiClient editor = ApiClient.as(web, Role.EDITOR);
        JsonNode topic = json(editor.post("/topics", object("name", "City Hall", "description", "The council.")), 201);
        JsonNode author = json(editor.post("/authors", object("name", "Rosa Reporter", "title", "Reporter")), 201);
        JsonNode media = json(
                web.send(editor.request("/media?alt=" + "A+tram+crossing+a+bridge" + "&credit=Photo:+Ana+Ruiz/Lede")
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(ApiClient.png(1)))),
                201);
        assertEquals("A tram crossing a bridge", media.get("alt").asText());
        assertEquals("photo", media.get("credit").get("kind").asText());

        HttpResponse<String> createdResponse = editor.post(
                "/stories",
                fields(
                        "Trams reach the river",
                        topic.get("id").asText(),
                        author.get("id").asText(),
                        media.get("id").asText(),
                        "A dek."));
        JsonNode created = json(createdResponse, 201);
        String id = created.get("id").asText();
        assertEquals(
                "/api/admin/v1/stories/" + id,
                createdResponse.headers().firstValue("Location").orElseThrow());
        assertEquals("draft", created.get("status").asText());
        assertEquals(1, created.get("revision").asInt());
        assertEquals(
                "lead-in", created.get("body").get(1).get("type").asText(), "blocks in the story document's shape");
        assertTrue(created.get("body").get(1).get("text").get(0).get("bold").asBoolean());

        // Edited against revision 1, then a second edit still naming revision 1 is refused with what changed.
        Map<String, Object> edit = asMap(fields(
                "Trams reach the river at last",
                topic.get("id").asText(),
                author.get("id").asText(),
                media.get("id").asText(),
                "A dek."));
        edit.put("expectedRevision", 1);
        JsonNode edited = json(
                editor.put("/stories/" + id, ApiClient.JSON.valueToTree(edit).toString()), 200);
        assertEquals(2, edited.get("revision").asInt());
        edit.put("headline", "A competing headline");
        long before = web.newsroom.services.outbox().lastSeq();
        JsonNode stale = json(
                editor.put("/stories/" + id, ApiClient.JSON.valueToTree(edit).toString()), 409);
        assertEquals(409, stale.get("status").asInt());
        assertEquals(2, stale.get("currentRevision").asInt());
        assertEquals(List.of("headline"), strings(stale.get("changedFields")));
        assertEquals(before, web.newsroom.services.outbox().lastSeq(), "a stale save writes nothing");

        // GET → change → PUT round-trips the document as the API sent it.
        JsonNode current = json(editor.get("/stories/" + id), 200);
        assertEquals("Trams reach the river at last", current.get("headline").asText());
        var roundTrip = (com.fasterxml.jackson.databind.node.ObjectNode) current.deepCopy();
        roundTrip.put("expectedRevision", current.get("revision").asInt());
        roundTrip.put("dek", "A better dek.");
        JsonNode saved = json(editor.put("/stories/" + id, roundTrip.toString()), 200);
        assertEquals("A better dek.", saved.get("dek").asText());
        assertEquals(3, saved.get("revision").asInt());

        JsonNode submitted = json(editor.post("/stories/" + id + "/submit", object("expectedRevision", 3)), 200);
        assertEquals("in-review", submitted.get("status").asText());
        JsonNode published = json(editor.post("/stories/" + id + "/publish", object("expectedRevision", 4)), 200);
        assertEquals("published", published.get("status").asText());
        String page = readerPath(id);
        assertTrue(web.get(page).body().contains("Trams reach the river at last"), "readers see it");

        Map<String, Object> minor = asMap(fields(
                "Trams reach the river at last",
                topic.get("id").asText(),
                author.get("id").asText(),
                media.get("id").asText(),
                "A typo-free dek."));
        JsonNode minorUpdate = json(
                editor.post(
                        "/stories/" + id + "/update", object("expectedRevision", 5, "kind", "minor", "story", minor)),
                200);
        assertTrue(minorUpdate.get("substantiveAt").isNull(), "a minor update moves no Updated time");
        minor.put("headline", "Trams reach the river, and cross it");
        JsonNode substantive = json(
                editor.post(
                        "/stories/" + id + "/update",
                        object("expectedRevision", 6, "kind", "substantive", "story", minor)),
                200);
        assertFalse(substantive.get("substantiveAt").isNull());
        web.catchUp();
        assertTrue(web.get(page).body().contains("Trams reach the river, and cross it"));

        JsonNode corrected = json(
                editor.post(
                        "/stories/" + id + "/correct",
                        object("expectedRevision", 7, "text", "An earlier version misnamed the bridge.")),
                200);
        assertEquals(
                "An earlier version misnamed the bridge.",
                corrected.get("corrections").get(0).get("text").asText());
        web.catchUp();
        assertTrue(web.get(page).body().contains("An earlier version misnamed the bridge."));

        Story other = web.newsroom
                .services
                .storyService()
                .createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Bridges of the city"));
        other = web.newsroom.services.storyService().publish(Actor.SYSTEM, other.id(), other.revision());
        JsonNode pinned = json(
                editor.post("/stories/" + id + "/pins", object("expectedRevision", 8, "pins", List.of(other.slug()))),
                200);
        assertEquals(List.of(other.id()), strings(pinned.get("pins")));

        JsonNode unpublished = json(editor.post("/stories/" + id + "/unpublish", object("expectedRevision", 9)), 200);
        assertEquals("unpublished", unpublished.get("status").asText());
        web.catchUp();
        assertEquals(410, web.get(page).statusCode(), "readers are told it is gone");

        JsonNode list = json(editor.get("/stories?status=unpublished"), 200);
        assertEquals(List.of(id), ids(list));
        List<String> types = new ArrayList<>();
        for (OutboxEvent e : web.newsroom.services.outbox().after(0, 1000)) {
            if (e.subject().equals(id)) {
                types.add(e.type());
                assertEquals(editor.user.id(), e.data().get("actor"), "every change is the token's member's");
            }
        }
        assertEquals(
                List.of(
                        "story.created",
                        "story.edited",
                        "story.edited",
                        "story.submitted",
                        "story.published",
                        "story.updated",
                        "story.updated",
                        "story.corrected",
                        "story.pinned",
                        "story.unpublished"),
                types,
                "one event per request");
    }

    @Test
    void eachRoleIsLimitedAsInTheNewsroom() {
        ApiClient writer = ApiClient.as(web, Role.WRITER);
        ApiClient contributor = ApiClient.as(web, Role.CONTRIBUTOR);
        // The writer's own story, ready to publish but for the role.
        Story own = web.newsroom
                .services
                .storyService()
                .createDraft(writer.user.actor(), web.newsroom.publishableDraft("Writer's story"));
        long before = web.newsroom.services.outbox().lastSeq();

        JsonNode refused = json(writer.post("/stories/" + own.id() + "/publish", object("expectedRevision", 1)), 403);
        assertEquals(403, refused.get("status").asInt());
        json(
                writer.post(
                        "/stories/" + own.id() + "/schedule",
                        object("expectedRevision", 1, "at", "2026-12-01T09:00:00Z")),
                403);
        json(writer.post("/topics", object("name", "Writers' topic")), 403);
        assertEquals(before, web.newsroom.services.outbox().lastSeq(), "refused commands leave nothing");
        assertEquals(1, web.newsroom.services.storyService().get(own.id()).revision());

        JsonNode submitted = json(writer.post("/stories/" + own.id() + "/submit", object("expectedRevision", 1)), 200);
        assertEquals("in-review", submitted.get("status").asText());

        Story others = web.newsroom
                .services
                .storyService()
                .createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Not theirs"));
        json(writer.get("/stories/" + others.id()), 403);
        assertFalse(ids(json(writer.get("/stories"), 200)).contains(others.id()), "writers list only their own");

        Story contributed = web.newsroom
                .services
                .storyService()
                .createDraft(contributor.user.actor(), web.newsroom.publishableDraft("Contributed"));
        json(contributor.post("/stories/" + contributed.id() + "/submit", object("expectedRevision", 1)), 403);
    }

    @Test
    void wordsAreSearchedThroughTheIndexAsInTheNewsroomBestMatchFirstPageByPage() {
        ApiClient editor = ApiClient.as(web, Role.EDITOR);
        ApiClient writer = ApiClient.as(web, Role.WRITER);
        var stories = web.newsroom.services.storyService();
        Topic harbour = web.newsroom.topic("harbour", "Harbour");
        Set<String> ferries = new LinkedHashSet<>();
        ferries.add(stories.createDraft(writer.user.actor(), web.newsroom.publishableDraft("Ferry timetable changes"))
                .id());
        // Only its text names the ferry: a headline's words alone would miss it.
        ferries.add(stories.createDraft(
                        Actor.SYSTEM,
                        web.newsroom.draft(
                                "Council budget passes", harbour, List.of(), "The ferry subsidy doubles next year."))
                .id());
        for (int i = 0; i < 3; i++) {
            ferries.add(stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Ferry route " + i))
                    .id());
        }
        String unrelated = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Tram depot opens"))
                .id();
        web.catchUp();

        Set<String> found = new LinkedHashSet<>();
        JsonNode page = json(editor.get("/stories?q=ferry&limit=2"), 200);
        int pages = 0;
        while (true) {
            pages++;
            assertTrue(page.get("items").size() <= 2, page.toString());
            found.addAll(ids(page));
            if (page.get("next").isNull()) {
                break;
            }
            page = json(
                    editor.get("/stories?q=ferry&limit=2&cursor="
                            + URLEncoder.encode(page.get("next").asText(), StandardCharsets.UTF_8)),
                    200);
        }
        assertEquals(ferries, new HashSet<>(found), "every story that names a ferry, once");
        assertFalse(found.contains(unrelated));
        assertEquals(3, pages, "two at a time");
        assertEquals(
                List.of(ferries.iterator().next()),
                ids(json(writer.get("/stories?q=ferry"), 200)),
                "a writer finds only their own");
        assertEquals(
                422,
                json(editor.get("/stories?q=ferry&cursor=not-a-cursor"), 422)
                        .get("status")
                        .asInt());
    }

    @Test
    void requestsWithoutALiveTokenAre401AndCookiesAreIgnored() {
        HttpResponse<String> none = web.send(
                HttpRequest.newBuilder(web.uri("/api/admin/v1/stories")).GET());
        json(none, 401);
        assertEquals(
                "Bearer realm=\"lede-admin\"",
                none.headers().firstValue("WWW-Authenticate").orElseThrow());

        HttpResponse<String> unknown = web.send(HttpRequest.newBuilder(web.uri("/api/admin/v1/stories"))
                .header("Authorization", "Bearer lede_not-a-token")
                .GET());
        json(unknown, 401);
        assertTrue(
                unknown.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));

        ApiClient editor = ApiClient.as(web, Role.EDITOR);
        json(editor.get("/stories"), 200);
        var users = web.newsroom.services.userService();
        var session = users.signIn(editor.user.email(), "correct horse battery staple", "127.0.0.1");
        HttpResponse<String> withCookie = web.send(HttpRequest.newBuilder(web.uri("/api/admin/v1/stories"))
                .header("Cookie", "lede_session=" + session.token())
                .GET());
        json(withCookie, 401);

        var tokens = web.newsroom.services.apiTokenService();
        tokens.revoke(
                Actor.SYSTEM,
                tokens.forUser(Actor.SYSTEM, editor.user.id()).getFirst().id());
        json(editor.get("/stories"), 401);
        json(editor.post("/stories", object("headline", "After revoking")), 401);
        assertEquals(
                0,
                web.newsroom
                        .services
                        .newsroomQueries()
                        .findStories(Actor.SYSTEM, "revoking", 5)
                        .size());
    }

    @Test
    void wrongBodiesAreProblemsNamingTheFieldAndWriteNothing() {
        ApiClient editor = ApiClient.as(web, Role.EDITOR);
        long before = web.newsroom.services.outbox().lastSeq();

        JsonNode malformed = json(editor.post("/stories", "{\"headline\": "), 400);
        assertEquals(400, malformed.get("status").asInt());
        json(editor.post("/stories", "[1, 2]"), 400);
        assertEquals(
                415,
                web.send(editor.request("/stories")
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("{}")))
                        .statusCode());
        assertEquals("headline", field(json(editor.post("/stories", object("headline", 42)), 422)));
        assertEquals("headline", field(json(editor.post("/stories", object("dek", "No headline")), 422)));
        assertEquals("headlin", field(json(editor.post("/stories", object("headlin", "Typo")), 422)));
        assertEquals(
                "body",
                field(json(
                        editor.post(
                                "/stories", object("headline", "Bad block", "body", List.of(Map.of("type", "poem")))),
                        422)));
        assertEquals(
                "body",
                field(json(
                        editor.post(
                                "/stories",
                                object(
                                        "headline",
                                        "Bad span",
                                        "body",
                                        List.of(Map.of("type", "paragraph", "text", "plain")))),
                        422)));
        assertEquals(
                "hero",
                field(json(
                        editor.post("/stories", object("headline", "Bad hero", "hero", Map.of("mediaId", "nope"))),
                        422)));
        assertEquals("kind", field(json(editor.post("/stories", object("headline", "Bad kind", "kind", "poem")), 422)));
        assertEquals(before, web.newsroom.services.outbox().lastSeq(), "nothing was created");

        JsonNode story = json(editor.post("/stories", object("headline", "Not ready")), 201);
        String id = story.get("id").asText();
        long afterCreate = web.newsroom.services.outbox().lastSeq();
        assertEquals("expectedRevision", field(json(editor.post("/stories/" + id + "/publish", "{}"), 422)));
        assertEquals(
                "expectedRevision",
                field(json(editor.post("/stories/" + id + "/publish", object("expectedRevision", "1")), 422)));
        // Publishing a story without topic, author or hero breaks the publishing rules: 422, nothing saved with it.
        JsonNode unready = json(
                editor.post(
                        "/stories/" + id + "/publish",
                        object("expectedRevision", 1, "story", Map.of("headline", "Renamed while publishing"))),
                422);
        assertTrue(unready.get("detail").asText().length() > 0);
        assertEquals(
                "kind",
                field(json(
                        editor.post("/stories/" + id + "/update", object("expectedRevision", 1, "kind", "major")),
                        422)));
        assertEquals(
                "at",
                field(json(
                        editor.post("/stories/" + id + "/schedule", object("expectedRevision", 1, "at", "tomorrow")),
                        422)));
        assertEquals("limit", field(json(editor.get("/stories?limit=0"), 422)));
        assertEquals("status", field(json(editor.get("/stories?status=lost"), 422)));
        assertEquals(afterCreate, web.newsroom.services.outbox().lastSeq(), "refused commands leave nothing");
        assertEquals(
                "Not ready",
                json(editor.get("/stories/" + id), 200).get("headline").asText());
        json(editor.get("/stories/01ARZ3NDEKTSV4RRFFQ69G5FAV"), 404);
    }

    private static String field(JsonNode problem) {
        assertEquals(1, problem.get("errors").size(), problem.toString());
        assertFalse(problem.get("errors").get(0).get("detail").asText().isBlank());
        return problem.get("errors").get(0).get("field").asText();
    }

    private String readerPath(String id) {
        return org.lede.reading.Urls.story(web.newsroom.services.storyService().get(id), ZoneId.of("UTC"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("items").forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
