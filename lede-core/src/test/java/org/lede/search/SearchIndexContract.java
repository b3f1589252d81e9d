package org.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.common.ValidationException;
import org.lede.search.SearchQuery.Scope;
import org.lede.search.SearchQuery.Sort;

/**
 * What every {@link SearchIndex} adapter must do, whatever it stores its index in. An adapter's
 * test extends this and says how to open its index: {@link #open()} must open the same index
 * again after {@link SearchIndex#close()}.
 */
public abstract class SearchIndexContract {
    /** Recent enough that recency matters, fixed so that tests never depend on today. */
    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.DAYS);

    /**
     * What the index measures recency against: one instant for the whole test, so that a score
     * compared across two searches cannot move with the time between them (the PostgreSQL index
     * counts a document's age in seconds).
     */
    protected final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    protected SearchIndex index;

    /** Opens the adapter's index over this test's storage, measuring recency by {@link #clock}: empty the first time, the same index after a close. */
    protected abstract SearchIndex open();

    @BeforeEach
    void openIndex() {
        index = open();
    }

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    // --- fixtures ---------------------------------------------------------------------------

    /** A live news story dated {@code daysAgo} before {@link #NOW}. */
    protected static Doc story(String id, String headline) {
        return new Doc(id, headline);
    }

    protected static final class Doc {
        String id;
        SearchDocument.Type type = SearchDocument.Type.STORY;
        String headline;
        String dek;
        List<String> leadIns = List.of();
        String body = "";
        String topicId;
        String topicName;
        List<String> tags = List.of();
        List<String> authorIds = List.of();
        List<String> authorNames = List.of();
        String kind = "news";
        String status = "published";
        boolean live = true;
        String createdBy = "user-1";
        Instant date = NOW.minus(1, ChronoUnit.DAYS);

        Doc(String id, String headline) {
            this.id = id;
            this.headline = headline;
        }

        public Doc dek(String dek) {
            this.dek = dek;
            return this;
        }

        public Doc body(String body) {
            this.body = body;
            return this;
        }

        public Doc leadIns(String... labels) {
            this.leadIns = List.of(labels);
            return this;
        }

        public Doc topic(String id, String name) {
            this.topicId = id;
            this.topicName = name;
            return this;
        }

        public Doc tags(String... tags) {
            this.tags = List.of(tags);
            return this;
        }

        public Doc author(String id, String name) {
            this.authorIds = new ArrayList<>(authorIds);
            this.authorIds.add(id);
            this.authorNames = new ArrayList<>(authorNames);
            this.authorNames.add(name);
            return this;
        }

        public Doc kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Doc draft() {
            this.status = "draft";
            this.live = false;
            return this;
        }

        public Doc status(String status, boolean live) {
            this.status = status;
            this.live = live;
            return this;
        }

        public Doc createdBy(String user) {
            this.createdBy = user;
            return this;
        }

        public Doc daysAgo(long days) {
            this.date = NOW.minus(days, ChronoUnit.DAYS);
            return this;
        }

        public Doc on(Instant date) {
            this.date = date;
            return this;
        }

        public Doc dashboard() {
            this.type = SearchDocument.Type.DASHBOARD;
            this.kind = "dashboard";
            this.createdBy = null;
            return this;
        }

        public SearchDocument build() {
            return new SearchDocument(
                    id,
                    type,
                    headline,
                    dek,
                    leadIns,
                    body,
                    topicId,
                    topicName,
                    tags,
                    authorIds,
                    authorNames,
                    ProperNames.in(headline + "\n" + (dek == null ? "" : dek) + "\n" + body),
                    kind,
                    status,
                    live,
                    createdBy,
                    date);
        }
    }

    private long seq;

    /** Each document's words as last put, which a caller of {@link SearchIndex#similar} has at hand. */
    private final Map<String, SearchIndex.Words> words = new HashMap<>();

    protected void put(Doc... docs) {
        List<SearchDocument> built = new ArrayList<>();
        for (Doc d : docs) {
            SearchDocument document = d.build();
            built.add(document);
            words.put(document.id(), SearchIndex.Words.of(document));
        }
        index.apply(built, List.of(), ++seq);
    }

    /** {@link SearchIndex#similar} as Go deeper calls it, with the document's own words. */
    protected List<SearchIndex.Similar> similar(String id, int limit) {
        return index.similar(id, words.getOrDefault(id, new SearchIndex.Words(id, null, "")), limit);
    }

    protected void remove(String... ids) {
        index.apply(List.of(), List.of(ids), ++seq);
    }

    protected static SearchQuery readers(String text) {
        return SearchQuery.readers(text, 20);
    }

    protected static SearchQuery newsroom(String text) {
        return SearchQuery.newsroom(text, 20);
    }

    protected static SearchQuery query(
            String text,
            Scope scope,
            Set<String> topics,
            Set<String> authors,
            Set<String> kinds,
            Set<String> statuses,
            String createdBy,
            Instant from,
            Instant to,
            Sort sort,
            int limit) {
        return new SearchQuery(
                text, scope, topics, authors, kinds, statuses, createdBy, from, to, sort, null, limit, true);
    }

    protected List<String> ids(SearchQuery query) {
        return index.search(query).hits().stream().map(SearchResult.Hit::id).toList();
    }

    protected Set<String> idSet(SearchQuery query) {
        return new HashSet<>(ids(query));
    }

    private static Map<String, Long> asMap(List<SearchResult.Count> counts) {
        return counts.stream().collect(Collectors.toMap(SearchResult.Count::value, SearchResult.Count::count));
    }

    // --- writes -----------------------------------------------------------------------------

    @Test
    void anAppliedDocumentIsFoundAtOnceReplacedByIdAndGoneWhenRemoved() {
        put(story("s1", "Council votes to extend the tram line"));
        assertEquals(List.of("s1"), ids(readers("tram")));

        put(story("s1", "Council votes to extend the bus lane"));
        assertEquals(List.of(), ids(readers("tram")), "the replaced text no longer matches");
        assertEquals(List.of("s1"), ids(readers("bus")));
        assertEquals(1, index.search(readers("")).total(), "replaced, not added twice");

        remove("s1", "never-indexed");
        assertEquals(List.of(), ids(readers("bus")));
        assertEquals(0, index.search(readers("")).total());
    }

    @Test
    void appliedThroughMovesWithEachApplyAndSurvivesReopening() {
        assertEquals(0, index.appliedThrough());
        index.apply(List.of(story("s1", "Harbour bridge closes").build()), List.of(), 7);
        assertEquals(7, index.appliedThrough());
        index.apply(List.of(), List.of("nothing"), 12);
        assertEquals(12, index.appliedThrough());

        index.close();
        index = open();
        assertEquals(12, index.appliedThrough());
        assertEquals(List.of("s1"), ids(readers("harbour")), "the documents came back with their position");
    }

    @Test
    void aRebuildSwapsTheNewContentsInOnlyWhenItFinishes() {
        put(story("old", "Old harbour story"));
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(List.of(story("new1", "New harbour story").build()));
            rebuild.add(List.of(story("new2", "Another harbour story").build()));
            assertEquals(Set.of("old"), idSet(readers("harbour")), "searches see the old contents meanwhile");
            rebuild.finish(40);
        }
        assertEquals(Set.of("new1", "new2"), idSet(readers("harbour")));
        assertEquals(40, index.appliedThrough());
        assertEquals(2, index.stats().documents());

        index.close();
        index = open();
        assertEquals(Set.of("new1", "new2"), idSet(readers("harbour")), "the rebuilt contents are durable");
        assertEquals(40, index.appliedThrough());
    }

    @Test
    void aRebuiltDocumentIsFoundShownAndCountedAsAnAppliedOne() {
        List<SearchDocument> docs = List.of(
                story("t1", "Harbour \"deal\", signed; C:\\ports")
                        .dek("A dek, with \"quotes\"")
                        .body("First line, with a comma.\nSecond line \\ backslash \"quoted\" harbour.")
                        .topic("tp-1", "Ports")
                        .tags("trade", "sea")
                        .author("au-1", "A. Writer")
                        .author("au-2", "B. \"Nick\" Writer")
                        .kind("analysis")
                        .on(Instant.parse("2025-03-01T00:00:00Z"))
                        .build(),
                story("t2", "Harbour fees")
                        .on(Instant.parse("2024-03-01T00:00:00Z"))
                        .build());
        index.apply(docs, List.of(), 1);
        SearchQuery harbour = query(
                "harbour", Scope.READERS, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, Sort.RELEVANCE, 10);
        SearchResult applied = index.search(harbour);
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(docs);
            rebuild.finish(2);
        }
        SearchResult rebuilt = index.search(harbour);
        assertEquals(2, rebuilt.total());
        assertEquals(applied.hits(), rebuilt.hits());
        assertEquals(applied.counts(), rebuilt.counts());
        assertEquals(Map.of("au-1", 1L, "au-2", 1L), asMap(rebuilt.counts().authors()));
        assertEquals(
                "Harbour \"deal\", signed; C:\\ports",
                rebuilt.hits().stream()
                        .filter(hit -> hit.id().equals("t1"))
                        .flatMap(hit -> hit.headline().stream())
                        .map(SearchResult.Fragment::text)
                        .collect(Collectors.joining()));
    }

    @Test
    void aRebuildClosedUnfinishedLeavesTheOldContents() {
        put(story("old", "Old harbour story"));
        long before = index.appliedThrough();
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(List.of(story("new", "New harbour story").build()));
        }
        assertEquals(Set.of("old"), idSet(readers("harbour")));
        assertEquals(before, index.appliedThrough());
        index.apply(List.of(story("later", "Later harbour story").build()), List.of(), before + 1);
        assertEquals(Set.of("old", "later"), idSet(readers("harbour")), "the index still takes changes");

        index.close();
        index = open();
        assertEquals(Set.of("old", "later"), idSet(readers("harbour")));
    }

    @Test
    void statsCountTheDocumentsAndTheirBytes() {
        put(story("a", "One"), story("b", "Two"));
        SearchIndex.Stats stats = index.stats();
        assertEquals(2, stats.documents());
        assertTrue(stats.bytes() > 0);
    }

    // --- scope and filters ------------------------------------------------------------------

    @Test
    void readersNeverSeeDraftsWhileTheNewsroomSeesEveryStatus() {
        put(
                story("live", "Budget passes"),
                story("draft", "Budget draft").draft(),
                story("review", "Budget in review").status("in-review", false),
                story("gone", "Budget unpublished").status("unpublished", false),
                story("dash", "Budget dashboard").dashboard());
        assertEquals(Set.of("live", "dash"), idSet(readers("budget")));
        assertEquals(2, index.search(readers("budget")).total());
        assertEquals(Set.of("live", "dash"), idSet(readers("")), "not even a blank search shows drafts");
        SearchQuery draftsAsked = query(
                "budget",
                Scope.READERS,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of("draft"),
                "user-1",
                null,
                null,
                Sort.RELEVANCE,
                20);
        assertEquals(Set.of("live", "dash"), idSet(draftsAsked), "statuses and creator are ignored for readers");
        assertEquals(Set.of("live", "draft", "review", "gone", "dash"), idSet(newsroom("budget")));
    }

    @Test
    void theNewsroomFiltersByStatusAndCreator() {
        put(
                story("mine", "Ferry strike").draft().createdBy("writer-a"),
                story("theirs", "Ferry strike talks").draft().createdBy("writer-b"),
                story("live", "Ferry strike ends").createdBy("writer-a"));
        assertEquals(
                Set.of("mine", "live"),
                idSet(query(
                        "ferry",
                        Scope.NEWSROOM,
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        "writer-a",
                        null,
                        null,
                        Sort.RELEVANCE,
                        20)));
        assertEquals(
                Set.of("mine", "theirs"),
                idSet(query(
                        "ferry",
                        Scope.NEWSROOM,
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of("draft"),
                        null,
                        null,
                        null,
                        Sort.RELEVANCE,
                        20)));
        assertEquals(
                Set.of("theirs"),
                idSet(query(
                        "ferry",
                        Scope.NEWSROOM,
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of("published", "draft"),
                        "writer-b",
                        null,
                        null,
                        Sort.RELEVANCE,
                        20)));
    }

    @Test
    void everyFilterNarrowsAndSetsMatchAnyOfTheirValues() {
        put(
                story("a", "Flood warning")
                        .topic("t-weather", "Weather")
                        .author("au-1", "Ana Ruiz")
                        .kind("news")
                        .on(Instant.parse("2021-03-01T00:00:00Z")),
                story("b", "Flood defences explained")
                        .topic("t-city", "City")
                        .author("au-2", "Ben Ode")
                        .kind("explainer")
                        .on(Instant.parse("2023-06-01T00:00:00Z")),
                story("c", "Flood insurance")
                        .topic("t-city", "City")
                        .author("au-1", "Ana Ruiz")
                        .author("au-3", "Cy Lo")
                        .kind("opinion")
                        .on(Instant.parse("2025-01-01T00:00:00Z")),
                story("d", "Flood dashboard")
                        .dashboard()
                        .topic("t-weather", "Weather")
                        .on(Instant.parse("2025-02-01T00:00:00Z")));
        assertEquals(Set.of("b", "c"), idSet(filtered(Set.of("t-city"), Set.of(), Set.of(), null, null)));
        assertEquals(
                Set.of("a", "b", "c", "d"),
                idSet(filtered(Set.of("t-city", "t-weather"), Set.of(), Set.of(), null, null)));
        assertEquals(Set.of("a", "c"), idSet(filtered(Set.of(), Set.of("au-1"), Set.of(), null, null)));
        assertEquals(Set.of("c"), idSet(filtered(Set.of("t-city"), Set.of("au-1"), Set.of(), null, null)));
        assertEquals(
                Set.of("b", "d"), idSet(filtered(Set.of(), Set.of(), Set.of("explainer", "dashboard"), null, null)));
        assertEquals(
                Set.of("b", "c"),
                idSet(filtered(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Instant.parse("2023-06-01T00:00:00Z"),
                        Instant.parse("2025-02-01T00:00:00Z"))),
                "from is inclusive, to exclusive");
        assertEquals(Set.of(), idSet(filtered(Set.of("t-none"), Set.of(), Set.of(), null, null)));
    }

    private SearchQuery filtered(Set<String> topics, Set<String> authors, Set<String> kinds, Instant from, Instant to) {
        return query("flood", Scope.READERS, topics, authors, kinds, Set.of(), null, from, to, Sort.RELEVANCE, 20);
    }

    @Test
    void countsCoverEveryMatchWithTheFiltersApplied() {
        put(
                story("a", "Rail strike")
                        .topic("t1", "Transport")
                        .author("au-1", "A")
                        .kind("news")
                        .on(Instant.parse("2024-05-01T00:00:00Z")),
                story("b", "Rail strike ends")
                        .topic("t1", "Transport")
                        .author("au-1", "A")
                        .author("au-2", "B")
                        .kind("analysis")
                        .on(Instant.parse("2025-05-01T00:00:00Z")),
                story("c", "Rail fares")
                        .topic("t2", "Money")
                        .author("au-2", "B")
                        .kind("news")
                        .on(Instant.parse("2025-07-01T00:00:00Z")),
                story("d", "Rail draft")
                        .topic("t2", "Money")
                        .author("au-2", "B")
                        .draft(),
                story("e", "Road works").topic("t1", "Transport").author("au-1", "A"));
        SearchQuery all = query(
                "rail", Scope.READERS, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, Sort.RELEVANCE, 1);
        SearchResult result = index.search(all);
        assertEquals(3, result.total());
        assertTrue(result.exact());
        assertEquals(1, result.hits().size(), "counts are of every match, not the page");
        assertEquals(Map.of("t1", 2L, "t2", 1L), asMap(result.counts().topics()));
        assertEquals(Map.of("au-1", 2L, "au-2", 2L), asMap(result.counts().authors()));
        assertEquals(Map.of("news", 2L, "analysis", 1L), asMap(result.counts().kinds()));
        assertEquals(Map.of("2024", 1L, "2025", 2L), asMap(result.counts().years()));
        assertEquals("news", result.counts().kinds().getFirst().value(), "most first");

        SearchResult filtered = index.search(query(
                "rail",
                Scope.READERS,
                Set.of("t1"),
                Set.of(),
                Set.of(),
                Set.of(),
                null,
                null,
                null,
                Sort.RELEVANCE,
                10));
        assertEquals(Map.of("t1", 2L), asMap(filtered.counts().topics()));
        assertEquals(Map.of("au-1", 2L, "au-2", 1L), asMap(filtered.counts().authors()));

        assertEquals(SearchResult.Counts.NONE, index.search(newsroom("rail")).counts(), "only when asked");
    }

    @Test
    void aMatchWithoutTopicOrAuthorCountsInEveryOtherDimension() {
        put(
                story("a", "Tram museum").kind("news").on(Instant.parse("2024-05-01T00:00:00Z")),
                story("b", "Tram depot")
                        .topic("t1", "Transport")
                        .author("au-1", "A")
                        .kind("news")
                        .on(Instant.parse("2025-05-01T00:00:00Z")));
        SearchResult result = index.search(query(
                "tram", Scope.READERS, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, Sort.RELEVANCE, 10));
        assertEquals(2, result.total());
        assertEquals(Map.of("t1", 1L), asMap(result.counts().topics()));
        assertEquals(Map.of("au-1", 1L), asMap(result.counts().authors()));
        assertEquals(Map.of("news", 2L), asMap(result.counts().kinds()));
        assertEquals(Map.of("2024", 1L, "2025", 1L), asMap(result.counts().years()));
    }

    // --- order and paging -------------------------------------------------------------------

    @Test
    void newestFirstSortsByDateWhateverTheRelevance() {
        put(
                story("old", "Election election election").daysAgo(300),
                story("mid", "Election night").daysAgo(20),
                story("new", "Talk of the election").daysAgo(1));
        assertEquals(List.of("new", "mid", "old"), ids(readers("election").withSort(Sort.NEWEST)));
    }

    @Test
    void keysetPagingWalksEveryHitExactlyOnce() {
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            // Equal text and dates in groups of five: ties must break by id, never by chance.
            docs.add(story(String.format("p%03d", i), "Harbour report " + (i % 3 == 0 ? "harbour" : "tide"))
                    .daysAgo(i / 5));
        }
        put(docs.toArray(Doc[]::new));
        for (Sort sort : Sort.values()) {
            for (String text : List.of("harbour", "")) {
                SearchQuery first =
                        query(text, Scope.READERS, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, sort, 10);
                List<String> seen = new ArrayList<>();
                SearchResult page = index.search(first);
                int pages = 1;
                while (true) {
                    page.hits().forEach(h -> seen.add(h.id()));
                    assertEquals(57, page.total(), "the total is of every match on every page");
                    if (page.next() == null) {
                        break;
                    }
                    page = index.search(first.withAfter(page.next()));
                    pages++;
                }
                assertEquals(57, seen.size(), sort + " \"" + text + "\": " + seen);
                assertEquals(57, new HashSet<>(seen).size(), "no hit twice");
                assertEquals(6, pages);
            }
        }
    }

    @Test
    void aMalformedCursorIsAValidationErrorOnTheAfterField() {
        put(story("a", "Harbour"));
        for (String cursor : List.of("nonsense", "!!!", "AAAA", "cg", "x".repeat(500))) {
            ValidationException e = assertThrows(
                    ValidationException.class,
                    () -> index.search(readers("harbour").withAfter(cursor)),
                    cursor);
            assertEquals("after", e.field());
        }
        String next = index.search(SearchQuery.readers("", 1).withAfter(null)).next();
        assertNull(next, "one document, one page");
        put(story("b", "Harbour"));
        String relevance = index.search(SearchQuery.readers("harbour", 1)).next();
        assertNotNull(relevance);
        SearchQuery newest = query(
                "harbour", Scope.READERS, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, Sort.NEWEST, 1);
        assertThrows(
                ValidationException.class, () -> index.search(newest.withAfter(relevance)), "a cursor of another sort");
    }

    // --- text -------------------------------------------------------------------------------

    @Test
    void quotedPhrasesMatchTheirWordsInOrder() {
        put(
                story("phrase", "Minister says climate change is real"),
                story("apart", "Change of climate in the minister's office"));
        assertEquals(Set.of("phrase", "apart"), idSet(readers("climate change")));
        assertEquals(List.of("phrase"), ids(readers("\"climate change\"")));
        assertEquals(List.of("phrase"), ids(readers("“climate change”")), "curly quotes too");
        assertEquals(List.of("phrase"), ids(readers("\"climate change")), "an unclosed quote runs to the end");
    }

    @Test
    void aWordWithATypoStillMatchesButExactMatchesRankFirst() {
        put(
                story("rouhani", "Rouhani wins a second term").daysAgo(2),
                story("rohani", "Rohani family opens a bakery").daysAgo(2),
                story("other", "Election results in full").daysAgo(2));
        assertEquals(List.of("rohani", "rouhani"), ids(readers("Rohani")));
        assertEquals(List.of("rouhani", "rohani"), ids(readers("Rouhani")));
        assertEquals(List.of("other"), ids(readers("electoin")), "a transposition is one typo");
        put(story("long", "Parliamentary committee meets").daysAgo(2));
        assertEquals(List.of("long"), ids(readers("parlaimentery")), "two typos in a long word");
        assertEquals(List.of(), ids(readers("cat")), "short words must match as written");
        put(story("possessive", "Glenport's mayor resigns").daysAgo(2));
        assertEquals(List.of("possessive"), ids(readers("Glenprot")), "a typo of a word written with 's");
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() {
        put(story("a", "Elections held").body("Voters queued for hours."));
        assertEquals(List.of("a"), ids(readers("election")));
        assertEquals(List.of("a"), ids(readers("voter queue")));
    }

    @Test
    void aMatchInTheHeadlineOutranksOneInTheBody() {
        put(
                story("body", "Council meeting")
                        .body("The harbour was discussed at length by the council.")
                        .daysAgo(3),
                story("headline", "Harbour plans")
                        .body("The council met on Tuesday to discuss things at length.")
                        .daysAgo(3));
        assertEquals(List.of("headline", "body"), ids(readers("harbour")));
    }

    @Test
    void amongEqualMatchesTheNewerRanksFirst() {
        put(
                story("older", "Storm hits the coast").daysAgo(200),
                story("newer", "Storm hits the coast").daysAgo(2),
                story("middle", "Storm hits the coast").daysAgo(40));
        assertEquals(List.of("newer", "middle", "older"), ids(readers("storm coast")));
    }

    @Test
    void topicTagsAuthorsAndLeadInsAreSearchable() {
        put(
                story("t", "One").topic("t1", "Transport"),
                story("g", "Two").tags("wildfires"),
                story("a", "Three").author("au", "Ana Ruiz"),
                story("l", "Four").leadIns("Why it matters"));
        assertEquals(List.of("t"), ids(readers("transport")));
        assertEquals(List.of("g"), ids(readers("wildfire")));
        assertEquals(List.of("a"), ids(readers("ruiz")));
        assertEquals(List.of("l"), ids(readers("matters")));
    }

    @Test
    void fragmentsMarkTheMatchedWordsInTheHeadlineAndSnippet() {
        String filler = "Nothing happens in this sentence at all. ".repeat(20);
        put(story("a", "Tram line extended")
                .dek("The council voted.")
                .body(filler + "The new trams will run every five minutes. " + filler));
        SearchResult.Hit hit = index.search(readers("trams")).hits().getFirst();
        assertEquals(
                List.of(new SearchResult.Fragment("Tram", true), new SearchResult.Fragment(" line extended", false)),
                hit.headline());
        List<String> marked = hit.snippet().stream()
                .filter(SearchResult.Fragment::match)
                .map(SearchResult.Fragment::text)
                .toList();
        assertEquals(List.of("trams"), marked);
        String snippet = hit.snippet().stream().map(SearchResult.Fragment::text).collect(Collectors.joining());
        assertTrue(snippet.length() <= 260, snippet);
        assertTrue(snippet.contains("new trams will run"), snippet);

        SearchResult.Hit browse = index.search(readers("")).hits().getFirst();
        assertTrue(browse.headline().stream().noneMatch(SearchResult.Fragment::match));
        assertTrue(
                browse.snippet().getFirst().text().startsWith("The council voted."),
                "without matches the snippet is the dek's start");
    }

    @Test
    void aTypoIsMarkedWhereItMatched() {
        put(story("a", "Rouhani wins"));
        SearchResult.Hit hit = index.search(readers("Rohani")).hits().getFirst();
        assertEquals(new SearchResult.Fragment("Rouhani", true), hit.headline().getFirst());
    }

    @Test
    void whateverIsTypedTheSearchAnswers() {
        put(story("a", "AT&T buys C++ maker (really)").body("A 50% rise: \"quotes\" [brackets] {braces} ~tilde^"));
        List<String> absurd = List.of(
                "",
                "   ",
                "\"",
                "\"\"",
                "AND OR NOT",
                "title:foo",
                "*",
                "?",
                "foo~2",
                "a^3",
                "(unclosed",
                "[1 TO 2]",
                "{*}",
                "\\",
                "/regex/",
                "+-&&||!(){}[]^\"~*?:\\/",
                "C++",
                "AT&T",
                "💥🔥",
                "\u0000\u0001",
                "ä".repeat(5000),
                "word ".repeat(5000),
                "\"" + "phrase ".repeat(400),
                "the of and a",
                "x".repeat(SearchQuery.MAX_TEXT * 3));
        for (String text : absurd) {
            for (Sort sort : Sort.values()) {
                SearchResult result = index.search(
                        query(text, Scope.READERS, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, sort, 20));
                assertNotNull(result, text);
            }
        }
        assertEquals(List.of("a"), ids(readers("C++")));
        assertEquals(List.of("a"), ids(readers("(really)")));
        put(story("b", "Of mice and men"));
        assertEquals(List.of("b"), ids(readers("of and")), "stop words alone still search");
    }

    // --- similar ----------------------------------------------------------------------------

    @Test
    void similarFindsLiveDocumentsLikeThisOneButNeverItself() {
        List<Doc> docs = new ArrayList<>();
        docs.add(story("s", "Volcano erupts near village")
                .body("Lava flows toward the village as the volcano erupts;"
                        + " ash covers fields and villagers evacuate."));
        docs.add(story("like", "Villagers return after volcano")
                .body("The volcano calmed, lava cooled and villagers" + " came back to ash-covered fields."));
        docs.add(story("draft-like", "Volcano lava village draft")
                .body("Volcano lava villagers ash fields")
                .draft());
        docs.add(story("dash-like", "Volcano dashboard").dashboard().body("Lava\nVillagers\nAsh"));
        for (int i = 0; i < 30; i++) {
            docs.add(
                    story("f" + i, "Filler " + i + " about markets").body("Shares rose " + i + " percent in trading."));
        }
        put(docs.toArray(Doc[]::new));
        List<String> similar =
                similar("s", 10).stream().map(SearchIndex.Similar::id).toList();
        assertFalse(similar.contains("s"), "never itself");
        assertFalse(similar.contains("draft-like"), "never a draft");
        assertEquals("like", similar.getFirst(), similar.toString());
        assertTrue(similar.stream().noneMatch(id -> id.startsWith("f")), "unrelated filler stays out: " + similar);
        assertTrue(similar("s", 10).stream().allMatch(s -> s.score() > 0));
        assertEquals(List.of(), similar("draft-like", 10), "a draft has no similar documents");
        assertEquals(List.of(), similar("unknown", 10));
        assertEquals(1, similar("s", 1).size());
    }
}
