package org.lede.app;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Signs in through the newsroom's form as a browser would, for tests of accounts made outside the browser. */
final class NewsroomSignIn {
    private NewsroomSignIn() {
    }

    /**
     * Fetches the sign-in page (for its CSRF cookie), posts the credentials, and returns the
     * newsroom's front page as the signed-in member sees it; a failed sign-in shows the sign-in page.
     */
    static HttpResponse<String> newsroomAs(int port, String email, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        URI base = URI.create("http://127.0.0.1:" + port);
        http.send(HttpRequest.newBuilder(base.resolve("/newsroom/login")).build(), HttpResponse.BodyHandlers.ofString());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("lede_csrf"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no lede_csrf cookie"));
        String form = "_csrf=" + enc(token) + "&email=" + enc(email) + "&password=" + enc(password);
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(base.resolve("/newsroom/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 303) {
            return signIn;
        }
        return http.send(HttpRequest.newBuilder(base.resolve("/newsroom")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
