package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lede token`: a personal API token made from the command line, printed once, that the admin API accepts. */
class TokenCommandTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static int stories(int port, String token) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/v1/stories"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void createsATokenThatTheApiAcceptsListsItAndRevokesIt() throws Exception {
        String data = dir.toString();
        assertEquals(
                0,
                Cli.run("user", "add", "--email", "ed@example.org", "--role", "editor", "--data-dir", data)
                        .code());
        Cli created = Cli.run("token", "create", "--user", "Ed@Example.org", "--name", "Wire feed", "--data-dir", data);
        assertEquals(0, created.code(), created.err());
        Matcher token = Pattern.compile("(?m)^token: (lede_\\S+)$").matcher(created.out());
        assertTrue(token.find(), created.out());
        Matcher id = Pattern.compile("(?m)^id: (\\S+)$").matcher(created.out());
        assertTrue(id.find(), created.out());
        assertTrue(created.out().contains("user: ed@example.org (editor)"), created.out());

        Cli listed = Cli.run("token", "list", "--user", "ed@example.org", "--data-dir", data);
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().contains("Wire feed") && listed.out().contains("active"), listed.out());
        assertFalse(listed.out().contains(token.group(1)), "the secret is printed only once");

        try (RunningServer server = RunningServer.start(dir)) {
            assertEquals(200, stories(server.port(), token.group(1)));
            Cli revoked = Cli.run("token", "revoke", "--id", id.group(1), "--data-dir", data);
            assertEquals(0, revoked.code(), revoked.err());
            assertEquals(401, stories(server.port(), token.group(1)));
        }

        Cli.run("token", "create", "--user", "nobody@example.org", "--name", "X", "--data-dir", data)
                .assertOneLineError("there is no account for nobody@example.org.");
    }
}
