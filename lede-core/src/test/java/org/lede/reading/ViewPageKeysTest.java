package org.lede.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each view names every story and dashboard it shows, so purging any of them evicts it. */
class ViewPageKeysTest {
    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    private static StoryCard card(String id) {
        return new StoryCard(id, "/2026/11/20/" + id, id, null, null, null, null, AT, false);
    }

    private static DashboardView dashboard(String slug, DashboardView.Link... links) {
        return new DashboardView(
                slug,
                "/dashboards/" + slug,
                slug,
                null,
                null,
                null,
                List.of(new DashboardView.Item("Latest", List.of(links))),
                AT);
    }

    @Test
    void aDashboardNamesItselfAndTheStoriesItLinksButNotOutsideLinks() {
        DashboardView election = dashboard(
                "election",
                new DashboardView.Link("Polls", "/2026/11/20/polls", "s1"),
                new DashboardView.Link("Elsewhere", "https://elsewhere.example/", null),
                new DashboardView.Link("Turnout", "/2026/11/20/turnout", "s2"));
        assertEquals(List.of("dashboard:election", "story:s1", "story:s2"), List.copyOf(election.pageKeys()));
    }

    @Test
    void aStreamNamesEveryCardInTheOrderShownOnce() {
        StreamPage page = new StreamPage(
                List.of(
                        card("s1"),
                        dashboard("election", new DashboardView.Link("Again", "/2026/11/20/s1", "s1")),
                        card("s3")),
                1,
                false);
        assertEquals(List.of("story:s1", "dashboard:election", "story:s3"), List.copyOf(page.pageKeys()));
    }

    @Test
    void aStoryPageNamesItselfFirstThenItsGoDeeper() {
        StoryView story = new StoryView(
                "s9",
                "/2026/11/20/s9",
                "Headline",
                null,
                null,
                List.of(),
                null,
                List.of(),
                Map.of(),
                null,
                AT,
                AT,
                AT,
                false,
                List.of(),
                List.of(),
                "news",
                AT);
        var page = new ReaderQueries.StoryPage(story, new StreamPage(List.of(card("s2")), 1, true));
        assertEquals(List.of("story:s9", "story:s2"), List.copyOf(page.pageKeys()));
    }
}
