package org.lede.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.story.PublishedMonth;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryService;
import org.lede.story.StoryStore;
import org.lede.story.UpdateKind;
import org.lede.testing.NewsroomTest;
import org.lede.user.Actor;

/** The story store's sitemap and news queries, and what the reader side makes of them, on both databases. */
class SitemapQueriesTest extends NewsroomTest {
    static final SiteSettings SITE =
            new SiteSettings("Test Ledger", "News in brief.", "https://news.example", ZoneId.of("Pacific/Auckland"));

    StoryStore store;
    StoryService stories;
    ReaderQueries reader;

    @BeforeEach
    void setUp() {
        var s = newsroom.services;
        store = s.stories();
        stories = s.storyService();
        reader = s.readerQueries(SITE);
    }

    Story publishAt(String instant, String headline) {
        newsroom.clock.set(Instant.parse(instant));
        Story draft = stories.createDraft(Actor.SYSTEM, newsroom.publishableDraft(headline));
        return stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }

    @Test
    void monthsGroupLiveStoriesByUtcMonthWithTheirLatestChange() {
        publishAt("2026-09-30T23:59:59Z", "Last of September");
        Story october = publishAt("2026-10-01T00:00:00Z", "First of October");
        publishAt("2026-10-15T08:00:00Z", "Mid October");
        Story gone = publishAt("2026-08-03T08:00:00Z", "Withdrawn in August");
        stories.unpublish(Actor.SYSTEM, gone.id(), gone.revision());
        stories.createDraft(Actor.SYSTEM, newsroom.publishableDraft("Never published"));
        newsroom.clock.set(Instant.parse("2026-11-02T10:00:00Z"));
        StoryDraft changed = october.draft().withHeadline("First of October, revised");
        stories.update(Actor.SYSTEM, october.id(), october.revision(), changed, UpdateKind.SUBSTANTIVE);

        List<PublishedMonth> months = store.publishedMonths();

        assertEquals(
                List.of(
                        new PublishedMonth(YearMonth.of(2026, 10), 2, Instant.parse("2026-11-02T10:00:00Z")),
                        new PublishedMonth(YearMonth.of(2026, 9), 1, Instant.parse("2026-09-30T23:59:59Z"))),
                months);
    }

    @Test
    void aMonthIsReadInSlicesOldestFirstWithinItsBoundsOnly() {
        publishAt("2026-09-30T23:59:59.999Z", "Before");
        Story a = publishAt("2026-10-01T00:00:00Z", "A");
        Story b = publishAt("2026-10-10T00:00:00Z", "B");
        Story c = publishAt("2026-10-31T23:59:59.999Z", "C");
        publishAt("2026-11-01T00:00:00Z", "After");

        assertEquals(
                List.of(a.id(), b.id(), c.id()),
                store.publishedInMonth(YearMonth.of(2026, 10), 10, 0).stream()
                        .map(s -> s.id())
                        .toList());
        assertEquals(
                List.of(b.id()),
                store.publishedInMonth(YearMonth.of(2026, 10), 1, 1).stream()
                        .map(s -> s.id())
                        .toList());
        List<SitemapEntry> entries = reader.sitemapStories(YearMonth.of(2026, 10), 10, 0);
        // Dated in the site's zone, 13 hours ahead: the first of October UTC is already the first there.
        assertEquals("/2026/10/01/" + a.slug(), entries.getFirst().path());
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), entries.getFirst().lastModified());
    }

    @Test
    void newsIsWhatWasFirstPublishedWithinTheLastTwoDays() {
        Story old = publishAt("2026-11-17T12:00:00Z", "Three days old");
        publishAt("2026-11-18T11:59:59Z", "Just too old");
        Story fresh = publishAt("2026-11-18T12:00:01Z", "Just in time");
        Story newest = publishAt("2026-11-20T09:00:00Z", "This morning");
        // Republishing an old story today makes it no news.
        newsroom.clock.set(Instant.parse("2026-11-20T10:00:00Z"));
        Story down = stories.unpublish(Actor.SYSTEM, old.id(), old.revision());
        stories.publish(Actor.SYSTEM, down.id(), down.revision());
        newsroom.clock.set(Instant.parse("2026-11-20T12:00:00Z"));

        assertEquals(
                List.of(newest.id(), fresh.id()),
                reader.newsStories().stream().map(StoryView::id).toList());
        newsroom.clock.advance(Duration.ofHours(48));
        assertTrue(reader.newsStories().isEmpty());
    }

    @Test
    void topicsAndAuthorsAreListedOnlyWithLiveStoriesAndDatedByTheirLatest() {
        Story first = publishAt("2026-10-01T00:00:00Z", "First");
        var empty = newsroom.topic("empty", "Empty");
        var idle = newsroom.author("idle", "Idle Writer");
        newsroom.clock.set(Instant.parse("2026-10-05T00:00:00Z"));
        Story second = stories.createDraft(
                Actor.SYSTEM,
                newsroom.publishableDraft("Second")
                        .withTopic(first.draft().topicId())
                        .withAuthors(first.draft().authorIds()));
        stories.publish(Actor.SYSTEM, second.id(), second.revision());

        var topics = reader.sitemapTopics();
        assertFalse(topics.stream().anyMatch(e -> e.path().equals("/topics/" + empty.slug())));
        assertTrue(topics.contains(new SitemapEntry(
                "/topics/"
                        + newsroom.services
                                .topics()
                                .find(first.draft().topicId())
                                .orElseThrow()
                                .slug(),
                Instant.parse("2026-10-05T00:00:00Z"))));
        var authors = reader.sitemapAuthors();
        assertFalse(authors.stream().anyMatch(e -> e.path().equals("/authors/" + idle.slug())));
        assertTrue(authors.contains(new SitemapEntry(
                "/authors/"
                        + newsroom.services
                                .authors()
                                .find(first.draft().authorIds().getFirst())
                                .orElseThrow()
                                .slug(),
                Instant.parse("2026-10-05T00:00:00Z"))));
        assertEquals(List.of(new SitemapEntry("/", Instant.parse("2026-10-05T00:00:00Z"))), reader.sitemapPages());
    }

    @Test
    void anEmptySiteStillOffersItsHomePageUndated() {
        assertTrue(store.publishedMonths().isEmpty());
        SitemapEntry home = reader.sitemapPages().getFirst();
        assertEquals("/", home.path());
        assertNull(home.lastModified());
    }
}
