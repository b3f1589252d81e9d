package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.reading.Urls;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryService;
import org.lede.story.StoryStatus;
import org.lede.story.UpdateKind;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** A story's life over HTTP: slugs that move, preview links, the review queue, paging, dates and blocked schedules. */
class StoryLifecycleTest extends WebServerTest {
    private static final Pattern PREVIEW_LINK = Pattern.compile("value=\"https://news\\.example(/preview/[^\"]+)\"");
    NewsroomClient editor;
    NewsroomClient writer;
    StoryService service;

    @BeforeEach
    void setUp() {
        editor = NewsroomClient.as(web, Role.EDITOR);
        writer = NewsroomClient.as(web, Role.WRITER);
        service = web.newsroom.services.storyService();
    }

    private Story stored(String id) {
        return web.newsroom.services.stories().find(id).orElseThrow();
    }

    private static String url(Story story) {
        return Urls.story(story, ZoneId.of("UTC"));
    }

    private Story live(String headline) {
        Story draft = service.createDraft(writer.user().actor(), web.newsroom.publishableDraft(headline));
        return service.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }

    /** The editor's form for the story as stored, with one action and some fields changed. */
    private static String[] form(Story story, String action, String... changes) {
        StoryForm f = StoryForm.of(story);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("revision", Integer.toString(story.revision()));
        fields.put("action", action);
        fields.put("headline", f.headline());
        fields.put("dek", f.dek());
        fields.put("slug", f.slug());
        fields.put("topic", f.topicId());
        fields.put("tags", f.tags());
        fields.put("kind", f.kind());
        fields.put("contributorNote", f.contributorNote());
        fields.put("heroMedia", f.heroMediaId());
        fields.put("heroCaption", f.heroCaption());
        fields.put("heroCredit", f.heroCredit());
        fields.put("body", f.body());
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        List<String> out = new ArrayList<>();
        fields.forEach((k, v) -> out.addAll(List.of(k, v)));
        for (String id : f.authorIds()) {
            out.addAll(List.of("authors", id));
        }
        return out.toArray(String[]::new);
    }

    @Test
    void anEditorRenamesALiveStoryAndEveryOldAddressRedirects() {
        Story story = live("Ferry fares rise");
        String oldUrl = url(story);
        assertEquals(200, web.get(oldUrl).statusCode(), "cached under the story's key");

        HttpResponse<String> saved =
                editor.post("/newsroom/stories/" + story.id(), form(story, "update-minor", "slug", "ferry-fares-up"));
        assertEquals(303, saved.statusCode(), saved.body());
        web.catchUp();
        String newUrl = url(stored(story.id()));
        assertTrue(newUrl.endsWith("/ferry-fares-up"), newUrl);

        HttpResponse<String> moved = web.get(oldUrl + "?utm_source=x");
        assertEquals(301, moved.statusCode());
        assertEquals(newUrl + "?utm_source=x", NewsroomClient.location(moved));
        HttpResponse<String> related = web.get(oldUrl + "/related");
        assertEquals(301, related.statusCode());
        assertEquals(newUrl + "/related", NewsroomClient.location(related));
        assertEquals(200, web.get(newUrl).statusCode());

        Story renamedAgain = stored(story.id());
        assertEquals(
                303,
                editor.post(
                                "/newsroom/stories/" + story.id(),
                                form(renamedAgain, "update-minor", "slug", "ferry-fares-climb"))
                        .statusCode());
        web.catchUp();
        assertEquals(newUrl.replace("ferry-fares-up", "ferry-fares-climb"), NewsroomClient.location(web.get(oldUrl)));
        assertEquals(newUrl.replace("ferry-fares-up", "ferry-fares-climb"), NewsroomClient.location(web.get(newUrl)));

        HttpResponse<String> clash = writer.post(
                "/newsroom/stories",
                "headline",
                "Another",
                "slug",
                "ferry-fares-rise",
                "kind",
                "news",
                "body",
                "Text.");
        assertEquals(409, clash.statusCode(), "an old slug redirects, so no other story takes it");
        assertTrue(clash.body().contains("ferry-fares-rise"), clash.body());
    }

    @Test
    void aWriterCannotRenameAStoryThatHasBeenPublished() {
        Story story = live("Pier reopens");
        Story off = service.unpublish(Actor.SYSTEM, story.id(), story.revision());
        HttpResponse<String> refused =
                writer.post("/newsroom/stories/" + story.id(), form(off, "save", "slug", "pier-opens"));
        assertEquals(403, refused.statusCode());
        assertEquals("pier-reopens", stored(story.id()).slug());
        assertFalse(writer.get("/newsroom/stories/" + story.id()).body().contains("id=\"slug\""));
        assertTrue(editor.get("/newsroom/stories/" + story.id()).body().contains("id=\"slug\""));
    }

