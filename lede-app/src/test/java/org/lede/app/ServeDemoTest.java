package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.db.Dialect;

/** `lede serve --demo` end to end: the real command, a real port, real HTTP, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class ServeDemoTest {
    private static final Pattern OLDER = Pattern.compile("<a class=\"more\" href=\"([^\"]+)\" rel=\"next\">");

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private static int cards(String html) {
        return (int)
                Pattern.compile("<li class=\"card\">").matcher(html).results().count();
    }

    @Test
    void demoSiteServesHomeAndStoryPagesAndLoadsOnlyOnce() throws Exception {
        int total;
        String[] database = RunningServer.databaseArgs(dialect);
        try (RunningServer first = RunningServer.start(dir, RunningServer.with(database, "--demo"))) {
            HttpResponse<String> home = first.get("/");
            assertEquals(200, home.statusCode());
            Matcher link = Pattern.compile("href=\"(/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+)\"")
                    .matcher(home.body());
            assertTrue(link.find());
            HttpResponse<String> story = first.get(link.group(1));
            assertEquals(200, story.statusCode());
            assertTrue(story.body().contains("<figcaption>"), "hero with caption");
            assertTrue(story.body().contains("class=\"credit\">Illustration: ")
                    || story.body().contains("class=\"credit\">Graphic: "));
            assertTrue(story.body().contains("<strong>Why it matters:</strong>")
                    || story.body().contains("<strong>The big picture:</strong>"));
            total = countLatest(first);
            assertEquals(14, total, "every demo story is in the latest stream");
            assertEquals(0, first.stop());
        }
        try (RunningServer second = RunningServer.start(dir, RunningServer.with(database, "--demo"))) {
            assertTrue(second.output().contains("Demo content: already loaded."), second.output());
            assertEquals(total, countLatest(second), "the second --demo start added nothing");
        }
    }

    /** Story cards across every page of the latest stream. */
    private static int countLatest(RunningServer server) throws Exception {
        int count = 0;
        String path = "/";
        while (true) {
            String html = server.get(path).body();
            String latest = html.substring(html.indexOf("id=\"latest-title\""));
            count += cards(latest);
            Matcher next = OLDER.matcher(html);
            if (!next.find()) {
                return count;
            }
            path = next.group(1);
        }
    }
}
