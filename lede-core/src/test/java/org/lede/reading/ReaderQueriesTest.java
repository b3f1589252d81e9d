package org.lede.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.author.Author;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.Paragraph;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.db.Dialect;
import org.lede.media.Media;
import org.lede.outbox.PageKeys;
import org.lede.page.SitePage;
import org.lede.page.SitePageService.Action;
import org.lede.page.SitePageService.SitePageCommand;
import org.lede.page.SitePageService.SitePageFields;
import org.lede.story.Correction;
import org.lede.story.PublishedCursor;
import org.lede.story.PublishedFilter;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryService;
import org.lede.story.UpdateKind;
import org.lede.testing.Newsroom;
import org.lede.topic.Topic;
import org.lede.user.Actor;

/** What readers see, built from published state only, on SQLite and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class ReaderQueriesTest {
    /** Thirteen hours ahead of UTC in November, so a story's dated address is a different day than in UTC. */
    static final SiteSettings SITE =
            new SiteSettings("Test Ledger", "News in brief.", "https://news.example", ZoneId.of("Pacific/Auckland"));

    static final Actor EDITOR = Actor.SYSTEM;

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    ReaderQueries reader;
    StoryService stories;
    Topic transit;
    Topic weather;
    Author ana;
    Author ben;
    Media tram;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        var s = newsroom.services;
        reader = s.readerQueries(SITE);
        stories = s.storyService();
        transit = newsroom.topic("transit", "Transit");
        weather = newsroom.topic("weather", "Weather");
        ana = newsroom.author("ana-ruiz", "Ana Ruiz");
        ben = newsroom.author("ben-okri", "Ben Okri");
        tram = newsroom.image("A tram crossing a bridge at dusk");
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    /** A publishable draft; Ana Ruiz writes it unless a byline is given. */
    private StoryDraft draft(String headline, Topic topic, List<String> tags, Author... byline) {
        List<Author> authors = byline.length == 0 ? List.of(ana) : List.of(byline);
        return new StoryDraft(
                headline,
                "Dek of " + headline + ".",
                null,
                topic.id(),
                tags,
                StoryKind.NEWS,
                authors.stream().map(Author::id).toList(),
                null,
                new ImageBlock(tram.id(), "The tram at dusk.", Credit.photo("Ana Ruiz", "Lede")),
                List.of(
                        Paragraph.of("Lede of " + headline + "."),
                        new LeadIn("Why it matters", Inline.plain("Because of " + headline + "."))));
    }

    private StoryDraft draft(String headline) {
        return draft(headline, transit, List.of("trams"));
    }

    /** Publishes a minute after whatever came before, so every story has its own time. */
    private Story publish(StoryDraft draft) {
        newsroom.clock.advance(Duration.ofMinutes(1));
        Story created = stories.createDraft(EDITOR, draft);
        return stories.publish(EDITOR, created.id(), created.revision());
    }

    private Story publish(String headline) {
        return publish(draft(headline));
    }

    private Dashboard dashboard(String slug, Topic topic, List<DashboardItem> items) {
        newsroom.clock.advance(Duration.ofMinutes(1));
        return newsroom.services
                .dashboardService()
                .create(
                        EDITOR,
                        new DashboardFields(
                                slug,
                                "Dashboard " + slug,
                                "About " + slug + ".",
                                topic == null ? null : topic.id(),
                                null,
                                items));
    }

    private static DashboardItem item(String label, DashboardEntry... entries) {
        return new DashboardItem(label, List.of(entries));
    }

    /** The headline of each story card and the title of each dashboard, in order. */
    private static List<String> titles(List<? extends StreamItem> items) {
        return items.stream()
                .map(i -> i instanceof StoryCard c ? c.headline() : ((DashboardView) i).title())
                .toList();
    }

    private static List<String> titles(StreamPage page) {
        return titles(page.items());
    }

    private static List<String> titles(StreamSlice page) {
        return titles(page.items());
    }

    /** One story in each state readers must never see, and one that is live. */
    private record States(Story live, Story draft, Story inReview, Story scheduled, Story unpublished) {
        List<Story> hidden() {
            return List.of(draft, inReview, scheduled, unpublished);
        }
    }

    private States everyState() {
        Story live = publish("Live story");
        Story draft = stories.createDraft(EDITOR, draft("Draft story"));
        Story created = stories.createDraft(EDITOR, draft("Story in review"));
        Story inReview = stories.submitForReview(EDITOR, created.id(), created.revision());
        created = stories.createDraft(EDITOR, draft("Scheduled story"));
        Story scheduled = stories.schedule(
                EDITOR,
                created.id(),
                created.revision(),
                newsroom.clock.instant().plus(Duration.ofHours(2)));
        Story wasLive = publish("Unpublished story");
        Story unpublished = stories.unpublish(EDITOR, wasLive.id(), wasLive.revision());
        return new States(live, draft, inReview, scheduled, unpublished);
    }

    @Test
    void storiesThatAreNotLiveHaveNoPage() {
        States states = everyState();
        for (Story hidden : states.hidden()) {
            assertTrue(reader.story(hidden.slug()).isEmpty(), hidden.headline());
            assertTrue(reader.storyPage(hidden.slug(), 5).isEmpty(), hidden.headline());
            assertTrue(reader.goDeeper(hidden.id(), 1, 5).isEmpty(), hidden.headline());
        }
        assertEquals(
                "Live story", reader.story(states.live().slug()).orElseThrow().headline());
        assertTrue(reader.storyPage(states.live().slug(), 5).isPresent());
        assertTrue(reader.story("no-such-story").isEmpty());
    }

    @Test
    void storiesThatAreNotLiveAppearInNoStream() {
        States states = everyState();
        List<String> live = List.of("Live story");
        assertEquals(live, titles(reader.latest(null)));
        assertEquals(live, titles(reader.topicStream(transit, null)));
        assertEquals(live, titles(reader.authorStream(ana, null)));
        assertEquals(live, titles(reader.topStories()));
        Story other = publish(draft("Another live story"));
        assertEquals(
                List.of("Another live story"),
                titles(reader.goDeeper(states.live().id(), 1, 10)));
        assertEquals(List.of("Live story"), titles(reader.goDeeper(other.id(), 1, 10)));
    }

    @Test
    void aScheduledStoryAppearsOnceItsTimeHasComeAndThePublisherRan() {
        Story created = stories.createDraft(EDITOR, draft("Night market opens"));
        stories.schedule(
                EDITOR,
                created.id(),
                created.revision(),
                newsroom.clock.instant().plus(Duration.ofHours(1)));
        newsroom.clock.advance(Duration.ofHours(2));
        assertTrue(reader.latest(null).isEmpty(), "due is not yet published");
        stories.publishDue();
        assertEquals(List.of("Night market opens"), titles(reader.latest(null)));
    }

    @Test
    void topStoriesAreTheEditorsChoiceOfLiveStoriesElseTheNewestThree() {
        Story a = publish("Story A");
        Story b = publish("Story B");
        Story c = publish("Story C");
        Story d = publish("Story D");
        assertEquals(List.of("Story D", "Story C", "Story B"), titles(reader.topStories()));
        stories.setTopStories(EDITOR, List.of(a.id(), c.id()));
        assertEquals(List.of("Story A", "Story C"), titles(reader.topStories()));
        stories.unpublish(EDITOR, c.id(), c.revision());
        assertEquals(List.of("Story A"), titles(reader.topStories()), "a chosen story taken down leaves the list");
        Story liveA = newsroom.services.stories().find(a.id()).orElseThrow();
        stories.unpublish(EDITOR, a.id(), liveA.revision());
        assertEquals(
                List.of(d.headline(), b.headline()), titles(reader.topStories()), "none left live: the newest lead");
    }

    @Test
    void theHomeStreamMergesStoriesAndDashboardsNewestFirstTenAPage() {
        List<String> expected = new ArrayList<>();
        Story first = null;
        for (int i = 0; i < 6; i++) {
            Story s = publish("Story " + i);
            first = first == null ? s : first;
            expected.addFirst("Story " + i);
        }
        dashboard("storm", null, List.of(item("Lead", DashboardEntry.story(first.id()))));
        expected.addFirst("Dashboard storm");
        for (int i = 6; i < 12; i++) {
            publish("Story " + i);
            expected.addFirst("Story " + i);
        }
        StreamSlice one = reader.latest(null);
        assertEquals(expected.subList(0, 10), titles(one));
        assertTrue(one.isFirst());
        assertTrue(one.hasMore());
        StreamSlice two = reader.latest(one.older());
        assertEquals(expected.subList(10, 13), titles(two));
        assertFalse(two.isFirst());
        assertFalse(two.hasMore());
        assertEquals(null, two.older());
    }

    @Test
    void aDashboardKeepsItsPlaceByTimeOnAnOlderPage() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            publish(draft("Story " + i, weather, List.of()));
            expected.addFirst("Story " + i);
        }
        dashboard("storm", transit, List.of(item("Lead", DashboardEntry.link("https://example.org", "Elsewhere"))));
        expected.addFirst("Dashboard storm");
        for (int i = 3; i < 14; i++) {
            publish(draft("Story " + i, transit, List.of()));
            expected.addFirst("Story " + i);
        }
        StreamSlice one = reader.latest(null);
        StreamSlice two = reader.latest(one.older());
        assertEquals(expected.subList(10, 15), titles(two), "the dashboard sits between the stories around it");
        StreamSlice topicTwo =
                reader.topicStream(transit, reader.topicStream(transit, null).older());
        assertEquals(List.of("Story 3", "Dashboard storm"), titles(topicTwo));
        assertFalse(topicTwo.hasMore());
    }

    @Test
    void anOlderPageNamesTheSameStoriesAfterANewOneIsPublished() {
        for (int i = 0; i < 15; i++) {
            publish("Story " + i);
        }
        StreamSlice two = reader.latest(reader.latest(null).older());
        publish("Story 15");
        publish("Story 16");
        assertEquals(titles(two), titles(reader.latest(two.after())), "a page by place does not shift by one");
        assertEquals(List.of("Story 4", "Story 3", "Story 2", "Story 1", "Story 0"), titles(two));
    }

    @Test
    void theListByBylineOrTagFollowsPublicationBylinesAndTagsAndPagesByFirstPublication() {
        Story a = publish(draft("First by Ben", transit, List.of("bridges"), ben));
        Story b = publish(draft("Second by Ben", weather, List.of("bridges", "storms"), ben));
        publish(draft("By Ana", transit, List.of("bridges")));
        stories.createDraft(EDITOR, draft("Draft by Ben", transit, List.of("bridges", "storms"), ben));
        PublishedFilter byBen = new PublishedFilter(null, ben.id(), null, null, null);
        PublishedFilter storms = new PublishedFilter(null, null, "storms", null, null);
        PublishedFilter bensBridges = new PublishedFilter(null, ben.id(), "bridges", null, null);
        assertEquals(List.of("Second by Ben", "First by Ben"), headlines(reader.published(byBen, null, 10)));
        assertEquals(List.of("Second by Ben"), headlines(reader.published(storms, null, 10)));
        assertEquals(List.of("Second by Ben", "First by Ben"), headlines(reader.published(bensBridges, null, 10)));
        List<StoryView> first = reader.published(byBen, null, 1);
        PublishedCursor after = new PublishedCursor(
                first.getFirst().publishedAt(), first.getFirst().id());
        assertEquals(List.of("First by Ben"), headlines(reader.published(byBen, after, 1)), "the next page");
        PublishedFilter bridges = new PublishedFilter(null, null, "bridges", null, null);
        List<StoryView> newest = reader.published(bridges, null, 1);
        assertEquals(List.of("By Ana"), headlines(newest));
        assertEquals(
                List.of("Second by Ben"),
                headlines(reader.published(
                        bridges,
                        new PublishedCursor(
                                newest.getFirst().publishedAt(),
                                newest.getFirst().id()),
                        1)),
                "a tag's list pages too");

        stories.unpublish(EDITOR, a.id(), a.revision());
        assertEquals(List.of("Second by Ben"), headlines(reader.published(byBen, null, 10)), "taken down");
        Story bNow = newsroom.services.stories().find(b.id()).orElseThrow();
        stories.update(
                EDITOR,
                b.id(),
                bNow.revision(),
                draft("Second by Ben", weather, List.of("bridges"), ana),
                UpdateKind.MINOR);
        assertEquals(List.of(), headlines(reader.published(byBen, null, 10)), "off the byline");
        assertEquals(List.of(), headlines(reader.published(storms, null, 10)), "off the tag");
        Story aNow = newsroom.services.stories().find(a.id()).orElseThrow();
        newsroom.clock.advance(Duration.ofMinutes(5));
        stories.publish(EDITOR, a.id(), aNow.revision());
        assertEquals(
                List.of("First by Ben"),
                headlines(reader.published(byBen, null, 10)),
                "back live, in the place of its first publication");
        assertEquals(
                List.of("By Ana", "Second by Ben", "First by Ben"),
                headlines(reader.published(bridges, null, 10)),
                "a republished story keeps its first publication's place");
    }

    private static List<String> headlines(List<StoryView> views) {
        return views.stream().map(StoryView::headline).toList();
    }

    @Test
    void anAuthorsStreamFollowsTheirBylinesAndTheStoriesGoingLiveOrNot() {
        Story a = publish(draft("First by Ben", transit, List.of(), ben));
        Story b = publish(draft("Second by Ben", transit, List.of(), ben));
        assertEquals(List.of("Second by Ben", "First by Ben"), titles(reader.authorStream(ben, null)));
        stories.unpublish(EDITOR, a.id(), a.revision());
        assertEquals(List.of("Second by Ben"), titles(reader.authorStream(ben, null)), "taken down, off the page");
        Story bNow = newsroom.services.stories().find(b.id()).orElseThrow();
        stories.update(EDITOR, b.id(), bNow.revision(), bNow.draft().withAuthors(List.of(ana.id())), UpdateKind.MINOR);
        assertTrue(reader.authorStream(ben, null).isEmpty(), "off the byline, off the page");
        assertEquals(List.of("Second by Ben"), titles(reader.authorStream(ana, null)));
        Story aNow = newsroom.services.stories().find(a.id()).orElseThrow();
        stories.publish(EDITOR, a.id(), aNow.revision());
        assertEquals(List.of("First by Ben"), titles(reader.authorStream(ben, null)), "back live, back on the page");
    }

    @Test
    void exactlyTenItemsMakeOnePageWithNoneAfterIt() {
        for (int i = 0; i < 9; i++) {
            publish("Story " + i);
        }
        dashboard("storm", null, List.of(item("Lead", DashboardEntry.link("https://example.org", "Elsewhere"))));
        assertEquals(10, reader.latest(null).items().size());
        assertFalse(reader.latest(null).hasMore());
        publish("Story 9");
        assertTrue(reader.latest(null).hasMore());
        assertEquals(10, reader.authorStream(ana, null).items().size());
        assertFalse(reader.authorStream(ana, null).hasMore(), "ten stories and no dashboards fill one page");
    }

    @Test
    void anAuthorsStreamHoldsTheStoriesOfTheirBylineNewestFirstTenAPage() {
        List<String> bens = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Author[] byline = i == 3 ? new Author[] {ana, ben} : new Author[] {ben};
            publish(draft("Ben " + i, transit, List.of(), byline));
            bens.addFirst("Ben " + i);
        }
        publish(draft("Ana alone", weather, List.of(), ana));
        dashboard("storm", transit, List.of(item("Lead", DashboardEntry.link("https://example.org", "Elsewhere"))));
        StreamSlice one = reader.authorStream(ben, null);
        assertEquals(bens.subList(0, 10), titles(one));
        assertTrue(one.hasMore());
        StreamSlice two = reader.authorStream(ben, one.older());
        assertEquals(List.of("Ben 0"), titles(two));
        assertFalse(two.hasMore());
        assertEquals(
                List.of("Ana alone", "Ben 3"), titles(reader.authorStream(ana, null)), "no dashboards on author pages");
    }

    @Test
    void aTopicsStreamHoldsItsOwnStoriesAndDashboardsNewestFirst() {
        publish(draft("Tram one", transit, List.of()));
        publish(draft("Rain one", weather, List.of("trams")));
        dashboard("tram-hub", transit, List.of(item("Lead", DashboardEntry.link("https://example.org/t", "Trams"))));
        dashboard("rain-hub", weather, List.of(item("Lead", DashboardEntry.link("https://example.org/r", "Rain"))));
        dashboard("no-topic", null, List.of(item("Lead", DashboardEntry.link("https://example.org/n", "None"))));
        publish(draft("Tram two", transit, List.of()));
        assertEquals(List.of("Tram two", "Dashboard tram-hub", "Tram one"), titles(reader.topicStream(transit, null)));
        assertEquals(List.of("Dashboard rain-hub", "Rain one"), titles(reader.topicStream(weather, null)));
        assertFalse(reader.topicStream(transit, null).hasMore());
        assertEquals(
                List.of(
                        "Tram two",
                        "Dashboard no-topic",
                        "Dashboard rain-hub",
                        "Dashboard tram-hub",
                        "Rain one",
                        "Tram one"),
                titles(reader.latest(null)));
    }

    @Test
    void topicsAndAuthorsAreFoundBySlug() {
        assertEquals(newsroom.services.topics().all(), reader.topics());
        assertEquals(transit, reader.topic("transit").orElseThrow());
        assertTrue(reader.topic("sport").isEmpty());
        assertEquals(
                new AuthorView(ana, "/authors/ana-ruiz", null),
                reader.author("ana-ruiz").orElseThrow());
        assertTrue(reader.author("nobody").isEmpty());
        assertEquals(SITE, reader.site());
        assertEquals(newsroom.clock.instant(), reader.now());
    }

    @Test
    void aStoryPageShowsEveryFieldResolved() {
        Media depot = newsroom.image("The tram depot from above");
        ImageBlock bodyImage = new ImageBlock(depot.id(), "Inside the depot.", Credit.illustration("Lee Park", null));
        List<Block> body = List.of(
                Paragraph.of("The council voted on Tuesday."),
                bodyImage,
                new LeadIn("Why it matters", Inline.plain("Two districts gain a line.")));
        StoryDraft draft = new StoryDraft(
                "Council extends the tram line",
                "A one-sentence dek.",
                "tram-line",
                transit.id(),
                List.of("trams", "budget"),
                StoryKind.ANALYSIS,
                List.of(ben.id(), ana.id()),
                null,
                new ImageBlock(tram.id(), "The tram at dusk.", Credit.photo("Ana Ruiz", "Lede")),
                body);
        Story live = publish(draft);

        StoryView view = reader.story("tram-line").orElseThrow();
        assertEquals(live.id(), view.id());
        assertEquals("/2026/11/21/tram-line", view.url(), "dated in the site's zone, not in UTC");
        assertEquals("Council extends the tram line", view.headline());
        assertEquals("A one-sentence dek.", view.dek());
        assertEquals(transit, view.topic());
        assertEquals(List.of(ben, ana), view.authors(), "the byline's order");
        assertEquals(
                body.stream()
                        .map(b -> b == bodyImage ? bodyImage.withAlt(depot.alt()) : b)
                        .toList(),
                view.body(),
                "images keep the alt text they had when the story was saved");
        assertEquals(List.of("trams", "budget"), view.tags());
        assertEquals("analysis", view.kind());
        assertEquals(live.publishAt(), view.publishedAt());
        assertEquals(live.publishAt(), view.modifiedAt());
        assertEquals(live.publishAt(), view.shownAt());
        assertFalse(view.updated());
        assertEquals(live.updatedAt(), view.savedAt());
        assertEquals(List.of(), view.corrections());
        assertNull(view.bioLine(), "staff bylines need no closing line");

        Figure hero = view.hero();
        assertEquals("A tram crossing a bridge at dusk", hero.alt());
        assertEquals("The tram at dusk.", hero.caption());
        assertEquals("Photo: Ana Ruiz/Lede", hero.credit());
        assertEquals("Ana Ruiz/Lede", hero.creditText());
        assertEquals(64, hero.width());
        assertEquals(48, hero.height());
        assertEquals("/media/" + tram.id() + "/64.png", hero.src());

        Figure inBody = view.figure(bodyImage);
        assertEquals("The tram depot from above", inBody.alt());
        assertEquals("Inside the depot.", inBody.caption());
        assertEquals("Illustration: Lee Park", inBody.credit());
        assertEquals("Lee Park", inBody.creditText());
        assertNull(view.figures().get(depot.id()).caption(), "the media alone carries no caption");
        assertNull(view.figure(new ImageBlock("01JB0000000000000000000000", null, null)));
    }

    @Test
    void theStoryPageIsTheViewWithTheFirstPageOfGoDeeper() {
        Story live = publish("Tram line");
        publish("Tram depot");
        publish("Tram fares");
        publish("Tram drivers");
        ReaderQueries.StoryPage page = reader.storyPage(live.slug(), 2).orElseThrow();
        assertEquals(reader.story(live.slug()).orElseThrow(), page.story());
        assertEquals(reader.goDeeper(live.id(), 1, 2), page.deeper());
        // Alike in every other part, the stories published nearest the story's own time come first.
        assertEquals(List.of("Tram depot", "Tram fares"), titles(page.deeper()));
        assertTrue(page.deeper().hasMore());
    }

    @Test
    void onlyASubstantiveUpdateShowsAsUpdated() {
        Story live = publish("Bridge closes");
        newsroom.clock.advance(Duration.ofHours(1));
        Story typo = stories.update(
                EDITOR, live.id(), live.revision(), live.draft().withHeadline("Bridge closes early"), UpdateKind.MINOR);
        StoryView afterTypo = reader.story(live.slug()).orElseThrow();
        assertEquals("Bridge closes early", afterTypo.headline());
        assertFalse(afterTypo.updated());
        assertEquals(live.publishAt(), afterTypo.shownAt());
        assertEquals(live.publishAt(), afterTypo.modifiedAt());
        assertEquals(typo.updatedAt(), afterTypo.savedAt(), "validators still change with a typo fix");
        StoryCard typoCard = (StoryCard) reader.latest(null).items().getFirst();
        assertFalse(typoCard.updated());
        assertEquals(live.publishAt(), typoCard.shownAt());

        newsroom.clock.advance(Duration.ofHours(1));
        Story news = stories.update(
                EDITOR,
                live.id(),
                typo.revision(),
                typo.draft().withBody(List.of(Paragraph.of("The bridge stays closed until March."))),
                UpdateKind.SUBSTANTIVE);
        StoryView afterNews = reader.story(live.slug()).orElseThrow();
        assertTrue(afterNews.updated());
        assertEquals(news.substantiveAt(), afterNews.shownAt());
        assertEquals(news.substantiveAt(), afterNews.modifiedAt());
        assertEquals(live.publishAt(), afterNews.publishedAt());
        StoryCard newsCard = (StoryCard) reader.latest(null).items().getFirst();
        assertTrue(newsCard.updated());
        assertEquals(news.substantiveAt(), newsCard.shownAt());
    }

    @Test
    void aStoryPublishedAgainKeepsTheDateOfItsFirstPublication() {
        Story live = publish("Pier reopens");
        Story off = stories.unpublish(EDITOR, live.id(), live.revision());
        newsroom.clock.advance(Duration.ofDays(3));
        stories.publish(EDITOR, off.id(), off.revision());
        assertEquals(
                "/2026/11/21/pier-reopens",
                reader.story("pier-reopens").orElseThrow().url());
    }

    @Test
    void correctionsAreShownInTheOrderTheyWereMade() {
        Story live = publish("Dam inspection");
        newsroom.clock.advance(Duration.ofHours(1));
        Story once = stories.addCorrection(EDITOR, live.id(), live.revision(), "The dam is 40 m high, not 14 m.");
        Instant firstAt = newsroom.clock.instant();
        newsroom.clock.advance(Duration.ofHours(1));
        stories.addCorrection(EDITOR, live.id(), once.revision(), "The inspection was in May.");
        assertEquals(
                List.of(
                        new Correction(firstAt, "The dam is 40 m high, not 14 m."),
                        new Correction(newsroom.clock.instant(), "The inspection was in May.")),
                reader.story(live.slug()).orElseThrow().corrections());
    }

    @Test
    void theBioLineIsTheStorysOwnNoteElseItsContributorsBios() {
        Author jane = newsroom.services
                .authorService()
                .create(
                        EDITOR,
                        new AuthorFields(
                                "jane-roe", "Jane Roe", null, "Jane Roe directs the harbor trust.", null, true));
        Author lee = newsroom.services
                .authorService()
                .create(
                        EDITOR,
                        new AuthorFields(
                                "lee-park", "Lee Park", null, "Lee Park teaches civil engineering.", null, true));
        Author quiet = newsroom.services
                .authorService()
                .create(EDITOR, new AuthorFields("no-bio", "No Bio", null, null, null, true));
        Story both = publish(draft("Two contributors", transit, List.of(), ana, lee, quiet, jane));
        assertEquals(
                "Lee Park teaches civil engineering. Jane Roe directs the harbor trust.",
                reader.story(both.slug()).orElseThrow().bioLine(),
                "contributors only, in byline order");
        StoryDraft noted = draft("With a note", transit, List.of(), jane);
        noted = new StoryDraft(
                noted.headline(),
                noted.dek(),
                null,
                noted.topicId(),
                noted.tags(),
                noted.kind(),
                noted.authorIds(),
                "Jane Roe wrote this for the harbor trust.",
                noted.hero(),
                noted.body());
        Story withNote = publish(noted);
        assertEquals(
                "Jane Roe wrote this for the harbor trust.",
                reader.story(withNote.slug()).orElseThrow().bioLine());
    }

    @Test
    void aStoryCardShowsItsLedeAndItsFirstWhyItMatters() {
        Media depot = newsroom.image("The depot");
        StoryDraft draft = draft("Depot opens")
                .withBody(List.of(
                        new ImageBlock(depot.id(), null, Credit.photo("Lee Park", null)),
                        Paragraph.of("The depot opened on Monday."),
                        new LeadIn("The big picture", Inline.plain("Trams need somewhere to sleep.")),
                        new LeadIn("why it matters", Inline.plain("More trams can run at night.")),
                        new LeadIn("Why it matters", Inline.plain("A second one is never shown."))));
        Story live = publish(draft);
        StoryCard card = (StoryCard) reader.latest(null).items().getFirst();
        assertEquals("/2026/11/21/" + live.slug(), card.url());
        assertEquals("Depot opens", card.headline());
        assertEquals(transit, card.topic());
        assertEquals("The tram at dusk.", card.image().caption());
        assertEquals("A tram crossing a bridge at dusk", card.image().alt());
        assertEquals(Inline.plain("The depot opened on Monday."), card.lede(), "an image before the lede is skipped");
        assertEquals(new LeadIn("why it matters", Inline.plain("More trams can run at night.")), card.whyItMatters());
        assertEquals(live.publishAt(), card.shownAt());

        publish(draft("Lead-in first")
                .withBody(List.of(
                        new LeadIn("Driving the news", Inline.plain("A strike.")), Paragraph.of("Not the lede."))));
        StoryCard noLede = (StoryCard) reader.latest(null).items().getFirst();
        assertNull(noLede.lede(), "a lede is the opening paragraph, not one after a lead-in");
        assertNull(noLede.whyItMatters());
    }

    @Test
    void aSearchResultsCardIsTheHeadingOfALiveStoryReadWithoutItsBody() {
        States states = everyState();
        Story live = states.live();
        newsroom.clock.advance(Duration.ofHours(1));
        Story news = stories.update(
                EDITOR,
                live.id(),
                live.revision(),
                live.draft().withHeadline("Live story, updated"),
                UpdateKind.SUBSTANTIVE);
        StoryDraft weatherDraft = draft("Weather turns", weather, List.of());
        Story plain = publish(new StoryDraft(
                weatherDraft.headline(),
                weatherDraft.dek(),
                null,
                weather.id(),
                List.of(),
                StoryKind.ANALYSIS,
                weatherDraft.authorIds(),
                null,
                weatherDraft.hero(),
                weatherDraft.body()));
        Dashboard board = dashboard("storm", weather, List.of(item("Roads", DashboardEntry.story(plain.id()))));
        List<String> ids = new ArrayList<>(List.of(live.id(), plain.id(), "unknown"));
        states.hidden().forEach(s -> ids.add(s.id()));

        Map<String, ReaderQueries.FoundCard> found = reader.liveCards(ids, List.of(board.id()));

        assertEquals(Set.of(live.id(), plain.id(), board.id()), found.keySet(), "only what readers may see");
        ReaderQueries.FoundCard updated = found.get(live.id());
        StoryCard card = (StoryCard) updated.card();
        assertEquals(Urls.story(live.firstPublishedAt(), live.slug(), SITE.zone()), card.url());
        assertEquals("Live story, updated", card.headline());
        assertEquals(transit, card.topic());
        assertTrue(card.updated());
        assertEquals(news.substantiveAt(), card.shownAt());
        assertEquals("news", updated.kind());
        assertEquals(live.firstPublishedAt(), updated.published());
        assertNull(card.image(), "a result shows the index's snippet, not the card's image or lede");
        assertNull(card.lede());

        ReaderQueries.FoundCard first = found.get(plain.id());
        StoryCard plainCard = (StoryCard) first.card();
        assertFalse(plainCard.updated());
        assertEquals(plain.publishAt(), plainCard.shownAt());
        assertEquals(weather, plainCard.topic());
        assertEquals("analysis", first.kind());
        assertEquals("dashboard", found.get(board.id()).kind());
        assertEquals(Map.of(), reader.liveCards(List.of(), List.of()));
    }

    @Test
    void aDashboardShowsItsLiveEntriesInOrderAndDropsEmptyItems() {
        Story a = publish("Storm makes landfall");
        Story b = publish("Ferries cancelled");
        Story hidden = stories.createDraft(EDITOR, draft("Not yet live"));
        Story gone = publish("Taken down");
        gone = stories.unpublish(EDITOR, gone.id(), gone.revision());
        Media map = newsroom.image("A storm track over the bay");
        newsroom.clock.advance(Duration.ofMinutes(1));
        Dashboard storm = newsroom.services
                .dashboardService()
                .create(
                        EDITOR,
                        new DashboardFields(
                                "storm",
                                "Storm dashboard",
                                "Everything on the storm.",
                                transit.id(),
                                new ImageBlock(map.id(), "The track.", Credit.illustration("Lee Park", "Lede")),
                                List.of(
                                        item(
                                                "Latest",
                                                DashboardEntry.story(b.id()),
                                                new DashboardEntry(a.id(), null, "Landfall at dawn"),
                                                DashboardEntry.link("https://example.org/radar", "Radar")),
                                        item(
                                                "Coming",
                                                DashboardEntry.story(hidden.id()),
                                                DashboardEntry.story(gone.id())),
                                        item(
                                                "Help",
                                                DashboardEntry.story(hidden.id()),
                                                DashboardEntry.link("https://example.org/help", "Shelters")))));

        DashboardView view = reader.dashboard("storm").orElseThrow();
        assertEquals("/dashboards/storm", view.url());
        assertEquals("Storm dashboard", view.title());
        assertEquals("Everything on the storm.", view.intro());
        assertEquals(transit, view.topic());
        assertEquals(storm.updatedAt(), view.updatedAt());
        assertEquals(storm.updatedAt(), view.shownAt());
        assertEquals("The track.", view.illustration().caption());
        assertEquals("Illustration: Lee Park/Lede", view.illustration().credit());
        assertEquals(
                List.of(
                        new DashboardView.Item(
                                "Latest",
                                List.of(
                                        new DashboardView.Link("Ferries cancelled", "/2026/11/21/" + b.slug(), b.id()),
                                        new DashboardView.Link("Landfall at dawn", "/2026/11/21/" + a.slug(), a.id()),
                                        new DashboardView.Link("Radar", "https://example.org/radar", null))),
                        new DashboardView.Item(
                                "Help", List.of(new DashboardView.Link("Shelters", "https://example.org/help", null)))),
                view.items());
        assertTrue(view.items().getFirst().links().getLast().external());
        assertFalse(view.items().getFirst().links().getFirst().external());
        assertTrue(reader.dashboard("flood").isEmpty());
        assertTrue(reader.dashboard("Storm").isEmpty());
    }

    @Test
    void goDeeperListsLivePinsInOrderThenRelatedCoverage() {
        Story sameTopic = publish(draft("Same topic, older", transit, List.of("budget")));
        Dashboard topicHub =
                dashboard("tram-hub", transit, List.of(item("Lead", DashboardEntry.story(sameTopic.id()))));
        dashboard("rain-hub", weather, List.of(item("Lead", DashboardEntry.link("https://example.org/r", "Rain"))));
        Story sharedTag = publish(draft("Shared tag, newer", weather, List.of("trams")));
        publish(draft("Unrelated", weather, List.of("ferries")));
        Story notLive = stories.createDraft(EDITOR, draft("Same topic, draft", transit, List.of("trams")));
        Story pinnedStory = publish(draft("Pinned, otherwise unrelated", weather, List.of("ferries")));
        Dashboard pinnedHub =
                dashboard("pinned-hub", null, List.of(item("Lead", DashboardEntry.story(sameTopic.id()))));
        Story pinnedThenGone = publish(draft("Pinned, then taken down", weather, List.of("ferries")));
        stories.unpublish(EDITOR, pinnedThenGone.id(), pinnedThenGone.revision());
        Story story = publish(draft("The story", transit, List.of("trams")));
        stories.pin(
                EDITOR,
                story.id(),
                story.revision(),
                List.of(pinnedStory.id(), pinnedThenGone.id(), notLive.id(), pinnedHub.id(), sameTopic.id()));

        List<String> expected = List.of(
                "Pinned, otherwise unrelated",
                "Dashboard pinned-hub",
                "Same topic, older",
                "Shared tag, newer",
                "Dashboard tram-hub");
        assertEquals(expected, titles(reader.goDeeper(story.id(), 1, 10)));
        assertFalse(reader.goDeeper(story.id(), 1, 10).hasMore());
        StreamPage one = reader.goDeeper(story.id(), 1, 2);
        assertEquals(expected.subList(0, 2), titles(one));
        assertTrue(one.hasMore());
        StreamPage two = reader.goDeeper(story.id(), 2, 2);
        assertEquals(expected.subList(2, 4), titles(two));
        assertEquals(2, two.number());
        assertTrue(two.hasMore());
        StreamPage three = reader.goDeeper(story.id(), 3, 2);
        assertEquals(expected.subList(4, 5), titles(three));
        assertFalse(three.hasMore());
        assertEquals("/dashboards/tram-hub", three.items().getFirst().url());
        assertEquals(topicHub.updatedAt(), three.items().getFirst().shownAt());
        assertTrue(reader.goDeeper("01JB0000000000000000000000", 1, 5).isEmpty());
    }

    @Test
    void aPreviewShowsAnUnsavedDraftAsItsPageWouldWithoutPublishingIt() {
        StoryView preview = reader.preview(draft("Preview me"));
        assertEquals("/2026/11/21/preview", preview.url());
        assertEquals("Preview me", preview.headline());
        assertEquals(transit, preview.topic());
        assertEquals(List.of(ana), preview.authors());
        assertEquals("The tram at dusk.", preview.hero().caption());
        assertEquals(newsroom.clock.instant(), preview.publishedAt());
        assertFalse(preview.updated());
        assertEquals(
                "/2026/11/21/my-own-slug",
                reader.preview(draft("Preview me").withSlug("my-own-slug")).url());
        assertTrue(reader.latest(null).isEmpty());
        assertTrue(reader.story("preview").isEmpty());
        assertEquals(0, newsroom.services.stories().count());
    }

    @Test
    void aPreviewOfAHeroStillWaitingForItsImageShowsNoHero() {
        StoryDraft waiting = draft("Caption first")
                .withHero(ImageBlock.awaitingImage("The quay at dawn.", Credit.photo("Ana Ruiz", "Lede")))
                .withBody(List.of(Paragraph.of("Only words so far.")));

        StoryView preview = reader.preview(waiting);

        assertNull(preview.hero(), "a caption without its image has nothing to show yet");
        assertEquals("Caption first", preview.headline());
    }

    /** The page keys of every event since {@code seq}, as a server's page cache reads them. */
    private Set<String> keysAfter(long seq) {
        Set<String> keys = new HashSet<>();
        newsroom.services.outbox().after(seq, 1_000).forEach(e -> keys.addAll(e.pageKeys()));
        return keys;
    }

    @Test
    void keptChromeIsReadAgainOnlyAfterAnEventThatNamesEveryPage() {
        Story story = publish("Night trams return");
        ReaderQueries kept = reader.keepingChrome();
        assertEquals("Transit", storyTopic(kept, story));
        assertEquals(List.of(), kept.publishedPages());

        long before = newsroom.services.outbox().lastSeq();
        newsroom.services
                .topicService()
                .update(EDITOR, new Topic(transit.id(), "transit", "Trams", null, transit.position()));
        newsroom.services
                .sitePageService()
                .create(
                        EDITOR,
                        new SitePageCommand(
                                new SitePageFields("about", "About us", List.of(Paragraph.of("Who we are.")), 1),
                                Action.PUBLISH));

        assertEquals("Trams", storyTopic(reader, story), "queries that keep nothing read every page anew");
        assertEquals(List.of("Trams", "Weather"), topicNames(reader));
        assertEquals("Transit", storyTopic(kept, story), "kept until told");
        assertEquals(List.of("Transit", "Weather"), topicNames(kept));
        assertEquals(List.of(), kept.publishedPages());

        kept.forget(Set.of("story:" + story.id(), "home"));
        assertEquals(
                List.of("Transit", "Weather"), topicNames(kept), "keys that name some pages leave the chrome kept");

        Set<String> keys = keysAfter(before);
        assertTrue(keys.contains(PageKeys.ALL), "a topic's new name and a new footer link name every page");
        kept.forget(keys);
        assertEquals("Trams", storyTopic(kept, story));
        assertEquals(List.of("Trams", "Weather"), topicNames(kept));
        assertEquals(
                List.of("About us"),
                kept.publishedPages().stream().map(PageLink::title).toList());

        SitePage about = newsroom.services.sitePages().findBySlug("about").orElseThrow();
        newsroom.clock.advance(Duration.ofHours(1));
        newsroom.services
                .sitePageService()
                .apply(
                        EDITOR,
                        about.id(),
                        about.revision(),
                        new SitePageCommand(
                                new SitePageFields("about", "About us", List.of(Paragraph.of("Who we are now.")), 1),
                                Action.PUBLISH));
        Instant edited =
                newsroom.services.sitePages().findBySlug("about").orElseThrow().updatedAt();
        assertTrue(edited.isAfter(about.updatedAt()));
        assertEquals(
                edited,
                kept.sitemapPages().stream()
                        .filter(e -> e.path().equals("/about"))
                        .findFirst()
                        .orElseThrow()
                        .lastModified(),
                "a new text names no other page, and the sitemap still gives the page's new date");
    }

    private static String storyTopic(ReaderQueries queries, Story story) {
        return queries.storyPage(story.slug(), 5).orElseThrow().story().topic().name();
    }

    private static List<String> topicNames(ReaderQueries queries) {
        return queries.topics().stream().map(Topic::name).toList();
    }
}
