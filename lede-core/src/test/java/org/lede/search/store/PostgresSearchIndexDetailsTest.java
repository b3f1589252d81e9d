package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.common.ValidationException;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.search.SearchDocument;
import org.lede.search.SearchIndex;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.search.SearchResult.Count;
import org.lede.search.SearchResult.Fragment;
import org.lede.search.SearchResult.Hit;
import org.lede.testing.TestDatabases;

/** What the PostgreSQL adapter does beyond the contract: its ranked window, exact-count bound, vocabulary and marks. */
class PostgresSearchIndexDetailsTest {
    static final Instant NOW = Instant.now();
    /** No words: this index reads each document's own from its table, whatever the caller passes. */
    static final SearchIndex.Words OWN_WORDS = new SearchIndex.Words("", null, "");

    @TempDir
    Path dir;

    Database db;
    PostgresSearchIndex index;

    @BeforeEach
    void open() {
        db = TestDatabases.open(Dialect.POSTGRESQL, dir);
        index = new PostgresSearchIndex(db, Clock.systemUTC(), 6, PostgresSearchIndex.WORDS_KEPT);
    }

    @AfterEach
    void close() {
        index.close();
        db.close();
    }

    static SearchDocument story(String id, String headline, String body) {
        return doc(id, headline, body, "politics", List.of("a1"), "news", true, NOW.minus(Duration.ofDays(1)));
    }

    static SearchDocument doc(
            String id,
            String headline,
            String body,
            String topic,
            List<String> authors,
            String kind,
            boolean live,
            Instant date) {
        return PostgresSearchFixture.doc(id, headline, "A dek for " + id, body, topic, authors, kind, live, date);
    }

    /** V18's expressions, which computed the vectors from the stored columns until V28. */
    private static final String V18_SEARCH = "setweight(to_tsvector('english'::regconfig, headline), 'A') "
            + "|| setweight(to_tsvector('english'::regconfig, coalesce(dek, '') || E'\\n' || lead_ins), 'B') "
            + "|| setweight(to_tsvector('english'::regconfig, body || E'\\n' || coalesce(topic_name, '') || E'\\n' "
            + "|| tags || E'\\n' || author_names), 'C') || setweight(to_tsvector('english'::regconfig, names), 'D')";

    private long vectorsUnlikeV18() {
        return db.handle(h -> h.createQuery("SELECT count(*) FROM search_documents d WHERE " + DocumentRows.VECTOR
                        + " IS DISTINCT FROM ("
                        + V18_SEARCH + ") OR title_words IS DISTINCT FROM to_tsvector('simple'::regconfig, headline)")
                .mapTo(Long.class)
                .one());
    }

    @Test
    void theLastOfAnIdAppliedTwiceInOneBatchStands() {
        index.apply(
                List.of(story("s1", "Ferry fares rise", "First text"), story("s1", "Tram fares fall", "Second text")),
                List.of(),
                1);
        assertEquals(List.of(), ids(readers("ferry")));
        assertEquals(List.of("s1"), ids(readers("tram")));
    }

