package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.story.Story;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** The editor's paste over HTTP: structured as `lede import text` does, and what a save then keeps. */
class PasteRoutesTest extends WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a word processor puts on the clipboard, trimmed: a head of styles, Mso classes, list paragraphs. */
    static final String WORD_HTML = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset=utf-8>
            <style>p.MsoNormal{margin:0}</style></head><body lang=EN-US>
            <p class=MsoNormal>A ferry leaves the pier at dawn. Photo: Ines Vidal/Harbor Light<o:p></o:p></p>
            <p class=MsoNormal>The harbor board voted on Thursday to add a night ferry between the two piers.<o:p></o:p></p>
            <p class=MsoNormal><b>Why it matters:</b> Shift workers have had no way home after 11 p.m.<o:p></o:p></p>
            <p class=MsoListParagraph><!--[if !supportLists]-->·&nbsp;<!--[endif]-->A boat every 40 minutes.<o:p></o:p></p>
            <p class=MsoListParagraph><!--[if !supportLists]-->·&nbsp;<!--[endif]-->A fare of $2.<o:p></o:p></p>
            <p class=MsoNormal><span style='font-weight:bold'>The bottom line:</span> The first boat sails in March.</p>
            <p class=MsoNormal>Ines Vidal is a photographer and writer based in Port Averill.<o:p></o:p></p>
            <script>alert(1)</script>
            </body></html>""";

    NewsroomClient writer;

    @BeforeEach
    void signIn() {
        writer = NewsroomClient.as(web, Role.WRITER);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void wordProcessorHtmlComesBackStructuredWithHeroAndBio() throws Exception {
        JsonNode answer = json(writer.postBody("/newsroom/paste", "text/html;charset=utf-8", WORD_HTML));

        assertEquals("""
                The harbor board voted on Thursday to add a night ferry between the two piers.

                **Why it matters:** Shift workers have had no way home after 11 p.m.

                - A boat every 40 minutes.
                - A fare of $2.

                **The bottom line:** The first boat sails in March.
                """, answer.get("body").asText());
        assertEquals(
                "A ferry leaves the pier at dawn.", answer.get("heroCaption").asText());
        assertEquals("Photo: Ines Vidal/Harbor Light", answer.get("heroCredit").asText());
        assertEquals(
                "Ines Vidal is a photographer and writer based in Port Averill.",
                answer.get("bioLine").asText());
        assertEquals(
                "The harbor board voted on Thursday to add a night ferry between the two piers",
                answer.get("headline").asText());
        assertTrue(answer.get("summary").asText().contains("lead-ins: 2 (Why it matters, The bottom line)"));
        assertEquals(
                List.of(
                        "stylesheet left out: the site has its own",
                        "comment left out (4 times)",
                        "script left out: a story runs no scripts"),
                JSON.convertValue(answer.get("report"), List.class));
    }

    @Test
    void plainTextIsStructuredAsImportTextDoes() throws Exception {
        JsonNode answer = json(writer.post(
                "/newsroom/paste",
                "text",
                "# Night ferry approved\n\nThe board voted.\n\nWhy it matters: It runs late.\n\n- One\n- Two\n"));

        assertEquals("Night ferry approved", answer.get("headline").asText());
        assertEquals(
                "The board voted.\n\n**Why it matters:** It runs late.\n\n- One\n- Two\n",
                answer.get("body").asText());
        assertTrue(answer.get("heroCaption").isNull());
        assertTrue(answer.get("bioLine").isNull());
        assertEquals(0, answer.get("report").size());
    }

    @Test
    void aPasteNeedsTheTokenAndTextAndMayNotExceedAStory() {
        assertEquals(
                403, writer.postWithoutCsrf("/newsroom/paste", "text", "a\nb").statusCode());
        assertEquals(422, writer.post("/newsroom/paste", "text", " ").statusCode());
        assertEquals(
                422,
                writer.postBody("/newsroom/paste", "text/html", "<p>" + "word ".repeat(50_000) + "</p>")
                        .statusCode());
    }

    @Test
    void theHeroCaptionAndCreditASaveSendsAreKeptUntilAnImageIsChosen() {
        HttpResponse<String> created = writer.post(
                "/newsroom/stories",
                "headline",
                "Night ferry approved",
                "kind",
                "news",
                "heroCaption",
                "A ferry leaves the pier at dawn.",
                "heroCredit",
                "Photo: Ines Vidal/Harbor Light",
                "contributorNote",
                "Ines Vidal is a photographer.",
                "body",
                "The board voted.",
                "action",
                "save");
        assertEquals(303, created.statusCode(), created.body());
        String id = NewsroomClient.location(created).replaceAll(".*/stories/([^?]+).*", "$1");
        Story story = web.newsroom.services.stories().find(id).orElseThrow();

        assertEquals(
                ImageBlock.awaitingImage(
                        "A ferry leaves the pier at dawn.", Credit.photo("Ines Vidal", "Harbor Light")),
                story.draft().hero());
        String editor = writer.get("/newsroom/stories/" + id).body();
        assertTrue(editor.contains("value=\"A ferry leaves the pier at dawn.\""), "the editor shows the kept caption");
        assertTrue(editor.contains("value=\"Photo: Ines Vidal/Harbor Light\""));
    }

    @Test
    void aNewStoryTakesTheSlugTypedAndRefusesAMalformedOne() {
        assertTrue(writer.get("/newsroom/stories/new").body().contains("id=\"slug\""));
        HttpResponse<String> created = writer.post(
                "/newsroom/stories",
                "headline",
                "Night ferry approved",
                "slug",
                "night-ferry",
                "body",
                "x",
                "action",
                "save");
        assertEquals(303, created.statusCode(), created.body());
        assertTrue(web.newsroom.services.stories().findBySlug("night-ferry").isPresent());

        HttpResponse<String> refused = writer.post(
                "/newsroom/stories", "headline", "Another", "slug", "Night Ferry!", "body", "x", "action", "save");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("lower-case letters, digits and single hyphens"), refused.body());
        assertFalse(web.newsroom.services.stories().findBySlug("another").isPresent());
    }
}
