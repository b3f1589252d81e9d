package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** Personal API tokens on the account page: made and shown once, listed with their use, revoked. */
class ApiTokenPageTest extends WebServerTest {
    private static final Pattern SECRET = Pattern.compile("<code id=\"new-token\">(lede_[A-Za-z0-9_-]+)</code>");

    private int apiStatus(String secret) {
        return web.send(HttpRequest.newBuilder(web.uri("/api/admin/v1/stories"))
                        .header("Authorization", "Bearer " + secret)
                        .GET())
                .statusCode();
    }

    @Test
    void aMemberMakesATokenSeesItOnceUsesItAndRevokesIt() {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        HttpResponse<String> made = writer.post("/newsroom/account/tokens", "name", "Results <script>");
        assertEquals(200, made.statusCode(), made.body());
        Matcher secret = SECRET.matcher(made.body());
        assertTrue(secret.find(), made.body());
        assertFalse(made.body().contains("Results <script>"), "the name is escaped");

        assertEquals(200, apiStatus(secret.group(1)));
        HttpResponse<String> page = writer.get("/newsroom/account");
        assertFalse(page.body().contains(secret.group(1)), "the secret is never shown again");
        Document doc = Jsoup.parse(page.body());
        var row = doc.select("#tokens-title ~ div table tbody tr").first();
        assertTrue(row.text().contains("Results <script>"), row.text());
        assertTrue(row.text().contains(secret.group(1).substring(0, 11)), "its prefix tells it apart");
        assertFalse(row.select("td").get(3).text().equals("never"), "its last use is shown");

        String revoke = row.select("form").attr("action");
        HttpResponse<String> revoked = writer.post(revoke);
        assertEquals(303, revoked.statusCode());
        assertEquals(401, apiStatus(secret.group(1)));
        assertTrue(writer.get("/newsroom/account").body().contains("Revoked"));

        HttpResponse<String> unnamed = writer.post("/newsroom/account/tokens", "name", "  ");
        assertEquals(422, unnamed.statusCode());
        assertFalse(SECRET.matcher(unnamed.body()).find());
        assertEquals(
                403,
                writer.postWithoutCsrf("/newsroom/account/tokens", "name", "No CSRF")
                        .statusCode());
        assertEquals(
                1,
                web.newsroom
                        .services
                        .apiTokenService()
                        .forUser(writer.user().actor(), writer.user().id())
                        .size(),
                "nothing was made by the refused requests");

        HttpResponse<String> another = writer.post("/newsroom/account/tokens", "name", "Second script");
        Matcher second = SECRET.matcher(another.body());
        assertTrue(second.find(), another.body());
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        Document people = Jsoup.parse(admin.get("/newsroom/users").body());
        var rows = people.select("#tokens-title ~ div table tbody tr");
        assertEquals(1, rows.size(), "only tokens that still work are listed");
        assertTrue(rows.first().text().contains(writer.user().email()), rows.text());
        assertTrue(rows.first().text().contains("Second script"), rows.text());
        assertEquals(303, admin.post(rows.first().select("form").attr("action")).statusCode());
        assertEquals(401, apiStatus(second.group(1)), "an admin revoked it");
        assertEquals(
                0,
                Jsoup.parse(admin.get("/newsroom/users").body())
                        .select("#tokens-title ~ div table tbody tr")
                        .size());
    }
}