    @Test
    void storedVectorsAreWhatPostgresqlMakesOfTheColumnsWhetherMadeHereOrThere() {
        SearchDocument full = new SearchDocument(
                "full",
                SearchDocument.Type.STORY,
                "Council's right-to-repair law passes 38,700 to 12",
                "Why the vote matters",
                List.of("The big picture:", "Why it matters:"),
                "Zoë Ünal’s plan — “déjà vu” — runs again. Running runners ran.",
                "politics",
                "Politics & Policy",
                List.of("repair", "city hall"),
                List.of("a1"),
                List.of("Ada Lovelace"),
                List.of("Zoë Ünal", "Port Averill"),
                "news",
                "published",
                true,
                "writer-1",
                NOW);
        // Abbreviations, decimals and addresses are left to PostgreSQL's parser, text by text.
        SearchDocument mixed = PostgresSearchFixture.doc(
                "mixed",
                "U.S. officials weigh COVID-19 rules",
                null,
                "A 3.5% rise in cases, said desk@example.com, and the plain words of a sentence.",
                null,
                List.of(),
                "analysis",
                false,
                NOW);
        index.apply(List.of(full, mixed), List.of(), 1);
        assertEquals(0, vectorsUnlikeV18());
        assertEquals(List.of("full"), ids(readers("runner")));
        assertEquals(List.of("full"), ids(readers("\"right to repair\"")));
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(List.of(full, mixed));
            rebuild.finish(2);
        }
        assertEquals(0, vectorsUnlikeV18());
        assertEquals(List.of("full"), ids(readers("Ünal")));
    }

    private List<String> ids(SearchResult result) {
        return result.hits().stream().map(Hit::id).toList();
    }

    private SearchResult readers(String text) {
        return index.search(SearchQuery.readers(text, 10));
    }

    private static SearchQuery filtered(String text, SearchQuery.Sort sort, Set<String> topics, Set<String> kinds) {
        return PostgresSearchFixture.readers(text, sort, topics, kinds);
    }

    @Test
    void applyStoresDocumentsAndThePositionTogether() {
        assertEquals(0, index.appliedThrough());
        index.apply(List.of(story("s1", "Budget vote delayed", "The council delayed the budget vote.")), List.of(), 7);
        assertEquals(7, index.appliedThrough());
        assertEquals(List.of("s1"), ids(readers("budget")));
        index.apply(List.of(), List.of("s1", "unknown"), 9);
        assertEquals(9, index.appliedThrough());
        assertEquals(List.of(), ids(readers("budget")));
        assertEquals(0, index.stats().documents());
    }

    @Test
    void readersSeeLiveDocumentsOnlyAndTheNewsroomSeesDrafts() {
        index.apply(
                List.of(
                        story("live", "Harbour plan approved", "Text."),
                        doc("draft", "Harbour plan leaked", "Text.", null, List.of(), "news", false, NOW)),
                List.of(),
                1);
        assertEquals(List.of("live"), ids(readers("harbour")));
        assertEquals(Set.of("live", "draft"), Set.copyOf(ids(index.search(SearchQuery.newsroom("harbour", 10)))));
    }

    @Test
    void aMisspelledWordFindsItsNearSpellingButExactMatchesRankFirst() {
        index.apply(
                List.of(
                        story("rouhani", "Rouhani meets envoys", "President Rouhani met envoys."),
                        story("rohani", "Rohani family bakery", "The bakery of the Rohani family.")),
                List.of(),
                1);
        assertEquals(List.of("rohani", "rouhani"), ids(readers("Rohani")));
        assertEquals(List.of("rouhani", "rohani"), ids(readers("rouhani")));
        assertEquals(List.of(), ids(readers("Xyzzyq")));
    }

    @Test
    void aPhraseMatchesItsWordsInOrderOnly() {
        index.apply(
                List.of(
                        story("inorder", "Port news", "The new harbour master started today."),
                        story("apart", "Port news", "The master of the new harbour spoke.")),
                List.of(),
                1);
        assertEquals(List.of("inorder"), ids(readers("\"harbour master\"")));
        assertEquals(2, readers("harbour master").hits().size());
    }

    @Test
    void aHeadlineMatchOutranksABodyMatch() {
        index.apply(
                List.of(
                        story("body", "City news", "Residents talked about the tramway all day."),
                        story("headline", "Tramway opens", "Residents rode it all day.")),
                List.of(),
                1);
        assertEquals(List.of("headline", "body"), ids(readers("tramway")));
    }

    @Test
    void aRecentMatchOutranksAnOldOneOfTheSameText() {
        index.apply(
                List.of(
                        doc(
                                "old",
                                "Flood warning",
                                "Rivers rise.",
                                "weather",
                                List.of("a1"),
                                "news",
                                true,
                                NOW.minus(Duration.ofDays(3650))),
                        doc(
                                "new",
                                "Flood warning",
                                "Rivers rise.",
                                "weather",
                                List.of("a1"),
                                "news",
                                true,
                                NOW.minus(Duration.ofDays(2)))),
                List.of(),
                1);
        assertEquals(List.of("new", "old"), ids(readers("flood")));
    }

    @Test
    void hitsMarkTheMatchedWordsInHeadlineAndSnippet() {
        index.apply(
                List.of(
                        story("body", "Budget vote delayed", "The council delayed the budget vote again."),
                        story("headline", "Budget cuts", "The council met.")),
                List.of(),
                1);
        List<Hit> hits = readers("budget").hits();
        Hit body = hits.stream().filter(h -> h.id().equals("body")).findFirst().orElseThrow();
        assertEquals(List.of(new Fragment("Budget", true), new Fragment(" vote delayed", false)), body.headline());
        assertTrue(
                body.snippet().contains(new Fragment("budget", true)),
                body.snippet().toString());
        Hit headline =
                hits.stream().filter(h -> h.id().equals("headline")).findFirst().orElseThrow();
        assertTrue(
                headline.snippet().stream().noneMatch(Fragment::match),
                headline.snippet().toString());
        assertTrue(
                headline.snippet().getFirst().text().startsWith("A dek for headline"),
                headline.snippet().toString());
    }

    @Test
    void theWordsMarkedAreEverySpellingTheSearchLookedFor() {
        index.apply(
                List.of(
                        story(
                                "talks",
                                "Rouhani talks of the elections",
                                "Rouhani's envoys said the elected council voted."),
                        story("mice", "Of mice and men", "A story of mice.")),
                List.of(),
                1);
        Hit talks = readers("rohani elections").hits().getFirst();
        assertEquals(
                List.of(
                        new Fragment("Rouhani", true),
                        new Fragment(" talks of the ", false),
                        new Fragment("elections", true)),
                talks.headline());
        assertEquals(
                List.of("Rouhani", "elected"),
                talks.snippet().stream()
                        .filter(Fragment::match)
                        .map(Fragment::text)
                        .toList(),
                "a near-spelling's words and every word of a lexeme are marked: " + talks.snippet());
        Hit mice = readers("of and").hits().getFirst();
        assertEquals(
                List.of(
                        new Fragment("Of", true),
                        new Fragment(" mice ", false),
                        new Fragment("and", true),
                        new Fragment(" men", false)),
                mice.headline(),
                "stop words alone mark the headline's words as written");
    }

    @Test
    void aDocumentHoldingNulIsStoredWithoutIt() {
        index.apply(List.of(story("nul", "Harbor\u0000 plan", "The harbor\u0000 board met.")), List.of(), 1);
        Hit hit = readers("harbor").hits().getFirst();
        assertEquals(List.of(new Fragment("Harbor", true), new Fragment(" plan", false)), hit.headline());
        assertTrue(
                hit.snippet().stream().noneMatch(f -> f.text().indexOf('\0') >= 0),
                hit.snippet().toString());
    }

    @Test
    void blankAbsurdAndVeryLongTextNeverFail() {
        index.apply(List.of(story("s1", "Budget vote", "Text.")), List.of(), 1);
        assertEquals(List.of("s1"), ids(readers("")));
        assertEquals(List.of("s1"), ids(readers("!!! ((( ''' \\ & | : * <-> ")));
        assertEquals(List.of(), ids(readers("the")));
        assertEquals(List.of("s1"), ids(readers("\"")));
        assertEquals(List.of(), ids(readers("budget:* & !vote | 'x")));
        assertEquals(List.of("s1"), ids(readers("budget " + "x".repeat(5000))));
        assertEquals(List.of(), ids(readers("\u0000\uE000budget\uE001 ünïcödé 数据")));
    }

    @Test
    void filtersNarrowAndCountsCountTheWholeFilteredMatchSet() {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            docs.add(doc(
                    "s" + i,
                    "Election night " + i,
                    "Votes counted.",
                    i < 4 ? "politics" : "local",
                    i % 2 == 0 ? List.of("a1", "a2") : List.of("a2"),
                    i == 5 ? "analysis" : "news",
                    true,
                    Instant.parse("202" + (i % 3) + "-05-01T10:00:00Z")));
        }
        docs.add(doc("other", "Weather", "Sun.", "politics", List.of("a1"), "news", true, NOW));
        index.apply(docs, List.of(), 1);

        SearchResult all = readers("election");
        assertEquals(6, all.total());
        assertTrue(all.exact());
        assertEquals(
                List.of(new Count("politics", 4), new Count("local", 2)),
                all.counts().topics());
        assertEquals(
                List.of(new Count("a2", 6), new Count("a1", 3)), all.counts().authors());
        assertEquals(
                List.of(new Count("news", 5), new Count("analysis", 1)),
                all.counts().kinds());
        assertEquals(
                List.of(new Count("2020", 2), new Count("2021", 2), new Count("2022", 2)),
                all.counts().years());

        SearchResult local = index.search(filtered("election", SearchQuery.Sort.RELEVANCE, Set.of("local"), Set.of()));
        assertEquals(Set.of("s4", "s5"), Set.copyOf(ids(local)));
        assertEquals(List.of(new Count("local", 2)), local.counts().topics());
        assertEquals(
                List.of(new Count("analysis", 1), new Count("news", 1)),
                local.counts().kinds());

        SearchQuery dated = new SearchQuery(
                "election",
                SearchQuery.Scope.READERS,
                Set.of(),
                Set.of("a1"),
                Set.of(),
                Set.of(),
                null,
                Instant.parse("2021-01-01T00:00:00Z"),
                Instant.parse("2022-05-01T10:00:00Z"),
                SearchQuery.Sort.NEWEST,
                null,
                10,
                false);
        assertEquals(List.of("s4"), ids(index.search(dated)));
        SearchQuery a2 = new SearchQuery(
                "election",
                SearchQuery.Scope.READERS,
                Set.of(),
                Set.of("a2"),
                Set.of(),
                Set.of(),
                null,
                Instant.parse("2021-01-01T00:00:00Z"),
                Instant.parse("2022-05-01T10:00:00Z"),
                SearchQuery.Sort.NEWEST,
                null,
                10,
                false);
        assertEquals(Set.of("s1", "s4"), Set.copyOf(ids(index.search(a2))));
    }

    @Test
    void newestSortsByDate() {
        index.apply(
                List.of(
                        doc(
                                "old",
                                "Tramway",
                                "Tramway tramway tramway.",
                                "t",
                                List.of(),
                                "news",
                                true,
                                Instant.parse("2020-01-01T00:00:00Z")),
                        doc(
                                "new",
                                "Bus",
                                "A tramway.",
                                "t",
                                List.of(),
                                "news",
                                true,
                                Instant.parse("2024-01-01T00:00:00Z"))),
                List.of(),
                1);
        assertEquals(
                List.of("new", "old"),
                ids(index.search(filtered("tramway", SearchQuery.Sort.NEWEST, Set.of(), Set.of()))));
    }

    @Test
    void pagesWalkEveryMatchOnceAcrossBlocks() {
        // Blocks of 64: the matches spread over three.
        List<SearchDocument> docs = IntStream.range(0, 150)
                .mapToObj(i -> doc(
                        "s" + i,
                        i % 4 == 0 ? "Ferry strike" : "Port news " + i,
                        "The ferry strike went on." + " ferry".repeat(i % 3),
                        "t",
                        List.of(),
                        "news",
                        true,
                        NOW.minus(Duration.ofDays(i))))
                .toList();
        index.apply(docs, List.of(), 1);
        for (SearchQuery.Sort sort : SearchQuery.Sort.values()) {
            for (String text : List.of("ferry", "")) {
                List<String> seen = new ArrayList<>();
                SearchQuery query = new SearchQuery(
                        text,
                        SearchQuery.Scope.READERS,
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        null,
                        null,
                        null,
                        sort,
                        null,
                        7,
                        false);
                SearchResult page = index.search(query);
                seen.addAll(ids(page));
                while (page.next() != null) {
                    page = index.search(query.withAfter(page.next()));
                    assertFalse(page.hits().isEmpty(), "a cursor is only given when a page follows");
                    seen.addAll(ids(page));
                }
                assertEquals(150, seen.size(), sort + " " + text + ": " + seen);
                assertEquals(150, new HashSet<>(seen).size(), sort + " " + text + ": " + seen);
            }
        }
        // The headline matches come first, the newest of them first, from whichever block.
        assertEquals(List.of("s0", "s4", "s8", "s12", "s16", "s20", "s24", "s28", "s32", "s36"), ids(readers("ferry")));
    }

    @Test
    void aPhraseWithManyCandidatesIsCheckedOnTheBestAndEstimatedFromASample() {
        List<SearchDocument> docs = IntStream.range(0, 400)
                .mapToObj(i -> story(
                        "s" + i,
                        "Story " + i,
                        holdsThePhrase(i) ? "The budget vote was held." : "A vote on the budget was held."))
                .toList();
        index.apply(docs, List.of(), 1);
        SearchQuery query = SearchQuery.readers("\"budget vote\"", 6);
        SearchResult first = index.search(query);
        assertFalse(first.exact());
        Set<String> holding = IntStream.range(0, 400)
                .filter(PostgresSearchIndexDetailsTest::holdsThePhrase)
                .mapToObj(i -> "s" + i)
                .collect(java.util.stream.Collectors.toSet());
        // A sample of 60 from 400: within a factor of three.
        assertTrue(
                first.total() >= holding.size() / 3 && first.total() <= holding.size() * 3,
                "estimated " + first.total() + " of " + holding.size());
        Set<String> seen = new HashSet<>(ids(first));
        SearchResult page = first;
        while (page.next() != null) {
            page = index.search(query.withAfter(page.next()));
            seen.addAll(ids(page));
        }
        assertEquals(holding, seen);
        String one = holding.iterator().next();
        SearchResult exact = readers("\"budget vote\" story " + one.substring(1));
        assertTrue(exact.exact());
        assertEquals(List.of(one), ids(exact));
    }

    /** About one story in twenty, in no pattern an even sample could fall in step with. */
    private static boolean holdsThePhrase(int i) {
        return Math.floorMod(Long.hashCode(i * 0x9E3779B97F4A7C15L), 20) == 0;
    }

    @Test
    void aMalformedCursorIsAValidationError() {
        index.apply(List.of(story("s1", "Budget", "Text.")), List.of(), 1);
        for (String bad :
                List.of("nonsense!", "bm9uc2Vuc2U", "MXwxLjB8fHMx", "MXx4fDIwMjAtMDEtMDFUMDA6MDA6MDAuMDAwWnxzMQ")) {
            assertThrows(
                    ValidationException.class,
                    () -> index.search(SearchQuery.readers("budget", 5).withAfter(bad)),
                    bad);
        }
    }

    @Test
    void totalsAreExactAtAnySize() {
        List<SearchDocument> docs = IntStream.range(0, (int) SearchResult.EXACT_UP_TO + 5)
                .mapToObj(i -> story("s" + i, "Common word", "Text " + i))
                .toList();
        for (int from = 0; from < docs.size(); from += 2000) {
            index.apply(docs.subList(from, Math.min(docs.size(), from + 2000)), List.of(), from + 1);
        }
        SearchResult result = readers("common");
        assertTrue(result.exact());
        assertEquals(docs.size(), result.total());
        SearchResult few = readers("text 17");
        assertTrue(few.exact());
        assertEquals(1, few.total());
    }

    @Test
    void theStatementsOfASearchReadByIndex() {
        List<SearchDocument> docs = new ArrayList<>(List.of(
                story("s1", "Budget vote delayed", "The council delayed the budget vote."),
                story("s2", "Harbor plan", "The budget of the harbor.")));
        IntStream.range(0, 400).forEach(i -> docs.add(story("o" + i, "Ferry timetable " + i, "Boats run late.")));
        index.apply(docs, List.of(), 1);
        db.handle(h -> h.execute("ANALYZE"));
        List<String> plans = index.plans(SearchQuery.readers("budget", 10));
        assertEquals(2, plans.size());
        assertTrue(plans.get(0).contains("search_postings_pkey"), plans.get(0));
        assertTrue(plans.get(1).contains("search_documents_ordinal"), plans.get(1));
        plans.forEach(plan -> assertFalse(plan.contains("Seq Scan"), plan));
        assertEquals(2, readers("budget").total());
    }

    @Test
    void aRebuildWritesTheSameBlocksAsApplies() {
        List<SearchDocument> docs = new ArrayList<>();
        IntStream.range(0, 500)
                .forEach(i -> docs.add(doc(
                        "o" + i,
                        "Ferry timetable " + i,
                        i % 3 == 0 ? "Boats run late." : "The council met.",
                        i % 2 == 0 ? "politics" : "world",
                        List.of("a" + (i % 5)),
                        i % 7 == 0 ? "opinion" : "news",
                        i % 11 != 0,
                        NOW.minus(Duration.ofHours(i)))));
        for (int from = 0; from < docs.size(); from += 64) {
            index.apply(docs.subList(from, Math.min(docs.size(), from + 64)), List.of(), from + 1);
        }
        List<SearchResult> applied = probes();
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            for (int from = 0; from < docs.size(); from += 37) {
                rebuild.add(docs.subList(from, Math.min(docs.size(), from + 37)));
            }
            rebuild.finish(3);
        }
        List<SearchResult> rebuilt = probes();
        for (int i = 0; i < applied.size(); i++) {
            assertEquals(applied.get(i).total(), rebuilt.get(i).total(), "probe " + i);
            assertEquals(applied.get(i).counts(), rebuilt.get(i).counts(), "probe " + i);
            assertEquals(ids(applied.get(i)), ids(rebuilt.get(i)), "probe " + i);
        }
        assertEquals(454, applied.get(0).total(), "the live ferries");
        // A rebuild leaves each lexeme's rows together, in the key's order, where a search reads them at once.
        List<String> stored =
                db.handle(h -> h.createQuery("SELECT lexeme || ':' || block FROM search_postings ORDER BY ctid")
                        .mapTo(String.class)
                        .list());
        List<String> keyed = db.handle(
                h -> h.createQuery("SELECT lexeme || ':' || block FROM search_postings ORDER BY lexeme, block")
                        .mapTo(String.class)
                        .list());
        assertTrue(keyed.equals(stored), "the rows lie in the key's order");
        assertTrue(
                keyed.stream()
                                .map(k -> k.substring(k.lastIndexOf(':')))
                                .distinct()
                                .count()
                        > 5,
                "several blocks");
        int ordinals = db.handle(h -> h.createQuery("SELECT count(DISTINCT ordinal) FROM search_documents")
                .mapTo(Integer.class)
                .one());
        assertEquals(500, ordinals);
    }

    @Test
    void thePostingsHoldWhatEachDocumentsStoredVectorsHoldWhetherAppliedOrRebuilt() {
        List<SearchDocument> docs = new ArrayList<>();
        IntStream.range(0, 150)
                .forEach(i -> docs.add(story(
                        "s" + i,
                        "The ferry strike " + i,
                        // One in three with a text PostgreSQL parses itself: an address.
                        i % 3 == 0 ? "Write to strike@example.org about the council." : "The council met.")));
        index.apply(docs.subList(0, 100), List.of(), 1);
        index.apply(docs.subList(90, 150), List.of("s5"), 2);
        assertPostingsAreTheStoredVectors(149);
        // Saved again as they were: no row of postings or columns is written.
        String rows = "SELECT (SELECT string_agg(xmin::text, ',' ORDER BY lexeme, block) FROM search_postings)"
                + " || ';' || (SELECT string_agg(version::text, ',' ORDER BY block) FROM search_columns)";
        String before = db.handle(h -> h.createQuery(rows).mapTo(String.class).one());
        index.apply(docs.subList(10, 20), List.of(), 3);
        assertEquals(
                before, db.handle(h -> h.createQuery(rows).mapTo(String.class).one()));
        assertEquals(List.of("s12"), ids(readers("ferry strike 12")));
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(docs);
            rebuild.finish(3);
        }
        assertPostingsAreTheStoredVectors(150);
    }

    /** Every lexeme and weight class the postings hold, by ordinal, is what the documents' stored vectors hold. */
    private void assertPostingsAreTheStoredVectors(int documents) {
        int size = 64;
        Map<Integer, Map<String, Integer>> inPostings = new java.util.TreeMap<>();
        db.handle(h -> h.createQuery("SELECT lexeme, block, n, ords, classes FROM search_postings")
                .map((rs, ctx) -> {
                    PostingBlock block =
                            PostingBlock.decode(size, rs.getInt("n"), rs.getBytes("ords"), rs.getBytes("classes"));
                    for (int offset = 0; offset < size; offset++) {
                        if (block.contains(offset)) {
                            inPostings
                                    .computeIfAbsent(rs.getInt("block") * size + offset, k -> new java.util.HashMap<>())
                                    .put(rs.getString("lexeme"), block.weightClass(offset));
                        }
                    }
                    return null;
                })
                .list());
        List<String> ids = db.handle(h -> h.createQuery("SELECT id FROM search_documents")
                .mapTo(String.class)
                .list());
        Map<Integer, Map<String, Integer>> stored = new java.util.TreeMap<>();
        db.handle(h -> BlockStore.stored(h, "search_documents", ids))
                .forEach(p -> stored.put(p.ordinal(), p.classes()));
        assertEquals(documents, stored.size());
        assertEquals(stored, inPostings);
    }

    private List<SearchResult> probes() {
        return List.of(
                readers("ferry"),
                readers("boats"),
                index.search(SearchQuery.newsroom("council", 20)),
                index.search(filtered("timetable", SearchQuery.Sort.NEWEST, Set.of("world"), Set.of("opinion"))),
                readers(""));
    }

    @Test
    void pastExactCountingTheTotalStaysExactAndCountsAreEstimatedFromASample() {
        // Three in four stories are in politics, one in four in world; every one says "tide".
        int stories = 3 * (int) SearchResult.EXACT_UP_TO;
        List<SearchDocument> docs = IntStream.range(0, stories)
                .mapToObj(i -> doc(
                        "s" + i,
                        "Tide tables " + i,
                        "The tide turns.",
                        i % 4 == 0 ? "world" : "politics",
                        List.of("a1"),
                        "news",
                        true,
                        NOW.minus(Duration.ofMinutes(i))))
                .toList();
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            for (int from = 0; from < stories; from += 5000) {
                rebuild.add(docs.subList(from, from + 5000));
            }
            rebuild.finish(1);
        }
        SearchResult tide = readers("tide");
        assertTrue(tide.exact());
        assertEquals(stories, tide.total());
        assertEquals(10, tide.hits().size());
        List<Count> topics = tide.counts().topics();
        assertEquals(
                List.of("politics", "world"), topics.stream().map(Count::value).toList());
        long politics = topics.get(0).count();
        long world = topics.get(1).count();
        assertTrue(politics > 2.4 * world && politics < 3.6 * world, politics + " to " + world);
        assertEquals(
                List.of("a1"),
                tide.counts().authors().stream().map(Count::value).toList());
        assertEquals(tide.total(), tide.counts().kinds().getFirst().count(), "one kind: all of the matches");

        SearchResult uncounted = index.search(SearchQuery.newsroom("tide", 10));
        assertEquals(SearchResult.Counts.NONE, uncounted.counts());
        assertEquals(tide.total(), uncounted.total());

        SearchResult rare = readers("tables 16");
        assertTrue(rare.exact());
        assertEquals(1, rare.total());
        assertEquals(List.of(new Count("world", 1)), rare.counts().topics());
    }

    @Test
    void matchesRankByTheirWordsAndDateAcrossBlocksAndFiltersNarrowEveryBlock() {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String body = (i % 40 == 0 ? "Rouhani spoke. " : "") + (i % 4 == 0 ? "The council met." : "Boats ran.");
            docs.add(doc(
                    "s" + i,
                    "Story " + i,
                    body,
                    i < 500 ? "politics" : "world",
                    List.of("a1"),
                    "news",
                    true,
                    NOW.minus(Duration.ofHours(i))));
        }
        for (int from = 0; from < docs.size(); from += 250) {
            index.apply(docs.subList(from, from + 250), List.of(), from + 1);
        }
        assertEquals(10, readers("Rouhani").hits().size());
        assertEquals(25, readers("Rouhani").total());
        // Alike but for their dates, the newest rank first.
        assertEquals(
                List.of("s0", "s4", "s8", "s12", "s16", "s20", "s24", "s28", "s32", "s36"), ids(readers("council")));
        SearchResult filtered =
                index.search(filtered("council", SearchQuery.Sort.RELEVANCE, Set.of("politics"), Set.of("news")));
        assertEquals(ids(readers("council")), ids(filtered));
        assertEquals(125, filtered.total());
        assertEquals(
                List.of("s500", "s504"),
                ids(index.search(filtered("council", SearchQuery.Sort.RELEVANCE, Set.of("world"), Set.of("news"))))
                        .subList(0, 2));
        assertEquals(
                0,
                index.search(filtered("council", SearchQuery.Sort.RELEVANCE, Set.of("politics"), Set.of("opinion")))
                        .total());
    }

    @Test
    void aSearchLeavesTheCallersPlannerSettingsAsTheyWere() {
        index.apply(List.of(story("s1", "Budget vote delayed", "Text.")), List.of(), 1);
        db.inTransaction(() -> {
            assertEquals(1, readers("budget").total());
            return db.handle(h -> {
                assertEquals(
                        "on",
                        h.createQuery("SHOW enable_seqscan").mapTo(String.class).one());
                assertEquals(
                        "on",
                        h.createQuery("SHOW enable_indexscan")
                                .mapTo(String.class)
                                .one());
                return null;
            });
        });
    }

    @Test
    void theKeysTheTextsAndTheSearchVectorOfADocumentStayInItsRowWhetherAppliedOrRebuilt() {
        String longId = "01M8QTK4PXTRM96QFNXD055X7W";
        SearchDocument applied = doc(
                longId,
                "Budget vote",
                // A row past the two kilobytes at which PostgreSQL starts moving values out of line.
                IntStream.range(0, 40)
                        .mapToObj(i -> "Clause " + i + " moves " + (i * 7919) + " dollars to ferry route " + i + ".")
                        .collect(Collectors.joining(" ")),
                "01M8QTK4PXTRM96QFNXD055X7R",
                List.of("01M8QTKTVS0194542K736J3CXY", "01M8QTKTVS0194542K736J3CXZ"),
                "news",
                true,
                NOW);
        index.apply(List.of(applied), List.of(), 1);
        assertEquals(List.of(), outOfLine());
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(List.of(applied));
            rebuild.finish(2);
        }
        assertEquals(List.of(), outOfLine());
    }

    /**
     * A vector too long to keep in its row goes out of line, whether a save made it (in
     * PostgreSQL, from arrays) or a rebuild (here, copied in binary; or in PostgreSQL, for a text
     * it must parse, "U.S."), and is read there as in a row: by a phrase check, by Go deeper's
     * reading of a story's words. Shortened, it comes back into its row.
     */
    @Test
    void aVectorTooLongForItsRowIsKeptOutOfLineAndReadAsAnyOther() {
        // Some 800 made-up words, each a lexeme of its own: a vector of about 11 kB.
        String words = IntStream.range(0, 800)
                .mapToObj(i -> "qu" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26) + "rk")
                .collect(Collectors.joining(" "));
        String ending = " The ferry timetable changed.";
        List<SearchDocument> docs = List.of(
                story("long", "Harbor notes", words + ending),
                story("parsed", "Harbor notes", "U.S. officials said " + words + ending),
                story("short", "Harbor notes", "Quaark again." + ending));
        List<String> kept = List.of("long:search_long", "parsed:search_long", "short:search");
        index.apply(docs, List.of(), 1);
        assertEquals(kept, vectorColumns());
        assertEquals(0, vectorsUnlikeV18());
        assertEquals(Set.of("long", "parsed", "short"), Set.copyOf(ids(readers("\"ferry timetable changed\""))));
        assertEquals(List.of(), ids(readers("\"timetable ferry\"")));
        List<SearchIndex.Similar> similar = index.similar("long", OWN_WORDS, 5);
        assertEquals("parsed", similar.isEmpty() ? null : similar.getFirst().id(), "the 800 words they share");

        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(docs);
            rebuild.finish(2);
        }
        assertEquals(kept, vectorColumns());
        assertEquals(0, vectorsUnlikeV18());
        assertEquals(Set.of("long", "parsed", "short"), Set.copyOf(ids(readers("\"ferry timetable changed\""))));

        index.apply(List.of(story("long", "Harbor notes", "Quaark." + ending)), List.of(), 3);
        assertEquals(List.of("long:search", "parsed:search_long", "short:search"), vectorColumns());
        assertEquals(0, vectorsUnlikeV18());
    }

    /** Each document's id and the column that holds its search vector, by id. */
    private List<String> vectorColumns() {
        return db.handle(h -> h.createQuery("SELECT id || ':' || CASE WHEN search IS NOT NULL AND search_long IS NULL "
                        + "THEN 'search' WHEN search IS NULL AND search_long IS NOT NULL THEN 'search_long' "
                        + "ELSE 'both or neither' END FROM search_documents ORDER BY id")
                .mapTo(String.class)
                .list());
    }

    /**
     * The key columns, and the search vector a phrase check reads, whose value some row keeps out
     * of line (in the toast table).
     */
    /** The columns a search reads of the documents' rows that PostgreSQL keeps out of line. */
    private List<String> outOfLine() {
        return db.handle(h -> h.createQuery("SELECT k FROM search_documents, LATERAL (VALUES "
                        + "('id', pg_column_toast_chunk_id(id)), ('topic_id', pg_column_toast_chunk_id(topic_id)), "
                        + "('author_ids', pg_column_toast_chunk_id(author_ids)), "
                        + "('date', pg_column_toast_chunk_id(date)), ('search', pg_column_toast_chunk_id(search)), "
                        + "('headline', pg_column_toast_chunk_id(headline)), "
                        + "('dek', pg_column_toast_chunk_id(dek)), ('body', pg_column_toast_chunk_id(body))) "
                        + "v(k, chunk) WHERE chunk IS NOT NULL")
                .mapTo(String.class)
                .list());
    }

    @Test
    void aRebuildIsInvisibleUntilItFinishesAndLeavesNothingWhenAbandoned() {
        index.apply(List.of(story("old", "Budget vote", "Text.")), List.of(), 5);
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(List.of(story("new", "Budget plan", "Text.")));
            assertEquals(List.of("old"), ids(readers("budget")));
        }
        assertEquals(List.of("old"), ids(readers("budget")));
        assertEquals(5, index.appliedThrough());

        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(List.of(story("new", "Budget plan", "Rouhani spoke.")));
            rebuild.add(List.of(story("newer", "Budget cuts", "Text.")));
            assertEquals(List.of("old"), ids(readers("budget")));
            rebuild.finish(42);
        }
        assertEquals(42, index.appliedThrough());
        assertEquals(Set.of("new", "newer"), Set.copyOf(ids(readers("budget"))));
        assertEquals(List.of("new"), ids(readers("rohani")));
        index.apply(List.of(story("after", "Budget after", "Text.")), List.of("newer"), 43);
        assertEquals(Set.of("new", "after"), Set.copyOf(ids(readers("budget"))));
        assertEquals(2, index.stats().documents());
        assertTrue(index.stats().bytes() > 0);
    }

    @Test
    void autovacuumLeavesTheCopyAloneWhileItLoadsAndTheSwapLeavesTheTableAsTheMigrationsMadeIt() {
        String migrated = storageParameters("search_documents");
        assertEquals("toast_tuple_target=8160;", migrated);
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(List.of(story("new", "Budget plan", "Text.")));
            assertEquals(
                    "toast_tuple_target=8160,autovacuum_enabled=false;autovacuum_enabled=false",
                    storageParameters("search_documents_next"));
            rebuild.finish(7);
        }
        assertEquals(migrated, storageParameters("search_documents"));
    }

    /** A table's storage parameters, then its toast table's. */
    private String storageParameters(String table) {
        return db.handle(h -> h.createQuery("SELECT coalesce(array_to_string(c.reloptions, ','), '') || ';' "
                        + "|| coalesce(array_to_string(t.reloptions, ','), '') FROM pg_class c "
                        + "LEFT JOIN pg_class t ON t.oid = c.reltoastrelid WHERE c.oid = CAST(:table AS regclass)")
                .bind("table", table)
                .mapTo(String.class)
                .one());
    }

    /**
     * A search reads the vocabulary, then the documents; the swap replaces both tables. Taken in
     * opposite orders, the two deadlocked and PostgreSQL failed the reader's search.
     */
    @Test
    void searchesRunningWhileRebuildsSwapTheirTablesInAllSucceed() throws Exception {
        List<SearchDocument> documents = IntStream.range(0, 20)
                .mapToObj(i -> story("s" + i, "Budget vote " + i, "The council voted on the budget."))
                .toList();
        index.apply(documents, List.of(), 1);
        AtomicBoolean swapping = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> searches = IntStream.range(0, 3)
                    .mapToObj(i -> readers.submit(() -> {
                        int answered = 0;
                        while (swapping.get()) {
                            assertEquals(20, readers("budget council").total());
                            answered++;
                        }
                        return answered;
                    }))
                    .toList();
            for (int seq = 2; seq < 30; seq++) {
                try (SearchIndex.Rebuild rebuild = index.rebuild()) {
                    rebuild.add(documents);
                    rebuild.finish(seq);
                }
            }
            swapping.set(false);
            for (Future<Integer> search : searches) {
                assertTrue(search.get() > 0, "each reader searched during the swaps");
            }
        } finally {
            swapping.set(false);
            readers.shutdownNow();
        }
    }

    @Test
    void similarFindsLiveDocumentsSharingCharacteristicWordsButNeverItself() {
        index.apply(
                List.of(
                        story("a", "Glacier melt speeds up", "Glacier melt in the Alps quickens, glaciologists say."),
                        story("b", "Alps glacier retreat", "The glacier retreat in the Alps worries glaciologists."),
                        story("c", "Budget vote", "The council voted on the budget."),
                        doc(
                                "d",
                                "Glacier draft",
                                "Glacier melt Alps glaciologists.",
                                "t",
                                List.of(),
                                "news",
                                false,
                                NOW)),
                List.of(),
                1);
        List<SearchIndex.Similar> similar = index.similar("a", OWN_WORDS, 5);
        assertEquals("b", similar.getFirst().id());
        assertTrue(similar.stream().noneMatch(s -> s.id().equals("a") || s.id().equals("d")), similar.toString());
        assertEquals(List.of(), index.similar("d", OWN_WORDS, 5));
        assertEquals(List.of(), index.similar("missing", OWN_WORDS, 5));
    }

    @Test
    void similarRanksEveryBlockByTheWordsSharedNotByAge() {
        List<SearchDocument> docs = new ArrayList<>();
        docs.add(doc(
                "old-twin",
                "Glacier retreat in the Alps",
                "Glaciologists measure the glacier retreat in the Alps.",
                "politics",
                List.of("a1"),
                "news",
                true,
                NOW.minus(Duration.ofDays(4000))));
        IntStream.range(0, 150).forEach(i -> docs.add(story("f" + i, "Ferry timetable " + i, "Boats run late.")));
        docs.add(story("cousin", "Alps ski season", "Snow falls early in the Alps."));
        docs.add(story(
                "s", "Glacier retreat speeds up", "The glacier retreat in the Alps quickens, glaciologists say."));
        index.apply(docs, List.of(), 1);
        List<SearchIndex.Similar> similar = index.similar("s", OWN_WORDS, 5);
        assertEquals(
                List.of("old-twin", "cousin"),
                similar.stream().map(SearchIndex.Similar::id).toList(),
                "three blocks apart, twelve years older, and sharing four telling words to one");
        assertTrue(similar.get(0).score() > similar.get(1).score(), similar.toString());
        assertEquals(
                List.of("old-twin"),
                index.similar("s", OWN_WORDS, 1).stream()
                        .map(SearchIndex.Similar::id)
                        .toList());
        assertEquals(List.of(), index.similar("s", OWN_WORDS, 0));
    }

    @Test
    void theVocabularyForgetsWordsNoDocumentHoldsAnyMore() {
        index.apply(List.of(story("s1", "Rouhani", "Text.")), List.of(), 1);
        index.apply(List.of(story("s1", "Budget", "Text.")), List.of(), 2);
        index.apply(List.of(story("s2", "Rohani", "Text.")), List.of(), 3);
        assertEquals(List.of("s2"), ids(readers("rouhani")));
        assertNotEquals(List.of(), ids(readers("budgt")));
        assertNull(readers("budget").next());
    }

    @Test
    void theVocabularyCountsTheSameWhetherAppliedOrRebuiltInPartsOfAFewWords() {
        List<SearchDocument> docs = List.of(
                story("s1", "Rouhani meets the council", "The council's budget, in full."),
                story("s2", "Budget talks resume", "Rouhani and the council talk."),
                doc("s3", "Zoning vote", "No topic, no authors.", null, List.of(), "news", true, NOW));
        index.apply(docs, List.of(), 1);
        index.apply(List.of(story("s1", "Rouhani leaves the council", "The budget, cut.")), List.of("s2"), 2);
        List<String> applied = vocabulary();
        assertTrue(applied.contains("council|council|1"), applied.toString());
        assertTrue(applied.contains("leaves|leav|1"), applied.toString());
        assertTrue(applied.contains("no|null|1"), "a stop word is counted, with no lexeme: " + applied);
        assertFalse(applied.stream().anyMatch(w -> w.startsWith("talks|")), "s2's words left with it: " + applied);

        index.close();
        // Three words kept at most: the rebuild writes its counts out several times and sums them.
        index = new PostgresSearchIndex(db, Clock.systemUTC(), 6, 3);
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(List.of(story("s1", "Rouhani leaves the council", "The budget, cut.")));
            rebuild.add(List.of(docs.get(2)));
            rebuild.finish(3);
        }
        assertEquals(applied, vocabulary());
    }

    /** Each word of the vocabulary as "word|lexeme|documents", in word order. */
    private List<String> vocabulary() {
        return db.handle(h -> h.createQuery("SELECT word || '|' || coalesce(lexeme, 'null') || '|' || ndoc "
                        + "FROM search_words ORDER BY word")
                .mapTo(String.class)
                .list());
    }
}
