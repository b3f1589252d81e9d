package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lede user add`: accounts made from the command line, with a password printed once. */
class UserCommandTest {
    @TempDir
    Path dir;

    private Cli addWithStdin(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void printsAGeneratedPasswordOnceAndTheMemberCanSignInWithIt() throws Exception {
        Cli added = Cli.run(
                "user",
                "add",
                "--email",
                "Ed.Itor@Example.org",
                "--role",
                "editor",
                "--name",
                "Ed Itor",
                "--data-dir",
                dir.toString());
        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().contains("email: ed.itor@example.org"), added.out());
        assertTrue(added.out().contains("role: editor"), added.out());
        Matcher password = Pattern.compile("(?m)^password: (\\S+)").matcher(added.out());
        assertTrue(password.find(), added.out());
        assertTrue(password.group(1).length() >= 40, "a strong generated password");

        try (RunningServer server = RunningServer.start(dir)) {
            assertTrue(!server.output().contains("/newsroom/setup/"), "no setup link once an account exists");
            HttpResponse<String> newsroom =
                    NewsroomSignIn.newsroomAs(server.port(), "ed.itor@example.org", password.group(1));
            assertEquals(200, newsroom.statusCode(), newsroom.body());
            assertTrue(newsroom.body().contains("Ed Itor (editor)"), newsroom.body());
            assertEquals(
                    401,
                    NewsroomSignIn.newsroomAs(server.port(), "ed.itor@example.org", "not the password")
                            .statusCode());
        }
    }

    @Test
    void takesThePasswordFromStandardInputWithoutPrintingIt() throws Exception {
        Cli added = addWithStdin(
                "my own long passphrase\nignored second line\n",
                "user",
                "add",
                "--email",
                "wren@example.org",
                "--role",
                "writer",
                "--password-stdin",
                "--data-dir",
                dir.toString());
        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().contains("name: wren"), "the name defaults to the email's local part: " + added.out());
        assertTrue(!added.out().contains("my own long passphrase"), added.out());
        try (RunningServer server = RunningServer.start(dir)) {
            HttpResponse<String> newsroom =
                    NewsroomSignIn.newsroomAs(server.port(), "wren@example.org", "my own long passphrase");
            assertTrue(newsroom.body().contains("wren (writer)"), newsroom.body());
        }
    }

    @Test
    void mistakesEndWithOneLineAndExitCode2() {
        Cli.run("user", "add", "--email", "a@example.org", "--role", "boss", "--data-dir", dir.toString())
                .assertOneLineError("A role is admin, editor, writer or contributor, not \"boss\".");
        Cli.run("user", "add", "--email", "not-an-address", "--role", "writer", "--data-dir", dir.toString())
                .assertOneLineError("is not an email address");
        addWithStdin(
                        "short\n",
                        "user",
                        "add",
                        "--email",
                        "b@example.org",
                        "--role",
                        "writer",
                        "--password-stdin",
                        "--data-dir",
                        dir.toString())
                .assertOneLineError("Choose a password of at least 12 characters.");
        addWithStdin(
                        "",
                        "user",
                        "add",
                        "--email",
                        "b@example.org",
                        "--role",
                        "writer",
                        "--password-stdin",
                        "--data-dir",
                        dir.toString())
                .assertOneLineError("standard input held no password");
        assertEquals(
                0,
                Cli.run("user", "add", "--email", "c@example.org", "--role", "writer", "--data-dir", dir.toString())
                        .code());
        Cli.run("user", "add", "--email", "C@example.org", "--role", "admin", "--data-dir", dir.toString())
                .assertOneLineError("There is already an account for c@example.org.");
        Cli missing = Cli.run("user", "add", "--role", "writer", "--data-dir", dir.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--email"), missing.err());
    }

    @Test
    void listsChangesRolesDisablesEnablesAndPrintsAResetLinkThatWorks() throws Exception {
        String data = dir.toString();
        assertEquals(
                0,
                addWithStdin(
                                "quiet lantern over harbour\n",
                                "user",
                                "add",
                                "--email",
                                "boss@example.org",
                                "--role",
                                "admin",
                                "--password-stdin",
                                "--data-dir",
                                data)
                        .code());
        assertEquals(
                0,
                addWithStdin(
                                "quiet lantern over harbour\n",
                                "user",
                                "add",
                                "--email",
                                "wren@example.org",
                                "--role",
                                "writer",
                                "--password-stdin",
                                "--data-dir",
                                data)
                        .code());

        Cli listed = Cli.run("user", "list", "--data-dir", data);
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().contains("boss@example.org\tadmin\tactive\tboss"), listed.out());
        assertTrue(listed.out().contains("wren@example.org\twriter\tactive\twren"), listed.out());

        Cli promoted =
                Cli.run("user", "set-role", "--email", "Wren@Example.org", "--role", "editor", "--data-dir", data);
        assertEquals(0, promoted.code(), promoted.err());
        assertTrue(promoted.out().contains("wren@example.org is now editor"), promoted.out());

        Cli.run("user", "disable", "--email", "boss@example.org", "--data-dir", data)
                .assertOneLineError("boss@example.org is the last active admin");
        Cli.run("user", "set-role", "--email", "boss@example.org", "--role", "writer", "--data-dir", data)
                .assertOneLineError("boss@example.org is the last active admin");
        Cli.run("user", "disable", "--email", "nobody@example.org", "--data-dir", data)
                .assertOneLineError("there is no account for nobody@example.org.");

        assertEquals(
                0,
                Cli.run("user", "disable", "--email", "wren@example.org", "--data-dir", data)
                        .code());
        assertTrue(Cli.run("user", "list", "--data-dir", data).out().contains("wren@example.org\teditor\tdisabled"));
        Cli.run("user", "reset-password", "--email", "wren@example.org", "--data-dir", data)
                .assertOneLineError("enable the account before resetting its password");
        assertEquals(
                0,
                Cli.run("user", "enable", "--email", "wren@example.org", "--data-dir", data)
                        .code());
        assertTrue(Cli.run("user", "list", "--data-dir", data).out().contains("wren@example.org\teditor\tactive"));

        Cli reset = Cli.run(
                "user",
                "reset-password",
                "--email",
                "wren@example.org",
                "--base-url",
                "https://news.example/",
                "--data-dir",
                data);
        assertEquals(0, reset.code(), reset.err());
        Matcher link = Pattern.compile("(?m)^https://news\\.example(/newsroom/reset/\\S+)$")
                .matcher(reset.out());
        assertTrue(link.find(), reset.out());
        try (RunningServer server = RunningServer.start(dir)) {
            HttpResponse<String> form = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://127.0.0.1:" + server.port() + link.group(1)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, form.statusCode(), form.body());
            assertTrue(form.body().contains("Choose a new password for wren@example.org"), form.body());
        }
    }
}
