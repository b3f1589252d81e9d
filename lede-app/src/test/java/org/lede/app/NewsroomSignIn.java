package org.lede.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Signs in through the newsroom's form as a browser would, for tests that drive the newsroom over HTTP. */
final class NewsroomSignIn {
    private NewsroomSignIn() {}

    /**
     * Fetches the sign-in page (for its CSRF cookie), posts the credentials, and returns the
     * newsroom's front page as the signed-in member sees it; a failed sign-in shows the sign-in page.
     */
    static HttpResponse<String> newsroomAs(int port, String email, String password) throws Exception {
        Session session = new Session(URI.create("http://127.0.0.1:" + port));
        HttpResponse<String> signIn = session.signIn(email, password);
        return signIn.statusCode() != 303 ? signIn : session.get("/newsroom");
    }

    /** Signs in and returns the session, failing the test if the newsroom did not take the credentials. */
    static Session as(String origin, String email, String password) {
        Session session = new Session(URI.create(origin));
        HttpResponse<String> signIn = session.signIn(email, password);
        if (signIn.statusCode() != 303) {
            throw new AssertionError(
                    "signing in as " + email + " answered " + signIn.statusCode() + ":\n" + signIn.body());
        }
        return session;
    }

    /**
     * One member's cookie jar, and the CSRF token every form must send back: the sign-in form's comes
     * from a cookie, a signed-in member's from the hidden field of the last page fetched.
     */
    static final class Session {
        private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final URI base;
        private String token;

        private Session(URI base) {
            this.base = base;
        }

        private HttpResponse<String> signIn(String email, String password) {
            get("/newsroom/login");
            return post("/newsroom/login", List.of(Map.entry("email", email), Map.entry("password", password)));
        }

        /** A GET that does not follow redirects, so callers see what the newsroom answered. */
        HttpResponse<String> get(String path) {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(base.resolve(path)).GET());
            Matcher m = TOKEN.matcher(response.body());
            if (m.find()) {
                token = m.group(1);
            }
            return response;
        }

        /** A form post in the given field order, with the CSRF token added as the form's hidden field would. */
        HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
            String form = "_csrf=" + enc(token != null ? token : csrfCookie())
                    + fields.stream()
                            .filter(f -> !f.getKey().equals("_csrf"))
                            .map(f -> "&" + enc(f.getKey()) + "=" + enc(f.getValue()))
                            .collect(Collectors.joining());
            return send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** The cookies a browser would need to act as this member, such as the session. */
        List<HttpCookie> cookies() {
            return cookies.getCookieStore().getCookies();
        }

        private String csrfCookie() {
            return cookies().stream()
                    .filter(c -> c.getName().equals("lede_csrf"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no lede_csrf cookie"));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
