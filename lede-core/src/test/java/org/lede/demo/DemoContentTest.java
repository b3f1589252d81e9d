package org.lede.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.Services;
import org.lede.content.Block;
import org.lede.content.LeadIn;
import org.lede.content.Paragraph;
import org.lede.dashboard.Dashboard;
import org.lede.db.Dialect;
import org.lede.story.Story;
import org.lede.story.StoryStatus;
import org.lede.testing.Newsroom;

@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class DemoContentTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @Test
    void demoNewsroomLoadsOnceInTheSmartBrevityShape() {
        try (Newsroom newsroom = new Newsroom(dialect, dir)) {
            Services s = newsroom.services;
            DemoContent demo = new DemoContent(s, dir.resolve("media"));
            assertEquals(14, demo.load());
            int events = s.outbox().after(0, 10_000).size();
            assertEquals(0, demo.load(), "loading twice adds nothing");
            assertEquals(14, s.stories().count());
            assertEquals(6, s.topics().all().size());
            assertEquals(5, s.authors().all().size());
            assertEquals(1, s.dashboards().all().size());
            assertEquals(events, s.outbox().after(0, 10_000).size(), "and writes nothing");

            List<Story> live = s.stories().latestPublished(100, 0);
            assertEquals(14, live.size());
            for (Story story : live) {
                assertEquals(StoryStatus.PUBLISHED, story.status());
                assertTrue(story.publishAt().isBefore(newsroom.clock.instant()), story.slug());
                assertNotNull(story.draft().hero().credit(), story.slug());
                List<Block> body = story.draft().body();
                assertTrue(body.getFirst() instanceof Paragraph, "lede first: " + story.slug());
                assertTrue(
                        body.stream()
                                .limit(4)
                                .anyMatch(b -> b instanceof LeadIn l
                                        && (l.label().equals("Why it matters")
                                                || l.label().equals("The big picture"))),
                        story.slug());
            }
            assertTrue(live.stream().anyMatch(st -> st.substantiveAt() != null), "some stories were updated");
            assertTrue(s.authors().all().stream().filter(a -> a.contributor()).count() >= 1);
            Dashboard dashboard = s.dashboards().findBySlug("storm-idris").orElseThrow();
            assertEquals(3, dashboard.items().size());
            assertNotNull(dashboard.illustration().credit());
        }
    }
}
