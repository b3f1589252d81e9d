package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.web.WebTestServer;

/**
 * A browser for newsroom tests: keeps cookies, signs in through the real form, and sends each
 * form with the session's CSRF token unless told not to.
 */
public final class NewsroomClient {
    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final WebTestServer server;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final User user;
    private String csrf;

    private NewsroomClient(WebTestServer server, User user) {
        this.server = server;
        this.user = user;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .build();
    }

    /** Nobody signed in. */
    public static NewsroomClient anonymous(WebTestServer server) {
        return new NewsroomClient(server, null);
    }

    /** A new member with this role, made as the system would, then signed in through the sign-in form. */
    public static NewsroomClient as(WebTestServer server, Role role) {
        int n = COUNTER.incrementAndGet();
        String name =
                "Test " + role.key().substring(0, 1).toUpperCase() + role.key().substring(1) + " " + n;
        User user = server.newsroom
                .services
                .userService()
                .create(Actor.SYSTEM, role.key() + n + "@newsroom.test", name, role, PASSWORD);
        NewsroomClient client = new NewsroomClient(server, user);
        client.signIn(user.email(), PASSWORD);
        return client;
    }

    /** Signs in through the form: the sign-in page sets the pre-session CSRF cookie the form must echo. */
    public NewsroomClient signIn(String email, String password) {
        HttpResponse<String> form = get("/newsroom/login");
        assertEquals(200, form.statusCode(), form.body());
        String token = cookie(NewsroomAuth.CSRF_COOKIE);
        HttpResponse<String> signedIn = send(
                "/newsroom/login",
                "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString(
                        encode(List.of("_csrf", token, "email", email, "password", password))));
        assertEquals(303, signedIn.statusCode(), "sign-in as " + email + ": " + signedIn.body());
        refreshCsrf();
        return this;
    }

    /** Reads the session's CSRF token from a page, as a form would carry it. */
    public void refreshCsrf() {
        HttpResponse<String> page = get("/newsroom/media");
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the newsroom page: " + page.statusCode() + " " + page.body());
        }
        csrf = m.group(1);
    }

    public User user() {
        return user;
    }

    public String csrf() {
        return csrf;
    }

    /** The session cookie's value, for requests this client cannot make (a raw socket's). */
    public String sessionCookie() {
        return cookie(NewsroomAuth.SESSION_COOKIE);
    }

    public boolean hasSession() {
        return cookie(NewsroomAuth.SESSION_COOKIE) != null;
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name) && !c.hasExpired())
                .map(HttpCookie::getValue)
                .filter(v -> !v.isEmpty())
                .findFirst()
                .orElse(null);
    }

    public HttpResponse<String> get(String path) {
        return exchange(HttpRequest.newBuilder(server.uri(path)).GET().build());
    }

    /** A form POST with the CSRF token added. */
    public HttpResponse<String> post(String path, String... nameValues) {
        List<String> fields = new ArrayList<>(List.of(nameValues));
        if (csrf != null) {
            fields.addAll(List.of(NewsroomAuth.CSRF_FIELD, csrf));
        }
        return postForm(path, fields);
    }

    /** A POST of a raw body, with the CSRF token in its header, as the editor's scripts send. */
    public HttpResponse<String> postBody(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return exchange(request.build());
    }

    /** A form POST exactly as given: what a forged cross-site form would send. */
    public HttpResponse<String> postWithoutCsrf(String path, String... nameValues) {
        return postForm(path, List.of(nameValues));
    }

    public HttpResponse<String> postForm(String path, List<String> nameValues) {
        return send(path, "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(encode(nameValues)));
    }

    /** A multipart upload, with the CSRF token, of one file (none when null) and some text fields. */
    public HttpResponse<String> upload(
            String path, String fileName, String contentType, byte[] file, String... nameValues) {
        return upload(true, path, fileName, contentType, file, nameValues);
    }

    public HttpResponse<String> uploadWithoutCsrf(
            String path, String fileName, String contentType, byte[] file, String... nameValues) {
        return upload(false, path, fileName, contentType, file, nameValues);
    }

    private HttpResponse<String> upload(
            boolean withToken, String path, String fileName, String contentType, byte[] file, String... nameValues) {
        String boundary = "----lede-test-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> fields = new ArrayList<>(List.of(nameValues));
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            write(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields.get(i) + "\"\r\n\r\n"
                            + fields.get(i + 1) + "\r\n");
        }
        if (file != null) {
            write(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            body.writeBytes(file);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        // As the upload form does: a multipart body is not read for its token, so it goes in the address.
        return send(
                withToken && csrf != null
                        ? path + (path.contains("?") ? "&" : "?") + NewsroomAuth.CSRF_FIELD + "=" + csrf
                        : path,
                "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String path, String contentType, HttpRequest.BodyPublisher body) {
        return exchange(HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", contentType)
                .POST(body)
                .build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(List<String> nameValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < nameValues.size(); i += 2) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(nameValues.get(i), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(nameValues.get(i + 1), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Where a 303 sends the browser. */
    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse(null);
    }
}
