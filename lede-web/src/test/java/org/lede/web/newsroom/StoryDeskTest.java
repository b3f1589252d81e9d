package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryStatus;
import org.lede.topic.Topic;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** The story desk over HTTP: drafting with the live checks, a stale save, scheduling and publishing. */
class StoryDeskTest extends WebServerTest {
    private static final String BODY = "The harbor board voted on Thursday to add a night ferry.\n\n"
            + "**Why it matters:** Shift workers have had no way home after 11 p.m.\n\n"
            + "- A boat every 40 minutes\n- A fare of $2";
    NewsroomClient writer;
    NewsroomClient editor;
    Topic topic;
    Author author;

    @BeforeEach
    void setUp() {
        writer = NewsroomClient.as(web, Role.WRITER);
        editor = NewsroomClient.as(web, Role.EDITOR);
        topic = web.newsroom.topic("harbor", "Harbor");
        author = web.newsroom.author("ines-vidal", "Ines Vidal");
    }

    private Story draft(String headline) {
        HttpResponse<String> created = writer.post(
                "/newsroom/stories",
                "headline",
                headline,
                "topic",
                topic.id(),
                "authors",
                author.id(),
                "body",
                BODY,
                "action",
                "save");
        assertEquals(303, created.statusCode(), created.body());
        String id = NewsroomClient.location(created).replaceAll(".*/stories/([^?]+).*", "$1");
        return web.newsroom.services.stories().find(id).orElseThrow();
    }

    @Test
    void previewShowsTheStoryAndTheChecksAsTheWriterTypes() throws Exception {
        Media image = web.newsroom.image("A ferry at night");
        HttpResponse<String> response = writer.post(
                "/newsroom/preview",
                "headline",
                "Night ferry approved for the harbor",
                "topic",
                topic.id(),
                "authors",
                author.id(),
                "body",
                BODY,
                "heroMedia",
                image.id());
        assertEquals(200, response.statusCode());
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertTrue(json.get("html").asText().contains("<strong>Why it matters:</strong>"));
        assertEquals(34, json.get("words").asInt());
        assertTrue(json.get("blocksPublishing").asBoolean(), "the image has no credit yet");
        assertTrue(json.get("checks").toString().contains("Credit the image"), json.toString());

        JsonNode fixed = new ObjectMapper()
                .readTree(writer.post(
                                "/newsroom/preview",
                                "headline",
                                "Night ferry approved for the harbor",
                                "topic",
                                topic.id(),
                                "authors",
                                author.id(),
                                "body",
                                BODY,
                                "heroMedia",
                                image.id(),
                                "heroCredit",
                                "Photo: Ines Vidal/Harbor Light")
                        .body());
        assertTrue(!fixed.get("blocksPublishing").asBoolean(), fixed.toString());
    }

    @Test
    void badAuthoringTextIsAFormErrorNotA500() {
        HttpResponse<String> response = writer.post(
                "/newsroom/stories", "headline", "A story", "body", "[a link](javascript:alert(1))", "action", "save");
        assertEquals(422, response.statusCode());
        assertTrue(response.body().contains("Line 1:"), response.body());
        assertTrue(response.body().contains("javascript:alert(1)"), "the writer's text is kept in the form");
        assertEquals(0, web.newsroom.services.stories().count());
    }

    @Test
    void aStaleSaveIsRefusedAndSaysWhatChanged() {
        Story story = draft("Night ferry approved");
        String path = "/newsroom/stories/" + story.id();
        assertEquals(
                303,
                writer.post(
                                path,
                                "revision",
                                "1",
                                "headline",
                                "Night ferry approved by the board",
                                "topic",
                                topic.id(),
                                "authors",
                                author.id(),
                                "body",
                                BODY,
                                "action",
                                "save")
                        .statusCode());
        HttpResponse<String> stale = writer.post(
                path,
                "revision",
                "1",
                "headline",
                "Night ferry approved",
                "topic",
                topic.id(),
                "authors",
                author.id(),
                "body",
                BODY + "\n- A stale tab's item",
                "action",
                "save");
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("changed by someone else"), stale.body());
        assertTrue(stale.body().contains("They changed: headline."), stale.body());
        assertTrue(
                stale.body().contains("A stale tab&#39;s item") || stale.body().contains("A stale tab's item"),
                "the refused text is kept for the writer");
        assertEquals(
                "Night ferry approved by the board",
                web.newsroom.services.stories().find(story.id()).orElseThrow().headline());
    }

    @Test
    void writerSubmitsEditorSchedulesAndTheSchedulerPublishes() {
        Story story = draft("Night ferry approved");
        String path = "/newsroom/stories/" + story.id();
        Media image = web.newsroom.image("A ferry at night");
        assertEquals(
                303,
                writer.post(
                                path,
                                "revision",
                                "1",
                                "headline",
                                story.headline(),
                                "topic",
                                topic.id(),
                                "authors",
                                author.id(),
                                "body",
                                BODY,
                                "heroMedia",
                                image.id(),
                                "heroCredit",
                                "Photo: Ines Vidal/Harbor Light",
                                "action",
                                "submit")
                        .statusCode());
        assertEquals(
                StoryStatus.IN_REVIEW,
                web.newsroom.services.stories().find(story.id()).orElseThrow().status());
        int revision =
                web.newsroom.services.stories().find(story.id()).orElseThrow().revision();
        HttpResponse<String> scheduled = editor.post(
                path,
                "revision",
                Integer.toString(revision),
                "headline",
                story.headline(),
                "topic",
                topic.id(),
                "authors",
                author.id(),
                "body",
                BODY,
                "heroMedia",
                image.id(),
                "heroCredit",
                "Photo: Ines Vidal/Harbor Light",
                "publishAt",
                "2026-11-20T18:30",
                "action",
                "schedule");
        assertEquals(303, scheduled.statusCode(), scheduled.body());
        Story waiting = web.newsroom.services.stories().find(story.id()).orElseThrow();
        assertEquals(StoryStatus.SCHEDULED, waiting.status());
        assertEquals(Instant.parse("2026-11-20T18:30:00Z"), waiting.publishAt(), "read in the site's zone");
        web.newsroom.clock.set(Instant.parse("2026-11-20T18:31:00Z"));
        web.newsroom.services.storyService().publishDue();
        web.catchUp();
        assertTrue(web.get("/").body().contains("Night ferry approved"));
    }
}
