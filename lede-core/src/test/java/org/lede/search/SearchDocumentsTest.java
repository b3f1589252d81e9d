package org.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.author.Author;
import org.lede.content.Credit;
import org.lede.content.Embed;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Span;
import org.lede.content.Subhead;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService;
import org.lede.db.Dialect;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.testing.Newsroom;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.user.Role;

/** Documents built from stored stories and dashboards, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class SearchDocumentsTest {
    static final Actor EDITOR = new Actor("editor-1", Role.EDITOR);

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    SearchDocuments documents;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        documents = newsroom.services.search().documents();
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    @Test
    void aStoryIsEveryBlocksTextWithItsLabelsApartAndItsNamesResolved() {
        Topic topic = newsroom.topic("iran", "Iran");
        Author first = newsroom.author("ana-ruiz", "Ana Ruiz");
        Author second = newsroom.author("ben-ode", "Ben Ode");
        Media image = newsroom.image("Crowds in a square");
        StoryDraft draft = new StoryDraft(
                "Rouhani wins a second term",
                "Voters in Tehran backed the president.",
                null,
                topic.id(),
                List.of("elections", "middle-east"),
                StoryKind.ANALYSIS,
                List.of(second.id(), first.id()),
                null,
                new ImageBlock(image.id(), "Supporters in Tehran.", Credit.photo("Ana Ruiz", "Lede")),
                List.of(
                        Paragraph.of("Hassan Rouhani won with 57 percent."),
                        new LeadIn("Why it matters", Inline.plain("The deal may survive.")),
                        new ListBlock(false, List.of(ListItem.of("Turnout was high"), ListItem.of("Lines were long"))),
                        new Quote(Inline.plain("We voted for hope."), "A voter in Isfahan"),
                        new Subhead("What comes next"),
                        new ImageBlock(image.id(), "Counting the ballots.", Credit.photo("Ana Ruiz", "Lede")),
                        new Embed("https://example.com/video")));
        Story story = newsroom.services.storyService().createDraft(EDITOR, draft);
        newsroom.clock.advance(Duration.ofMinutes(5));
        story = newsroom.services.storyService().publish(EDITOR, story.id(), story.revision());
        newsroom.clock.advance(Duration.ofMinutes(5));

        SearchDocument doc = documents.stories(List.of(story.id()), true).getFirst();
        assertEquals(story.id(), doc.id());
        assertEquals(SearchIndex.Words.of(doc), SearchDocuments.words(story));
        assertEquals(SearchDocument.Type.STORY, doc.type());
        assertEquals("Rouhani wins a second term", doc.headline());
        assertEquals("Voters in Tehran backed the president.", doc.dek());
        assertEquals(List.of("Why it matters"), doc.leadIns());
        assertEquals(
                String.join(
                        "\n",
                        "Supporters in Tehran.",
                        "Hassan Rouhani won with 57 percent.",
                        "The deal may survive.",
                        "Turnout was high\nLines were long",
                        "We voted for hope. (A voter in Isfahan)",
                        "What comes next",
                        "Counting the ballots."),
                doc.body());
        assertEquals(topic.id(), doc.topicId());
        assertEquals("Iran", doc.topicName());
        assertEquals(List.of("elections", "middle-east"), doc.tags());
        assertEquals(List.of(second.id(), first.id()), doc.authorIds());
        assertEquals(List.of("Ben Ode", "Ana Ruiz"), doc.authorNames(), "in byline order");
        assertTrue(doc.names().contains("Hassan Rouhani"), doc.names().toString());
        assertTrue(doc.names().contains("Tehran"), doc.names().toString());
        assertEquals("analysis", doc.kind());
        assertEquals("published", doc.status());
        assertTrue(doc.live());
        assertEquals(EDITOR.userId(), doc.createdBy());
        assertEquals(story.firstPublishedAt(), doc.date(), "dated by its first publication");

        SearchDocument unnamed = documents.stories(List.of(story.id()), false).getFirst();
        assertEquals(List.of(), unnamed.names(), "for an index that reads no names, none are looked for");
        assertEquals(
                new SearchDocument(
                        doc.id(),
                        doc.type(),
                        doc.headline(),
                        doc.dek(),
                        doc.leadIns(),
                        doc.body(),
                        doc.topicId(),
                        doc.topicName(),
                        doc.tags(),
                        doc.authorIds(),
                        doc.authorNames(),
                        List.of(),
                        doc.kind(),
                        doc.status(),
                        doc.live(),
                        doc.createdBy(),
                        doc.date()),
                unnamed,
                "the rest is the same");
    }

    /**
     * Documents are read from the rows without building stories; they must say what the stories
     * built from the same rows say, for every block type, whatever whitespace and control
     * characters the stored spans hold (stored text is normalized again when read).
     */
    @Test
    void aDocumentSaysWhatTheStoryBuiltFromTheSameRowsSays() {
        Topic topic = newsroom.topic("weather", "Weather");
        Author author = newsroom.author("ana-ruiz", "Ana Ruiz");
        Media image = newsroom.image("Rain");
        StoryDraft draft = new StoryDraft(
                "Storm\u2009front reaches the coast",
                null,
                null,
                topic.id(),
                List.of("storms", "coast"),
                StoryKind.EXPLAINER,
                List.of(author.id()),
                null,
                ImageBlock.awaitingImage("Waves at Glenport.", null),
                List.of(
                        new Paragraph(Inline.of(
                                Span.plain("Wind "),
                                Span.bold("gusts"),
                                Span.plain(" of "),
                                Span.link("90 km/h", "https://example.com/wind"),
                                Span.italic(" were measured."))),
                        new LeadIn("Between the lines", Inline.plain("The warning came late.")),
                        new ListBlock(
                                true,
                                List.of(
                                        new ListItem("North", Inline.plain("Roads closed")),
                                        ListItem.of("Schools shut"))),
                        new Quote(Inline.plain("Stay indoors."), null),
                        new Quote(Inline.plain("It was loud."), "A fisherman"),
                        new Subhead("Further reading"),
                        new ImageBlock(image.id(), null, Credit.photo("Ana Ruiz", null)),
                        new ImageBlock(image.id(), "Sandbags on the pier.", Credit.photo("Ana Ruiz", null)),
                        new Embed("https://example.com/radar"),
                        Paragraph.of("Placeholder")));
        Story story = newsroom.services.storyService().createDraft(EDITOR, draft);
        // Stored text as no save writes it, but as an import or an older version may have: runs of
        // spaces, a tab, a line break, a control character and blanks at the ends of the spans.
        newsroom.services
                .db()
                .handle(h -> h.execute(
                        "UPDATE story_blocks SET data = ? WHERE story_id = ? AND position = 9",
                        "{\"text\": [{\"text\": \"  Boats\\tstayed \\u0007in  \"}, {\"text\": \" port\\nall\","
                                + " \"bold\": true}, {\"text\": \"\\u2009day. \", \"italic\": true}], \"extra\": [1, {}]}",
                        story.id()));

        Story stored = newsroom.services.stories().find(story.id()).orElseThrow();
        SearchDocument doc = documents.stories(List.of(story.id()), true).getFirst();
        assertEquals(expected(stored, "Weather", List.of("Ana Ruiz")), doc);
        assertEquals(SearchIndex.Words.of(doc), SearchDocuments.words(stored), "Go deeper's words are the index's");
        assertTrue(doc.body().contains("Boats stayed in port all\u2009day."), doc.body());
    }

    /** The document as built from a whole story, its body as Go deeper builds it from the blocks' own plain text. */
    private static SearchDocument expected(Story story, String topicName, List<String> authorNames) {
        StoryDraft draft = story.draft();
        List<String> leadIns = draft.body().stream()
                .filter(LeadIn.class::isInstance)
                .map(block -> ((LeadIn) block).label())
                .toList();
        String body = SearchDocuments.words(story).body();
        return new SearchDocument(
                story.id(),
                SearchDocument.Type.STORY,
                draft.headline(),
                draft.dek(),
                leadIns,
                body,
                draft.topicId(),
                topicName,
                draft.tags(),
                draft.authorIds(),
                authorNames,
                ProperNames.in(draft.headline() + "\n" + (draft.dek() == null ? "" : draft.dek() + "\n") + body),
                draft.kind().key(),
                story.status().key(),
                story.isLive(),
                story.createdBy(),
                story.firstPublishedAt() != null ? story.firstPublishedAt() : story.updatedAt());
    }

    @Test
    void aDraftIsNotLiveAndIsDatedByItsLastSave() {
        Story story = newsroom.services.storyService().createDraft(EDITOR, StoryDraft.of("Draft", List.of()));
        newsroom.clock.advance(Duration.ofHours(1));
        story = newsroom.services
                .storyService()
                .edit(EDITOR, story.id(), story.revision(), story.draft().withHeadline("Draft again"));
        SearchDocument doc = documents.stories(List.of(story.id()), true).getFirst();
        assertFalse(doc.live());
        assertEquals("draft", doc.status());
        assertEquals(story.updatedAt(), doc.date());
        assertNull(doc.topicId());
        assertNull(doc.topicName());
        assertEquals("", doc.body());
    }

    @Test
    void aBatchKeepsTheOrderGivenAndLeavesOutUnknownIds() {
        String a = newsroom.services
                .storyService()
                .createDraft(EDITOR, StoryDraft.of("A", List.of()))
                .id();
        String b = newsroom.services
                .storyService()
                .createDraft(EDITOR, StoryDraft.of("B", List.of()))
                .id();
        assertEquals(
                List.of(b, a),
                documents.stories(List.of(b, "01ARZ3NDEKTSV4RRFFQ69G5FAV", a), true).stream()
                        .map(SearchDocument::id)
                        .toList());
        assertEquals(List.of(), documents.stories(List.of(), true));
        assertEquals(List.of(), documents.dashboards(List.of("01ARZ3NDEKTSV4RRFFQ69G5FAV"), true));
    }

    @Test
    void aDashboardIsItsTitleIntroAndItemLabelsAndAlwaysLive() {
        Topic topic = newsroom.topic("weather", "Weather");
        Story story = newsroom.services.storyService().createDraft(EDITOR, StoryDraft.of("Storm", List.of()));
        Dashboard dashboard = newsroom.services
                .dashboardService()
                .create(
                        EDITOR,
                        new DashboardService.DashboardFields(
                                "storm",
                                "Storm dashboard",
                                "Everything about the storm.",
                                topic.id(),
                                null,
                                List.of(
                                        new DashboardItem("Power cuts", List.of(DashboardEntry.story(story.id()))),
                                        new DashboardItem(
                                                "Floods",
                                                List.of(DashboardEntry.link("https://example.com/", "Flood map"))))));
        SearchDocument doc = documents.dashboards(List.of(dashboard.id()), true).getFirst();
        assertEquals(SearchDocument.Type.DASHBOARD, doc.type());
        assertEquals("Storm dashboard", doc.headline());
        assertEquals("Everything about the storm.", doc.dek());
        assertEquals("Power cuts\nFloods", doc.body());
        assertEquals("Weather", doc.topicName());
        assertEquals("dashboard", doc.kind());
        assertEquals("published", doc.status());
        assertTrue(doc.live());
        assertNull(doc.createdBy());
        assertEquals(dashboard.updatedAt(), doc.date());
    }
}
