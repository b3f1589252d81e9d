package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lede.media.Media;
import org.lede.media.Renditions;
import org.lede.outbox.OutboxEvent;
import org.lede.user.Role;
import org.lede.web.WebServerTest;
import org.lede.web.WebTestServer;

class MediaLibraryTest extends WebServerTest {

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0xCC2222);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Waits, up to a generous deadline, until the upload's job has stored every rendition narrower than it. */
    static void awaitRenditions(WebTestServer web, Media media) throws InterruptedException {
        List<String> keys = Renditions.WIDTHS.stream()
                .filter(w -> w < media.width())
                .map(w -> media.sha256() + "-" + w + "." + media.type().extension())
                .toList();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!keys.stream().allMatch(web.newsroom.services.blobs()::exists)) {
            assertTrue(System.nanoTime() < end, "renditions not made within 30 s: " + keys);
            Thread.sleep(50);
        }
    }

    @Test
    void anUploadedPngIsListedWithItsThumbnailAltTextCaptionAndCredit() throws IOException, InterruptedException {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        HttpResponse<String> upload = writer.upload(
                "/newsroom/media",
                "C:\\Users\\ana\\tram-at-dusk.png",
                "image/png",
                png(800, 600),
                "alt",
                "A red tram crossing a bridge at dusk",
                "caption",
                "The 6 tram passes the Café Žofie.",
                "credit",
                "Photo: Ana Ruiz/Lede");
        assertEquals(303, upload.statusCode(), upload.body());
        assertTrue(NewsroomClient.location(upload).startsWith("/newsroom/media?notice="));

        List<Media> stored = web.newsroom.services.media().latest(10, 0);
        assertEquals(1, stored.size());
        Media media = stored.getFirst();
        assertEquals("tram-at-dusk.png", media.originalName(), "only the last part of a Windows path");
        assertEquals(800, media.width());
        assertEquals("The 6 tram passes the Café Žofie.", media.defaultCaption(), "multipart text is UTF-8");

        String page = writer.get("/newsroom/media").body();
        assertTrue(page.contains("src=\"/media/" + media.id() + "/320.png\""), "a 320-pixel thumbnail");
        assertTrue(page.contains("alt=\"A red tram crossing a bridge at dusk\""));
        assertTrue(page.contains("The 6 tram passes the Café Žofie."));
        assertTrue(page.contains("Photo: Ana Ruiz/Lede"));
        assertTrue(page.contains("href=\"/newsroom/media/" + media.id() + "\""));

        awaitRenditions(web, media);
        HttpResponse<byte[]> thumbnail = web.getBytes("/media/" + media.id() + "/320.png");
        assertEquals(200, thumbnail.statusCode());
        assertEquals(
                320, ImageIO.read(new ByteArrayInputStream(thumbnail.body())).getWidth());
    }

    @Test
    void aTextFileIsRefusedWithAClearMessageAndNothingIsStored() {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        HttpResponse<String> upload = writer.upload(
                "/newsroom/media",
                "notes.png",
                "image/png",
                "Council notes, not a picture.".getBytes(StandardCharsets.UTF_8),
                "alt",
                "Notes");
        assertEquals(422, upload.statusCode());
        assertTrue(
                upload.body().contains("Only JPEG and PNG images can be uploaded; this file is neither."),
                upload.body());
        assertTrue(upload.body().contains("value=\"Notes\""), "the form keeps what was typed");
        assertTrue(web.newsroom.services.media().latest(10, 0).isEmpty());
    }

    @Test
    void anUploadWithoutAFileAsksForOne() {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        HttpResponse<String> upload = writer.upload("/newsroom/media", null, null, null, "alt", "Nothing");
        assertEquals(422, upload.statusCode());
        assertTrue(upload.body().contains("Choose an image file to upload."), upload.body());
    }

    @Test
    void aContributorDescribesAnImageAndTheChangeIsRecorded() {
        Media media = web.newsroom.image(null);
        NewsroomClient contributor = NewsroomClient.as(web, Role.CONTRIBUTOR);
        assertTrue(contributor.get("/newsroom/media/" + media.id()).body().contains("name=\"alt\""));

        HttpResponse<String> saved = contributor.post(
                "/newsroom/media/" + media.id(),
                "alt",
                "Harbor cranes at dawn",
                "caption",
                "The east pier.",
                "credit",
                "Photo: Ines Vidal/Harbor Light via Lede");
        assertEquals(303, saved.statusCode(), saved.body());

        Media described = web.newsroom.services.media().find(media.id()).orElseThrow();
        assertEquals("Harbor cranes at dawn", described.alt());
        assertEquals("The east pier.", described.defaultCaption());
        assertEquals("Ines Vidal", described.defaultCredit().by());
        assertEquals("Harbor Light via Lede", described.defaultCredit().via());
        OutboxEvent last = web.newsroom
                .services
                .outbox()
                .after(web.newsroom.services.outbox().lastSeq() - 1, 1)
                .getFirst();
        assertEquals("media.updated", last.type());
        assertEquals(contributor.user().id(), last.data().get("actor"));
    }

    @Test
    void aCreditThatIsNotInThePrintedFormIsRefusedAndNothingChanges() {
        Media media = web.newsroom.image("Cranes");
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        HttpResponse<String> saved =
                editor.post("/newsroom/media/" + media.id(), "alt", "Changed", "credit", "Ines Vidal");
        assertEquals(422, saved.statusCode());
        assertTrue(saved.body().contains("A credit reads"), saved.body());
        assertEquals(
                "Cranes",
                web.newsroom.services.media().find(media.id()).orElseThrow().alt());
        assertFalse(saved.body().contains("value=\"Cranes\""), "the form shows what was typed, not what is stored");
    }
}
