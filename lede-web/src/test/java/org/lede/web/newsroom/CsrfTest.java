package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lede.media.Media;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** A signed-in member's browser can be made to send a form from another site; without the token, nothing happens. */
class CsrfTest extends WebServerTest {

    @Test
    void aFormPostWithoutItsTokenIsRefusedAndChangesNothing() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        long before = web.newsroom.services.outbox().lastSeq();

        HttpResponse<String> topic = admin.postWithoutCsrf(
                "/newsroom/topics", "slug", "forged", "name", "Forged", "description", "", "position", "1");
        assertEquals(403, topic.statusCode());
        assertTrue(topic.body().contains("This form has expired or came from another site."), topic.body());

        HttpResponse<String> user = admin.postWithoutCsrf(
                "/newsroom/users",
                "email",
                "mallory@example.org",
                "name",
                "Mallory",
                "role",
                "admin",
                "password",
                NewsroomClient.PASSWORD);
        assertEquals(403, user.statusCode());

        HttpResponse<String> wrongToken = admin.postWithoutCsrf(
                "/newsroom/topics",
                "_csrf",
                "not-the-token",
                "slug",
                "forged",
                "name",
                "Forged",
                "description",
                "",
                "position",
                "1");
        assertEquals(403, wrongToken.statusCode());

        assertTrue(web.newsroom.services.topics().findBySlug("forged").isEmpty());
        assertEquals(before, web.newsroom.services.outbox().lastSeq(), "no event: nothing was written");
    }

    @Test
    void anUploadWithoutItsTokenIsRefusedAndStoresNothing() throws Exception {
        Media existing = web.newsroom.image("Existing");
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        HttpResponse<String> forged = writer.uploadWithoutCsrf(
                "/newsroom/media", "x.png", "image/png", MediaLibraryTest.png(20, 20), "alt", "Forged");
        assertEquals(403, forged.statusCode());
        assertEquals(1, web.newsroom.services.media().latest(10, 0).size());
        assertEquals(
                existing.id(),
                web.newsroom.services.media().latest(10, 0).getFirst().id());
    }
}
