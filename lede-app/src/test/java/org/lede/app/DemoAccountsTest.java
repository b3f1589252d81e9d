package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lede serve --demo` makes one account per role and shows their passwords only when it makes them. */
class DemoAccountsTest {
    private static final Pattern ACCOUNT =
            Pattern.compile("(?m)^\\s+(admin|editor|writer|contributor)\\s+(\\S+@demo\\.lede\\.test)\\s+(\\S+)$");

    @TempDir
    Path dir;

    @Test
    void eachRoleGetsAnAccountWhosePasswordIsPrintedOnce() throws Exception {
        Map<String, String[]> accounts = new LinkedHashMap<>();
        try (RunningServer first = RunningServer.start(dir, "--demo")) {
            Matcher m = ACCOUNT.matcher(first.output());
            while (m.find()) {
                accounts.put(m.group(1), new String[] {m.group(2), m.group(3)});
            }
            assertEquals(4, accounts.size(), first.output());
            assertEquals("editor@demo.lede.test", accounts.get("editor")[0]);
            HttpResponse<String> editor =
                    NewsroomSignIn.newsroomAs(first.port(), "editor@demo.lede.test", accounts.get("editor")[1]);
            assertTrue(editor.body().contains("(editor)"), editor.body());
            HttpResponse<String> contributor = NewsroomSignIn.newsroomAs(
                    first.port(), accounts.get("contributor")[0], accounts.get("contributor")[1]);
            assertTrue(contributor.body().contains("(contributor)"), contributor.body());
        }
        try (RunningServer second = RunningServer.start(dir, "--demo")) {
            assertTrue(second.output().contains("Demo accounts: already exist"), second.output());
            for (String[] account : accounts.values()) {
                assertFalse(second.output().contains(account[1]), "a password is shown only when it is made");
            }
        }
    }
}
