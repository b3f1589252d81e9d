package org.lede.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.WebServerTest;
import org.lede.web.newsroom.NewsroomClient;

/** Every kind of answer carries the security headers, and every text type says its charset. */
class SecurityHeadersTest extends WebServerTest {

    @Test
    void readerPagesCachedOrNotRedirectsErrorsAnd304sAllCarryTheHeaders() {
        var stories = web.newsroom.services.storyService();
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Ferry fares frozen"));
        Story story = stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
        String url = "/2026/11/20/" + story.slug();

        HttpResponse<String> rendered = web.get(url);
        HttpResponse<String> cached = web.get(url);
        assertEquals(200, rendered.statusCode());
        assertReaderHeaders(rendered);
        assertReaderHeaders(cached);
        assertHtmlUtf8(cached);
        HttpResponse<String> notModified = web.get(
                url, "If-None-Match", cached.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, notModified.statusCode());
        assertReaderHeaders(notModified);

        HttpResponse<String> missing = web.get("/no/such/page");
        assertEquals(404, missing.statusCode());
        assertReaderHeaders(missing);
        assertHtmlUtf8(missing);
        HttpResponse<String> problem = web.get("/no/such/page", "Accept", "application/json");
        assertReaderHeaders(problem);
        assertCharset(problem);

        assertReaderHeaders(web.get("/robots.txt"));
        assertCharset(web.get("/robots.txt"));
        HttpResponse<String> favicon = web.get("/favicon.svg");
        assertReaderHeaders(favicon);
        assertCharset(favicon);
    }

    @Test
    void mediaCarriesTheHeaders() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png", png);
        Media media = web.newsroom
                .services
                .mediaService()
                .add(Actor.SYSTEM, png.toByteArray(), "tram.png", "A tram at dusk", null, null);
        HttpResponse<byte[]> image = web.getBytes("/media/" + media.id() + "/320.png");
        assertEquals(200, image.statusCode());
        assertCommon(image.headers());
        assertEquals(
                "strict-origin-when-cross-origin",
                image.headers().firstValue("Referrer-Policy").orElseThrow());
    }

    @Test
    void newsroomPagesRedirectsJsonAndFragmentsCarryTheHeadersAndTheNewsroomReferrerPolicy() {
        HttpResponse<String> redirect = web.get("/newsroom");
        assertEquals(3, redirect.statusCode() / 100, "an anonymous visit is sent to sign in");
        assertNewsroomHeaders(redirect);

        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        HttpResponse<String> stories = editor.get("/newsroom");
        assertEquals(200, stories.statusCode());
        assertNewsroomHeaders(stories);
        assertHtmlUtf8(stories);

        HttpResponse<String> preview = editor.post("/newsroom/preview", "headline", "Ferry", "body", "Text.");
        assertEquals(200, preview.statusCode(), preview.body());
        assertNewsroomHeaders(preview);
        assertCharset(preview);

        HttpResponse<String> fragment = editor.get("/newsroom/dashboards/stories?part=list&q=ferry");
        assertEquals(200, fragment.statusCode());
        assertNewsroomHeaders(fragment);
        assertHtmlUtf8(fragment);

        HttpResponse<String> refused = editor.postWithoutCsrf("/newsroom/topics", "name", "Ferries");
        assertEquals(403, refused.statusCode());
        assertNewsroomHeaders(refused);
        assertHtmlUtf8(refused);
    }

    @Test
    void strictTransportSecurityOnlyOverHttps() {
        assertTrue(
                web.get("/robots.txt")
                        .headers()
                        .firstValue("Strict-Transport-Security")
                        .isEmpty(),
                "plain HTTP must not pin HTTPS: a browser would refuse the site until it had a certificate");
        HttpResponse<String> proxied = web.get("/robots.txt", "X-Forwarded-Proto", "https");
        assertEquals(
                "max-age=31536000",
                proxied.headers().firstValue("Strict-Transport-Security").orElseThrow());
    }

    @Test
    void thePolicyAllowsExactlyOurInlineScriptsAndStyles() {
        String policy = SecurityHeaders.CONTENT_SECURITY_POLICY;
        for (String text : SecurityHeaders.SCRIPTS) {
            assertTrue(policy.contains("script-src") && policy.contains(SecurityHeaders.hash(text)));
        }
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        // The hash of the empty text would allow an empty script, and would mean an asset failed to load.
        assertFalse(policy.contains(SecurityHeaders.hash("")), policy);
    }

    private static void assertReaderHeaders(HttpResponse<?> response) {
        assertCommon(response.headers());
        assertEquals(
                "strict-origin-when-cross-origin",
                response.headers().firstValue("Referrer-Policy").orElseThrow(),
                response.uri().toString());
    }

    private static void assertNewsroomHeaders(HttpResponse<?> response) {
        assertCommon(response.headers());
        assertEquals(
                "same-origin",
                response.headers().firstValue("Referrer-Policy").orElseThrow(),
                response.uri().toString());
    }

    private static void assertCommon(HttpHeaders headers) {
        List<String> csp = headers.allValues("Content-Security-Policy");
        assertEquals(List.of(SecurityHeaders.CONTENT_SECURITY_POLICY), csp, "one policy, ours");
        assertTrue(csp.getFirst().contains("frame-ancestors 'none'"));
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElseThrow());
    }

    private static void assertHtmlUtf8(HttpResponse<?> response) {
        assertEquals(
                "text/html;charset=utf-8",
                response.headers()
                        .firstValue("Content-Type")
                        .orElseThrow()
                        .toLowerCase(Locale.ROOT)
                        .replace(" ", ""),
                response.uri().toString());
    }

    private static void assertCharset(HttpResponse<?> response) {
        String type =
                response.headers().firstValue("Content-Type").orElseThrow().toLowerCase(Locale.ROOT);
        assertTrue(type.replace(" ", "").contains(";charset=utf-8"), response.uri() + ": " + type);
    }
}
