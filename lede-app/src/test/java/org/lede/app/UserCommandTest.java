package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    record Result(int code, String out, String err) {
    }

    private Result lede(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private Result addWithStdin(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return lede(args);
        } finally {
            System.setIn(original);
        }
    }

    private static void assertOneLineError(Result result, String expected) {
        assertEquals(2, result.code(), result.err());
        assertEquals(1, result.err().strip().lines().count(), "one line, no stack trace: " + result.err());
        assertTrue(result.err().startsWith("lede: "), result.err());
        assertTrue(result.err().contains(expected), result.err());
    }

    @Test
    void printsAGeneratedPasswordOnceAndTheMemberCanSignInWithIt() throws Exception {
        Result added = lede("user", "add", "--email", "Ed.Itor@Example.org", "--role", "editor", "--name", "Ed Itor",
                "--data-dir", dir.toString());
        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().contains("email: ed.itor@example.org"), added.out());
        assertTrue(added.out().contains("role: editor"), added.out());
        Matcher password = Pattern.compile("(?m)^password: (\\S+)").matcher(added.out());
        assertTrue(password.find(), added.out());
        assertTrue(password.group(1).length() >= 40, "a strong generated password");

        try (RunningServer server = RunningServer.start(dir)) {
            assertTrue(!server.output().contains("/newsroom/setup/"), "no setup link once an account exists");
            HttpResponse<String> newsroom = NewsroomSignIn.newsroomAs(server.port(), "ed.itor@example.org", password.group(1));
            assertEquals(200, newsroom.statusCode(), newsroom.body());
            assertTrue(newsroom.body().contains("Ed Itor (editor)"), newsroom.body());
            assertEquals(401, NewsroomSignIn.newsroomAs(server.port(), "ed.itor@example.org", "not the password").statusCode());
        }
    }

    @Test
    void takesThePasswordFromStandardInputWithoutPrintingIt() throws Exception {
        Result added = addWithStdin("my own long passphrase\nignored second line\n", "user", "add",
                "--email", "wren@example.org", "--role", "writer", "--password-stdin", "--data-dir", dir.toString());
        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().contains("name: wren"), "the name defaults to the email's local part: " + added.out());
        assertTrue(!added.out().contains("my own long passphrase"), added.out());
        try (RunningServer server = RunningServer.start(dir)) {
            HttpResponse<String> newsroom = NewsroomSignIn.newsroomAs(server.port(), "wren@example.org", "my own long passphrase");
            assertTrue(newsroom.body().contains("wren (writer)"), newsroom.body());
        }
    }

    @Test
    void mistakesEndWithOneLineAndExitCode2() {
        assertOneLineError(lede("user", "add", "--email", "a@example.org", "--role", "boss", "--data-dir", dir.toString()),
                "A role is admin, editor, writer or contributor, not \"boss\".");
        assertOneLineError(lede("user", "add", "--email", "not-an-address", "--role", "writer", "--data-dir", dir.toString()),
                "is not an email address");
        assertOneLineError(addWithStdin("short\n", "user", "add", "--email", "b@example.org", "--role", "writer",
                "--password-stdin", "--data-dir", dir.toString()), "Choose a password of at least 12 characters.");
        assertOneLineError(addWithStdin("", "user", "add", "--email", "b@example.org", "--role", "writer",
                "--password-stdin", "--data-dir", dir.toString()), "standard input held no password");
        assertEquals(0, lede("user", "add", "--email", "c@example.org", "--role", "writer", "--data-dir", dir.toString()).code());
        assertOneLineError(lede("user", "add", "--email", "C@example.org", "--role", "admin", "--data-dir", dir.toString()),
                "There is already an account for c@example.org.");
        Result missing = lede("user", "add", "--role", "writer", "--data-dir", dir.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--email"), missing.err());
    }
}