    @Test
    void aPreviewLinkShowsTheDraftWithoutASessionUntilItExpires() {
        Story draft = service.createDraft(writer.user().actor(), web.newsroom.publishableDraft("Secret budget draft"));
        HttpResponse<String> made = writer.post("/newsroom/stories/" + draft.id() + "/preview-link");
        assertEquals(200, made.statusCode(), made.body());
        Matcher m = PREVIEW_LINK.matcher(made.body());
        assertTrue(m.find(), made.body());
        String link = m.group(1);

        HttpResponse<String> shown = web.get(link);
        assertEquals(200, shown.statusCode(), shown.body());
        assertTrue(shown.body().contains("<h1>Secret budget draft</h1>"), shown.body());
        assertEquals("noindex", shown.headers().firstValue("X-Robots-Tag").orElse(null));
        assertEquals("no-store", shown.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(shown.headers().firstValue("Surrogate-Key").isEmpty(), "not a cached reader page");

        Story current = stored(draft.id());
        service.edit(
                writer.user().actor(),
                draft.id(),
                current.revision(),
                current.draft().withHeadline("Secret budget draft, revised"));
        assertTrue(web.get(link).body().contains("<h1>Secret budget draft, revised</h1>"), "the last save, not a copy");
        assertEquals(
                404,
                web.get("/preview/"
                                + link.substring(9)
                                        .replace(draft.id(), "x" + draft.id().substring(1)))
                        .statusCode());
        String tampered = link.substring(0, link.length() - 2) + (link.endsWith("A") ? "BB" : "AA");
        assertEquals(404, web.get(tampered).statusCode());

        web.newsroom.clock.advance(Duration.ofDays(7).plusSeconds(1));
        HttpResponse<String> expired = web.get(link);
        assertEquals(410, expired.statusCode());
        assertTrue(expired.body().contains("expired"), expired.body());
        assertEquals("noindex", expired.headers().firstValue("X-Robots-Tag").orElse(null));
    }

    @Test
    void onlyEditorsAndTheStorysWriterMakePreviewLinks() {
        Story draft = service.createDraft(writer.user().actor(), web.newsroom.publishableDraft("Quiet draft"));
        NewsroomClient other = NewsroomClient.as(web, Role.WRITER);
        assertEquals(
                403,
                other.post("/newsroom/stories/" + draft.id() + "/preview-link").statusCode());
        assertEquals(
                200,
                editor.post("/newsroom/stories/" + draft.id() + "/preview-link").statusCode());
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        String audit = admin.get("/newsroom/audit").body();
        assertTrue(audit.contains("shared a preview link to"), audit);
    }

    private static int waiting(HttpResponse<String> page) {
        Matcher m = Pattern.compile("class=\"count\">(\\d+)<").matcher(page.body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void editorsSeeHowManyStoriesWaitForThem() {
        assertEquals(0, waiting(editor.get("/newsroom")));
        Story draft = service.createDraft(writer.user().actor(), web.newsroom.publishableDraft("Waiting story"));
        service.submitForReview(writer.user().actor(), draft.id(), draft.revision());
        assertEquals(1, waiting(editor.get("/newsroom/media")), "in the navigation of every newsroom page");
        assertEquals(-1, waiting(writer.get("/newsroom")), "writers have no review queue");
        String queue = editor.get("/newsroom?status=review").body();
        assertTrue(queue.contains("Waiting story"), queue);
    }

    @Test
    void theStoryListPagesThroughEveryStoryAndFiltersByTopicAndAuthor() {
        for (int i = 1; i <= 55; i++) {
            web.newsroom.clock.advance(Duration.ofSeconds(1));
            service.createDraft(
                    Actor.SYSTEM,
                    new StoryDraft(
                            "Paged story " + i,
                            null,
                            null,
                            null,
                            List.of(),
                            StoryKind.NEWS,
                            List.of(),
                            null,
                            null,
                            List.of()));
        }
        String first = editor.get("/newsroom").body();
        assertTrue(first.contains(">Paged story 55<") && first.contains(">Paged story 6<"));
        assertFalse(first.contains(">Paged story 5<"));
        assertFalse(first.contains("rel=\"prev\""));
        String older = href(first, "next");
        String second = editor.get(older).body();
        for (int i = 1; i <= 5; i++) {
            assertTrue(second.contains(">Paged story " + i + "<"), "story " + i);
        }
        assertFalse(second.contains(">Paged story 6<"));
        assertFalse(second.contains("rel=\"next\""), "the last page has no older link");
        assertEquals(first, editor.get(href(second, "prev")).body(), "newer leads back to the first page");

        Story a = live("Tram vote");
        Story b = live("Harbor vote");
        String byTopic = editor.get("/newsroom?topic=" + a.draft().topicId()).body();
        assertTrue(byTopic.contains(">Tram vote<") && !byTopic.contains(">Harbor vote<"), byTopic);
        String byAuthor = editor.get("/newsroom?author=" + b.draft().authorIds().getFirst() + "&status=published")
                .body();
        assertTrue(byAuthor.contains(">Harbor vote<") && !byAuthor.contains(">Tram vote<"), byAuthor);
    }

    private static String href(String html, String rel) {
        Matcher m = Pattern.compile("<a href=\"([^\"]+)\" rel=\"" + rel + "\">").matcher(html);
        assertTrue(m.find(), "no " + rel + " link");
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void republishingKeepsTheFirstPublicationDateAndModifiedIsNeverEarlier() throws Exception {
        Story story = live("Bridge closes");
        Instant first = story.publishAt();
        web.newsroom.clock.advance(Duration.ofHours(1));
        Story updated = service.update(
                Actor.SYSTEM,
                story.id(),
                story.revision(),
                story.draft().withHeadline("Bridge closes early"),
                UpdateKind.SUBSTANTIVE);
        web.newsroom.clock.advance(Duration.ofHours(1));
        Story off = service.unpublish(Actor.SYSTEM, story.id(), updated.revision());
        web.newsroom.clock.advance(Duration.ofHours(1));
        Story again = service.publish(Actor.SYSTEM, story.id(), off.revision());
        web.catchUp();

        JsonNode ld = jsonLd(web.get(url(again)).body());
        assertEquals(first.toString(), ld.get("datePublished").asText(), "the first publication");
        assertEquals(again.publishAt().toString(), ld.get("dateModified").asText(), "the republication");
        assertTrue(Instant.parse(ld.get("dateModified").asText()).isAfter(first));
    }

    private static JsonNode jsonLd(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), html);
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void aScheduledStoryThatFailsTheRulesWhenDueIsHeldBackAndShownToEditors() {
        Story draft = service.createDraft(writer.user().actor(), web.newsroom.publishableDraft("Night market opens"));
        assertEquals(
                303,
                editor.post("/newsroom/stories/" + draft.id(), form(draft, "schedule", "publishAt", "2026-11-20T18:00"))
                        .statusCode());
        Story scheduled = stored(draft.id());
        assertEquals(
                303,
                editor.post("/newsroom/stories/" + draft.id(), form(scheduled, "save", "topic", ""))
                        .statusCode(),
                "a scheduled story saved without its topic");
        web.newsroom.clock.set(Instant.parse("2026-11-20T18:01:00Z"));
        assertTrue(service.publishDue().isEmpty());
        web.catchUp();

        Story blocked = stored(draft.id());
        assertEquals(StoryStatus.SCHEDULED, blocked.status());
        assertNotNull(blocked.blockedReason());
        assertFalse(web.get("/").body().contains("Night market opens"), "it did not go out");
        String page = editor.get("/newsroom/stories/" + draft.id()).body();
        assertTrue(
                page.contains("<strong>Blocked:</strong>") && page.contains("Choose a topic before publishing."), page);
        assertEquals(1, waiting(editor.get("/newsroom")));
        assertTrue(editor.get("/newsroom?status=review").body().contains("Night market opens"));
        String audit = NewsroomClient.as(web, Role.ADMIN).get("/newsroom/audit").body();
        assertTrue(audit.contains("held back") && audit.contains("Choose a topic before publishing."), audit);

        assertEquals(
                303,
                editor.post(
                                "/newsroom/stories/" + draft.id(),
                                form(blocked, "save", "topic", draft.draft().topicId()))
                        .statusCode());
        assertNull(stored(draft.id()).blockedReason());
        assertEquals(0, waiting(editor.get("/newsroom")));
        assertEquals(1, service.publishDue().size());
        web.catchUp();
        assertTrue(web.get("/").body().contains("Night market opens"));
    }
}
