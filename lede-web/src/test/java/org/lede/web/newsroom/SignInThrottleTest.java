package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lede.user.Actor;
import org.lede.user.LoginThrottle;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.web.WebServer;
import org.lede.web.WebServerTest;
import org.lede.web.WebTestServer;
import org.lede.web.support.ClientAddress;

/**
 * Sign-in throttling over HTTP: guessing is slowed and limited per address, the real member
 * still gets in, and only a trusted proxy says where a request comes from.
 */
class SignInThrottleTest extends WebServerTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final int LIMIT = LoginThrottle.Settings.DEFAULTS.perAddress();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private WebTestServer proxied;

    @AfterEach
    void stopProxied() {
        if (proxied != null) {
            proxied.close();
        }
    }

    private static User member(WebTestServer server, String email) {
        return server.newsroom.services.userService().create(Actor.SYSTEM, email, "Real Member", Role.EDITOR, PASSWORD);
    }

    /** One sign-in through the form, with an X-Forwarded-For header when one is given. */
    private int signIn(WebTestServer server, String email, String password, String forwardedFor) {
        String token = "0123456789abcdefghijklmnopqrstuvwxyz";
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/newsroom/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", NewsroomAuth.CSRF_COOKIE + "=" + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        NewsroomClient.encode(List.of("_csrf", token, "email", email, "password", password))));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAttackersWrongGuessesDoNotKeepTheRealMemberOut() throws Exception {
        member(web, "real@example.org");
        // Concurrent, as a guesser would send them: each is counted, and each waits its turn of the slowdown.
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String guess = "guess number " + i + " xyz";
                guesses.add(pool.submit((Callable<Integer>) () -> signIn(web, "real@example.org", guess, null)));
            }
            for (Future<Integer> guess : guesses) {
                assertEquals(401, guess.get());
            }
        }
        long started = System.nanoTime();
        assertEquals(303, signIn(web, "real@example.org", PASSWORD, null), "the member signs in");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(
                millis <= LoginThrottle.Settings.DEFAULTS.maxDelay().toMillis() + 2_000,
                "slowed by at most the cap: " + millis + " ms");
    }

    @Test
    void oneAddressIsLimitedOutrightAndAForgedForwardedForChangesNothing() {
        member(web, "real@example.org");
        for (int i = 0; i < LIMIT; i++) {
            // Each guess at another account, so no slowdown: only the address limit applies. The header is a lie.
            assertEquals(401, signIn(web, "nobody" + i + "@example.org", "wrong password", "198.51.100." + i));
        }
        assertEquals(429, signIn(web, "real@example.org", PASSWORD, null), "the address used up its attempts");
        assertEquals(
                429,
                signIn(web, "real@example.org", PASSWORD, "203.0.113.99"),
                "an X-Forwarded-For from a peer that is not a trusted proxy is ignored");
    }

    @Test
    void aTrustedProxysForwardedForNamesTheClient() throws IOException {
        Files.createDirectories(dir.resolve("proxied"));
        proxied = new WebTestServer(
                dialect,
                dir.resolve("proxied"),
                new WebServer.Options(null, ClientAddress.trusting(List.of("127.0.0.0/8", "::1"))));
        member(proxied, "real@example.org");
        for (int i = 0; i < LIMIT; i++) {
            // What the client wrote comes first; the proxy appends the address it saw.
            assertEquals(
                    401, signIn(proxied, "nobody" + i + "@example.org", "wrong password", "10.9.9.9, 198.51.100.7"));
        }
        assertEquals(429, signIn(proxied, "real@example.org", PASSWORD, "10.1.1.1, 198.51.100.7"));
        assertEquals(303, signIn(proxied, "real@example.org", PASSWORD, "198.51.100.7, 203.0.113.5"));
        String address = proxied.newsroom
                .services
                .db()
                .handle(h -> h.createQuery("SELECT address FROM sessions")
                        .mapTo(String.class)
                        .one());
        assertEquals("203.0.113.5", address, "the session records the client, not the proxy");
    }
}
