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
}
