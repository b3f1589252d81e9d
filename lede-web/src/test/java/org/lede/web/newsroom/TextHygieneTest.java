package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.authoring.AuthoringText;
import org.lede.content.Paragraph;
import org.lede.story.Story;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** Control characters never reach storage, and an oversized body is refused before it is read. */
class TextHygieneTest extends WebServerTest {
    NewsroomClient writer;

    @BeforeEach
    void signIn() {
        writer = NewsroomClient.as(web, Role.WRITER);
    }

    @Test
    void controlCharactersAreRemovedFromEveryFieldBeforeTheyAreStored() {
        HttpResponse<String> created = writer.post(
                "/newsroom/stories",
                "headline",
                "Ferry\u0000 fares\u0007 frozen\u001b\nagain",
                "dek",
                "A dek\u0000 with\u0085 controls\u202E.",
                "tags",
                "ferries\u0000",
                "contributorNote",
                "Call\u0007 me",
                "body",
                "The council\u0000 voted\u001b on Tuesday.\r\n\r\nA second\u0007 paragraph.",
                "action",
                "save");
        assertEquals(303, created.statusCode(), created.body());
        String id = NewsroomClient.location(created).replaceAll(".*/stories/([^?]+).*", "$1");
        Story story = web.newsroom.services.stories().find(id).orElseThrow();

        assertEquals("Ferry fares frozen again", story.draft().headline(), "a headline is one line");
        assertEquals("A dek with controls\u202E.", story.draft().dek(), "bidi controls are kept; C0 and C1 go");
        assertEquals("ferries", story.draft().tags().getFirst());
        assertEquals("Call me", story.draft().contributorNote());
        assertEquals(
                List.of(Paragraph.of("The council voted on Tuesday."), Paragraph.of("A second paragraph.")),
                story.draft().body());
    }

    @Test
    void aBodyOverTheCapIsRefusedWithAFormError() throws Exception {
        String paragraph = "A short paragraph.\n\n";
        String atTheCap = paragraph.repeat(AuthoringText.MAX_LENGTH / paragraph.length());
        assertEquals(AuthoringText.MAX_LENGTH, atTheCap.length());
        String body = atTheCap + "x";
        HttpResponse<String> refused =
                writer.post("/newsroom/stories", "headline", "Far too long", "body", body, "action", "save");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("the most a story can hold is 200,000"), "a clear message");

        HttpResponse<String> problem = writer.post("/newsroom/preview", "headline", "Far too long", "body", body);
        var json = new ObjectMapper().readTree(problem.body());
        assertTrue(json.get("checks").get(0).get("message").asText().contains("200,000"));

        HttpResponse<String> fits =
                writer.post("/newsroom/stories", "headline", "Just fits", "body", atTheCap, "action", "save");
        assertEquals(303, fits.statusCode(), "the cap itself is allowed");
    }
}
