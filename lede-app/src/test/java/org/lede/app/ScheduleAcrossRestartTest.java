package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.user.Actor;

/** A story scheduled before a restart, due while the server was down, is published at start-up with its intended time. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class ScheduleAcrossRestartTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @Test
    void scheduledStoryPublishesAfterRestartKeepingItsTime() throws Exception {
        Instant due;
        String slug;
        String[] database = RunningServer.databaseArgs(dialect);
        try (RunningServer server = RunningServer.start(dir, RunningServer.with(database, "--demo"))) {
            try (Database db = Database.open(RunningServer.databaseUrl(database, dir))) {
                Services services = Services.create(db, dir.resolve("media"), Clock.systemUTC());
                Story any = services.stories().latestPublished(1, 0).getFirst();
                StoryDraft draft = any.draft().withSlug(null).withHeadline("Night ferry schedule announced");
                Story created = services.storyService().createDraft(Actor.SYSTEM, draft);
                due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
                services.storyService().schedule(Actor.SYSTEM, created.id(), created.revision(), due);
                slug = created.slug();
            }
            assertEquals(0, server.stop());
        }
        // The story must fall due while no server runs. A slow stop may already have taken us past it,
        // so this waits for the clock to pass the time rather than for a computed, possibly negative, span.
        Eventually.until(
                "the clock to pass the scheduled time " + due,
                () -> Instant.now().isAfter(due));
        try (RunningServer restarted = RunningServer.start(dir, database)) {
            String home = restarted.get("/").body();
            assertTrue(home.contains(slug), "published at start-up, before the first request");
            String url = home.replaceAll("(?s).*href=\"(/\\d{4}/\\d{2}/\\d{2}/" + slug + ")\".*", "$1");
            String page = restarted.get(url).body();
            assertTrue(page.contains("datetime=\"" + due + "\""), "keeps its intended publish time " + due);
        }
    }
}
