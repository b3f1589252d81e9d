package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.search.SearchResult.Count;
import org.lede.search.store.BlockDictionary.Dimension;
import org.lede.search.store.BlockSearch.Filters;
import org.lede.search.store.BlockSearch.Loaded;
import org.lede.search.store.BlockSearch.Spelling;

class BlockSearchTest {
    private static final BlockSearch.Values VALUES = new BlockSearch.Values();

    private static final int SIZE = 64;
    private static final long DAY = 86_400;
    /** 2026-01-01T00:00:00Z. */
    private static final long REF = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    /** An archive being made: documents by ordinal, each with its words' classes. */
    private final Map<Integer, Doc> docs = new TreeMap<>();

    private record Doc(
            boolean live,
            String status,
            String creator,
            String topic,
            String kind,
            long seconds,
            List<String> authors,
            Map<String, Integer> words) {}

    private void put(int ordinal, Map<String, Integer> words) {
        put(ordinal, true, "politics", "news", REF - ordinal * DAY, List.of("a1"), words);
    }

    private void put(
            int ordinal,
            boolean live,
            String topic,
            String kind,
            long seconds,
            List<String> authors,
            Map<String, Integer> words) {
        docs.put(
                ordinal,
                new Doc(live, live ? "published" : "draft", "u" + (ordinal % 2), topic, kind, seconds, authors, words));
    }

    private NavigableMap<Integer, Loaded> blocks;
    private Map<String, Map<Integer, PostingBlock>> postings;

    private void build(int size) {
        Map<Integer, ColumnBlock.Builder> columns = new TreeMap<>();
        Map<Integer, BlockDictionary> dictionaries = new HashMap<>();
        Map<String, Map<Integer, PostingBlock.Builder>> building = new TreeMap<>();
        docs.forEach((ordinal, d) -> {
            int b = ordinal / size;
            int offset = ordinal % size;
            BlockDictionary dictionary = dictionaries.computeIfAbsent(b, k -> new BlockDictionary());
            int[] authors = d.authors().stream()
                    .mapToInt(a -> dictionary.code(Dimension.AUTHOR, a))
                    .toArray();
            columns.computeIfAbsent(b, k -> ColumnBlock.empty(size).edit())
                    .put(
                            offset,
                            new ColumnBlock.Facts(
                                    d.live(),
                                    dictionary.code(Dimension.STATUS, d.status()),
                                    dictionary.code(Dimension.CREATOR, d.creator()),
                                    dictionary.code(Dimension.TOPIC, d.topic()),
                                    dictionary.code(Dimension.KIND, d.kind()),
                                    d.seconds(),
                                    authors));
            d.words()
                    .forEach((word, weightClass) -> building.computeIfAbsent(word, k -> new TreeMap<>())
                            .computeIfAbsent(b, k -> new PostingBlock.Builder(size))
                            .add(offset, weightClass));
        });
        blocks = new TreeMap<>();
        columns.forEach((b, c) -> blocks.put(b, Loaded.of(b, c.build(), dictionaries.get(b), VALUES)));
        postings = new HashMap<>();
        building.forEach((word, byBlock) -> {
            Map<Integer, PostingBlock> built = new HashMap<>();
            byBlock.forEach((b, builder) -> built.put(b, builder.build()));
            postings.put(word, built);
        });
    }

    private static List<List<Spelling>> words(String... words) {
        List<List<Spelling>> out = new ArrayList<>();
        for (String w : words) {
            List<Spelling> spellings = new ArrayList<>();
            for (String s : w.split("\\|")) {
                spellings.add(new Spelling(s, 1));
            }
            out.add(spellings);
        }
        return out;
    }

    private static Filters readers() {
        return new Filters(SearchQuery.Scope.READERS, Set.of(), null, Set.of(), Set.of(), Set.of(), null, null);
    }

    private static Filters newsroom() {
        return new Filters(SearchQuery.Scope.NEWSROOM, Set.of(), null, Set.of(), Set.of(), Set.of(), null, null);
    }

    private BlockSearch.Matches match(List<List<Spelling>> words, Filters filters) {
        return BlockSearch.match(words, postings, blocks, filters, null);
    }

    private static List<Integer> ordinals(List<TopHits.Scored> hits) {
        return hits.stream().map(TopHits.Scored::ordinal).toList();
    }

    @Test
    void everyWordMustMatchThroughAnyOfItsSpellings() {
        put(0, Map.of("ferri", 1, "strike", 1));
        put(1, Map.of("ferri", 1));
        put(70, Map.of("ferry", 1, "strike", 3));
        put(140, Map.of("strike", 1));
        build(SIZE);
        assertEquals(2, match(words("ferri|ferry", "strike"), readers()).total());
        assertEquals(
                Set.of(0, 70),
                Set.copyOf(ordinals(
                        match(words("ferri|ferry", "strike"), readers()).top(true, REF, null, 10))));
        assertEquals(3, match(words("ferri|ferry"), readers()).total());
        assertEquals(0, match(words("ferri", "nowhere"), readers()).total());
        assertEquals(4, match(List.of(), readers()).total(), "no words: everything in scope");
        assertEquals(
                List.of(2, 1, 1), blocks.values().stream().map(Loaded::held).toList());
    }

    @Test
    void readersSeeLiveDocumentsAndTheNewsroomEveryOne() {
        put(0, true, "politics", "news", REF, List.of(), Map.of("vote", 1));
        put(1, false, "politics", "news", REF, List.of(), Map.of("vote", 1));
        put(100, false, "politics", "news", REF, List.of(), Map.of("vote", 1));
        build(SIZE);
        assertEquals(List.of(0), ordinals(match(words("vote"), readers()).top(true, REF, null, 10)));
        assertEquals(3, match(words("vote"), newsroom()).total());
        assertEquals(1, match(List.of(), readers()).total());
    }

    @Test
    void filtersNarrowByEveryColumnInEachBlocksOwnCodes() {
        // Block 0 codes politics first, block 1 world first: filters go by value, not code.
        put(0, true, "politics", "news", REF - 10 * DAY, List.of("a1", "a2"), Map.of("vote", 1));
        put(1, true, "world", "opinion", REF - 5 * DAY, List.of("a2"), Map.of("vote", 1));
        put(64, true, "world", "news", REF - 2 * DAY, List.of("a3"), Map.of("vote", 1));
        put(65, true, "politics", "news", REF - DAY, List.of(), Map.of("vote", 1));
        put(66, false, "politics", "news", REF - DAY, List.of("a1"), Map.of("vote", 1));
        build(SIZE);
        Filters world =
                new Filters(SearchQuery.Scope.READERS, Set.of(), null, Set.of("world"), Set.of(), Set.of(), null, null);
        assertEquals(
                Set.of(1, 64), Set.copyOf(ordinals(match(words("vote"), world).top(true, REF, null, 10))));
        Filters news = new Filters(
                SearchQuery.Scope.READERS, Set.of(), null, Set.of("world"), Set.of("news"), Set.of(), null, null);
        assertEquals(List.of(64), ordinals(match(words("vote"), news).top(true, REF, null, 10)));
        Filters byA2 =
                new Filters(SearchQuery.Scope.READERS, Set.of(), null, Set.of(), Set.of(), Set.of("a2"), null, null);
        assertEquals(
                Set.of(0, 1), Set.copyOf(ordinals(match(words("vote"), byA2).top(true, REF, null, 10))));
        Filters nobody =
                new Filters(SearchQuery.Scope.READERS, Set.of(), null, Set.of(), Set.of(), Set.of("a9"), null, null);
        assertEquals(0, match(words("vote"), nobody).total());
        Filters dated = new Filters(
                SearchQuery.Scope.READERS, Set.of(), null, Set.of(), Set.of(), Set.of(), REF - 5 * DAY, REF - DAY);
        assertEquals(
                Set.of(1, 64), Set.copyOf(ordinals(match(words("vote"), dated).top(true, REF, null, 10))));
        Filters drafts = new Filters(
                SearchQuery.Scope.NEWSROOM, Set.of("draft"), "u0", Set.of(), Set.of(), Set.of(), null, null);
        assertEquals(List.of(66), ordinals(match(words("vote"), drafts).top(true, REF, null, 10)));
        Filters noSuchCreator =
                new Filters(SearchQuery.Scope.NEWSROOM, Set.of(), "u7", Set.of(), Set.of(), Set.of(), null, null);
        assertEquals(0, match(words("vote"), noSuchCreator).total());
        Filters published = new Filters(
                SearchQuery.Scope.NEWSROOM, Set.of("published"), null, Set.of(), Set.of(), Set.of(), null, null);
        assertEquals(4, match(words("vote"), published).total());
    }

    @Test
    void aQuerysFiltersKeepTheNewsroomsOwnForTheNewsroomAlone() {
        Instant from = Instant.ofEpochSecond(REF - 5 * DAY);
        Instant to = Instant.ofEpochSecond(REF);
        SearchQuery newsroom = new SearchQuery(
                "vote",
                SearchQuery.Scope.NEWSROOM,
                Set.of("politics"),
                Set.of("a1"),
                Set.of("news"),
                Set.of("draft"),
                "u0",
                from,
                to,
                SearchQuery.Sort.RELEVANCE,
                null,
                10,
                true);
        assertEquals(
                new Filters(
                        SearchQuery.Scope.NEWSROOM,
                        Set.of("draft"),
                        "u0",
                        Set.of("politics"),
                        Set.of("news"),
                        Set.of("a1"),
                        REF - 5 * DAY,
                        REF),
                Filters.of(newsroom));
        SearchQuery readers = new SearchQuery(
                "vote",
                SearchQuery.Scope.READERS,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of("draft"),
                "u0",
                null,
                null,
                SearchQuery.Sort.RELEVANCE,
                null,
                10,
                true);
        assertEquals(readers(), Filters.of(readers), "readers see live documents, whatever their status or creator");
    }

    @Test
    void eachFilterOnItsOwnKeepsWhatPassesAndDropsWhatDoesNot() {
        put(0, false, "politics", "news", REF - DAY, List.of("a1"), Map.of("vote", 1)); // draft by u0
        put(1, false, "politics", "news", REF - DAY, List.of("a1"), Map.of("vote", 1)); // draft by u1
        put(2, true, "politics", "news", REF - 3 * DAY, List.of("a2"), Map.of("vote", 1)); // published by u0
        build(SIZE);
        Filters byU1 = new Filters(
                SearchQuery.Scope.NEWSROOM, Set.of("draft"), "u1", Set.of(), Set.of(), Set.of(), null, null);
        assertEquals(List.of(1), ordinals(match(words("vote"), byU1).top(true, REF, null, 10)));
        Filters archived = new Filters(
                SearchQuery.Scope.NEWSROOM, Set.of("archived"), null, Set.of(), Set.of(), Set.of(), null, null);
        assertEquals(0, match(words("vote"), archived).total(), "a status no document here has");
        Filters recent = new Filters(
                SearchQuery.Scope.NEWSROOM, Set.of(), null, Set.of(), Set.of(), Set.of(), REF - 2 * DAY, null);
        assertEquals(
                Set.of(0, 1), Set.copyOf(ordinals(match(words("vote"), recent).top(true, REF, null, 10))));
        Filters older =
                new Filters(SearchQuery.Scope.NEWSROOM, Set.of(), null, Set.of(), Set.of(), Set.of(), null, REF - DAY);
        assertEquals(List.of(2), ordinals(match(words("vote"), older).top(true, REF, null, 10)));
        Filters byA1 =
                new Filters(SearchQuery.Scope.NEWSROOM, Set.of(), null, Set.of(), Set.of(), Set.of("a1"), null, null);
        assertEquals(2, match(words("vote"), byA1).total());
        Filters news =
                new Filters(SearchQuery.Scope.NEWSROOM, Set.of(), null, Set.of(), Set.of("news"), Set.of(), null, null);
        assertEquals(3, match(words("vote"), news).total());
    }

    @Test
    void countsCountEveryMatchByValueAndYear() {
        put(
                0,
                true,
                "politics",
                "news",
                Instant.parse("2025-06-01T00:00:00Z").getEpochSecond(),
                List.of("a1", "a2"),
                Map.of("vote", 1));
        put(
                1,
                true,
                "world",
                "news",
                Instant.parse("2024-12-31T23:59:59Z").getEpochSecond(),
                List.of("a2"),
                Map.of("vote", 1));
        put(
                64,
                true,
                null,
                "opinion",
                Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(),
                List.of(),
                Map.of("vote", 1));
        build(SIZE);
        SearchResult.Counts counts = match(words("vote"), readers()).counts(VALUES, false);
        assertEquals(List.of(new Count("politics", 1), new Count("world", 1)), counts.topics());
        assertEquals(List.of(new Count("a2", 2), new Count("a1", 1)), counts.authors());
        assertEquals(List.of(new Count("news", 2), new Count("opinion", 1)), counts.kinds());
        assertEquals(List.of(new Count("2025", 2), new Count("2024", 1)), counts.years());
        assertEquals(counts, match(words("vote"), readers()).counts(VALUES, true), "a sample of three is all three");
    }

    @Test
    void pastExactCountingCountsASampleScaledToTheExactTotal() {
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            put(i, true, i % 4 == 0 ? "world" : "politics", "news", REF - i, List.of(), Map.of("tide", 1));
        }
        build(1 << 14);
        BlockSearch.Matches matches = match(words("tide"), readers());
        assertEquals(n, matches.total());
        SearchResult.Counts counts = matches.counts(VALUES, false);
        assertEquals(n, counts.kinds().getFirst().count(), "scaled to the exact total");
        long politics = counts.topics().get(0).count();
        long world = counts.topics().get(1).count();
        assertEquals("politics", counts.topics().get(0).value());
        assertTrue(politics > 2.8 * world && politics < 3.2 * world, politics + " to " + world);
        assertTrue(politics % 100 == 0, "an estimate is rounded: " + politics);
        SearchResult.Counts estimated = matches.counts(VALUES, true);
        assertEquals(n, estimated.kinds().getFirst().count(), "scaled to the total");
        long fewer = estimated.topics().get(0).count();
        assertTrue(fewer > 2.6 * estimated.topics().get(1).count()
                && fewer < 3.4 * estimated.topics().get(1).count());
        // Just past exact counting, the sample is every match.
        SearchResult.Counts all = BlockSearch.match(
                        words("tide"),
                        postings,
                        blocks,
                        readers(),
                        java.util.stream.IntStream.range(0, 10_001)
                                .boxed()
                                .collect(java.util.stream.Collectors.toSet()))
                .counts(VALUES, false);
        assertEquals(List.of(new Count("politics", 7_500), new Count("world", 2_501)), all.topics());
    }

    @Test
    void yearsAreCalendarYearsInUtcClampedToTheTable() {
        assertEquals(
                2024 - BlockSearch.FIRST_YEAR,
                BlockSearch.year(Instant.parse("2024-12-31T23:59:59Z").getEpochSecond()));
        assertEquals(
                2025 - BlockSearch.FIRST_YEAR,
                BlockSearch.year(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond()));
        assertEquals(0, BlockSearch.year(Instant.parse("1850-06-01T00:00:00Z").getEpochSecond()));
        assertEquals(299, BlockSearch.year(Instant.parse("2400-06-01T00:00:00Z").getEpochSecond()));
        for (int y = BlockSearch.FIRST_YEAR; y < BlockSearch.FIRST_YEAR + 300; y++) {
            long start = java.time.LocalDate.of(y, 1, 1).toEpochDay() * DAY;
            long end = java.time.LocalDate.of(y, 12, 31).toEpochDay() * DAY + DAY - 1;
            assertEquals(y - BlockSearch.FIRST_YEAR, BlockSearch.year(start), "the first second of " + y);
            assertEquals(y - BlockSearch.FIRST_YEAR, BlockSearch.year(end), "the last second of " + y);
            assertEquals(y - BlockSearch.FIRST_YEAR, BlockSearch.year((start + end) / 2), "mid " + y);
        }
    }

    /** The facts of a document with these author codes, given as part of a longer array as a block holds them. */
    private static long facts(int topic, int kind, int year, int[] authors) {
        int[] codes = new int[authors.length + 2];
        codes[0] = 9;
        System.arraycopy(authors, 0, codes, 1, authors.length);
        codes[codes.length - 1] = 9;
        return BlockSearch.Facets.of(topic, kind, year, codes, 1, 1 + authors.length);
    }

    @Test
    void factsPackWhatCountingReadsAndSpillWhatDoesNotFit() {
        long f = facts(65_535, 255, 299, new int[] {1, 32_767});
        assertEquals(65_535, BlockSearch.Facets.topic(f));
        assertEquals(255, BlockSearch.Facets.kind(f));
        assertEquals(299, BlockSearch.Facets.year(f));
        assertEquals(1, BlockSearch.Facets.author(f, 0));
        assertEquals(32_767, BlockSearch.Facets.author(f, 1));
        assertEquals(0, f & BlockSearch.Facets.SPILLED);
        long one = facts(3, 2, 125, new int[] {7});
        assertEquals(
                List.of(3, 2, 125, 7, 0),
                List.of(
                        BlockSearch.Facets.topic(one),
                        BlockSearch.Facets.kind(one),
                        BlockSearch.Facets.year(one),
                        BlockSearch.Facets.author(one, 0),
                        BlockSearch.Facets.author(one, 1)));
        long none = facts(0, 0, 0, new int[0]);
        assertEquals(0, none, "no topic, kind, year or author is all zeros");
        long three = facts(3, 2, 125, new int[] {1, 2, 3});
        long large = facts(3, 2, 125, new int[] {32_768});
        for (long spilled : new long[] {three, large}) {
            assertTrue((spilled & BlockSearch.Facets.SPILLED) != 0);
            assertEquals(
                    List.of(3, 2, 125),
                    List.of(
                            BlockSearch.Facets.topic(spilled),
                            BlockSearch.Facets.kind(spilled),
                            BlockSearch.Facets.year(spilled)));
        }
    }

    @Test
    void countsReadAuthorsThatDoNotFitInTheFactsFromTheColumns() {
        // 32,768 authors in one block: the last one's code no longer fits in the facts.
        for (int i = 0; i < 32_768; i++) {
            put(i, true, "politics", "news", REF - DAY, List.of("p" + i), Map.of());
        }
        put(32_768, true, "politics", "news", REF - DAY, List.of("a1", "a2", "a3"), Map.of("vote", 1));
        put(32_769, true, "politics", "news", REF - DAY, List.of("a2", "late"), Map.of("vote", 1));
        put(32_770, true, "politics", "news", REF - DAY, List.of("a3"), Map.of("vote", 1));
        build(1 << 16);
        SearchResult.Counts counts = match(words("vote"), readers()).counts(VALUES, false);
        assertEquals(
                List.of(new Count("a2", 2), new Count("a3", 2), new Count("a1", 1), new Count("late", 1)),
                counts.authors());
        assertEquals(List.of(new Count("politics", 3)), counts.topics());
    }

    @Test
    void aDocumentLikeAnotherHoldsAnyOfItsTermsAndRanksByThemAloneNotByAge() {
        // 0 is the story itself; 1 holds both terms but is old; 2 and 65 one each; 3 is a draft.
        put(0, true, "t", "news", REF, List.of(), Map.of("glacier", PostingBlock.BODY, "alps", PostingBlock.BODY));
        put(
                1,
                true,
                "t",
                "news",
                REF - 5000 * DAY,
                List.of(),
                Map.of("glacier", PostingBlock.BODY, "alps", PostingBlock.BODY));
        put(2, true, "t", "news", REF, List.of(), Map.of("alps", PostingBlock.BODY));
        put(3, false, "t", "news", REF, List.of(), Map.of("glacier", PostingBlock.HEADLINE));
        put(65, true, "t", "news", REF, List.of(), Map.of("glacier", PostingBlock.HEADLINE));
        put(130, true, "t", "news", REF, List.of(), Map.of("budget", PostingBlock.HEADLINE));
        build(SIZE);
        List<Spelling> terms = List.of(new Spelling("glacier", 2), new Spelling("alps", 1));
        BlockSearch.Matches like = BlockSearch.like(terms, postings, blocks, 0);
        assertEquals(3, like.total(), "any term, live, never the story itself");
        List<TopHits.Scored> top = like.top(false, REF, null, 10);
        // 65: 2 x 1.0 (headline); 1: 2 x 0.2 + 1 x 0.2, old as it is; 2: 1 x 0.2.
        assertEquals(List.of(65, 1, 2), ordinals(top));
        assertEquals(2.0, top.get(0).score(), 1e-9);
        assertEquals(0.6, top.get(1).score(), 1e-9, "no recency boost");
        assertEquals(0.2, top.get(2).score(), 1e-9);
        assertEquals(List.of(65), ordinals(like.top(false, REF, null, 1)));
        assertEquals(
                0,
                BlockSearch.like(List.of(new Spelling("nowhere", 1)), postings, blocks, 0)
                        .total());
        assertEquals(
                List.of(0, 1),
                ordinals(BlockSearch.like(List.of(new Spelling("alps", 1)), postings, blocks, 2)
                        .top(false, REF, null, 10)),
                "another story's own ordinal is left out, not the first");
    }

    @Test
    void whatTheStoryItselfAndADraftHoldCountsForNoOtherDocumentAtTheirPlace() {
        // The story (69) and a draft (70) sit at offsets 5 and 6 of block 1, matches at 5 and 6 of block 0.
        put(69, true, "t", "news", REF, List.of(), Map.of("glacier", PostingBlock.HEADLINE));
        put(70, false, "t", "news", REF, List.of(), Map.of("glacier", PostingBlock.HEADLINE));
        put(71, true, "t", "news", REF, List.of(), Map.of("glacier", PostingBlock.BODY));
        put(5, true, "t", "news", REF, List.of(), Map.of("glacier", PostingBlock.BODY));
        put(6, true, "t", "news", REF, List.of(), Map.of("glacier", PostingBlock.BODY));
        build(SIZE);
        List<TopHits.Scored> top = BlockSearch.like(List.of(new Spelling("glacier", 1)), postings, blocks, 69)
                .top(false, REF, null, 10);
        assertEquals(List.of(5, 6, 71), ordinals(top));
        assertTrue(top.stream().allMatch(t -> Math.abs(t.score() - 0.2) < 1e-9), top.toString());
        assertEquals(
                4,
                BlockSearch.like(List.of(new Spelling("glacier", 1)), postings, blocks, 64)
                        .total(),
                "a story at the first place of the next block leaves this one whole");
    }

    @Test
    void aHeadlineMatchOutranksABodyMatchAndARecentOneAnOldOne() {
        put(0, true, "t", "news", REF - 3000 * DAY, List.of(), Map.of("vote", PostingBlock.HEADLINE));
        put(1, true, "t", "news", REF, List.of(), Map.of("vote", PostingBlock.BODY));
        put(2, true, "t", "news", REF - 10 * DAY, List.of(), Map.of("vote", PostingBlock.BODY));
        put(3, true, "t", "news", REF - 10 * DAY, List.of(), Map.of("vote", PostingBlock.NAMES));
        put(4, true, "t", "news", REF - 10 * DAY, List.of(), Map.of("vote", PostingBlock.DEK));
        build(SIZE);
        assertEquals(
                List.of(0, 4, 1, 2, 3), ordinals(match(words("vote"), readers()).top(false, REF, null, 10)));
        assertEquals(
                List.of(1, 2, 3, 4, 0), ordinals(match(words("vote"), readers()).top(true, REF, null, 10)));
    }

    @Test
    void aWeightierSpellingAndMoreWordsRankHigher() {
        put(0, Map.of("rouhani", 1));
        put(1, Map.of("rohani", 1));
        put(2, Map.of("rohani", 1, "spoke", 1));
        build(SIZE);
        List<List<Spelling>> typed = List.of(List.of(new Spelling("rohani", 2), new Spelling("rouhani", 1)));
        assertEquals(
                List.of(1, 2, 0),
                ordinals(BlockSearch.match(typed, postings, blocks, readers(), null)
                        .top(false, REF + 2 * DAY, null, 10)));
        List<List<Spelling>> two = new ArrayList<>(typed);
        two.add(List.of(new Spelling("spoke", 1)));
        assertEquals(
                List.of(2),
                ordinals(BlockSearch.match(two, postings, blocks, readers(), null)
                        .top(false, REF, null, 10)));
        List<List<Spelling>> either = List.of(List.of(new Spelling("rohani", 1), new Spelling("spoke", 5)));
        assertEquals(
                List.of(2, 1),
                ordinals(BlockSearch.match(either, postings, blocks, readers(), null)
                        .top(false, REF, null, 10)));
    }

    @Test
    void pagesFollowTheirCursorAndSkippedBlocksLoseNothing() {
        // Older blocks hold the headline matches: skipping by the bound must not drop them.
        for (int i = 0; i < 300; i++) {
            put(i, true, "t", "news", REF - (300 - i) * DAY, List.of(), Map.of("vote", i % 50 == 0 ? 3 : 1));
        }
        build(SIZE);
        BlockSearch.Matches matches = match(words("vote"), readers());
        List<Integer> all = ordinals(matches.top(false, REF, null, 300));
        assertEquals(300, all.size());
        assertEquals(List.of(250, 200, 150, 100, 50, 0), all.subList(0, 6));
        for (boolean byDate : List.of(false, true)) {
            List<Integer> walked = new ArrayList<>();
            TopHits.Scored after = null;
            while (true) {
                List<TopHits.Scored> page = matches.top(byDate, REF, after, 7);
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(s -> walked.add(s.ordinal()));
                after = page.getLast();
            }
            assertEquals(byDate ? descending(300) : all, walked, "by date " + byDate);
        }
    }

    private static List<Integer> descending(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            out.add(i);
        }
        return out;
    }

    @Test
    void equalScoresOrderByOrdinal() {
        put(5, true, "t", "news", REF, List.of(), Map.of("vote", 1));
        put(3, true, "t", "news", REF, List.of(), Map.of("vote", 1));
        put(70, true, "t", "news", REF, List.of(), Map.of("vote", 1));
        build(SIZE);
        assertEquals(List.of(3, 5, 70), ordinals(match(words("vote"), readers()).top(false, REF, null, 10)));
        assertEquals(List.of(3, 5, 70), ordinals(match(words("vote"), readers()).top(true, REF, null, 10)));
        TopHits.Scored first =
                match(words("vote"), readers()).top(true, REF, null, 1).getFirst();
        assertEquals(List.of(5, 70), ordinals(match(words("vote"), readers()).top(true, REF, first, 10)));
    }

    @Test
    void onlyKeepsTheOrdinalsGivenAndSpreadSamplesEvenly() {
        for (int i = 0; i < 200; i++) {
            put(i, Map.of("vote", 1));
        }
        build(SIZE);
        BlockSearch.Matches some =
                BlockSearch.match(words("vote"), postings, blocks, readers(), Set.of(3, 64, 199, 500));
        assertEquals(3, some.total());
        assertEquals(Set.of(3, 64, 199), Set.copyOf(ordinals(some.top(true, REF, null, 10))));
        List<Integer> spread = match(words("vote"), readers()).spread(10);
        assertEquals(List.of(0, 20, 40, 60, 80, 100, 120, 140, 160, 180), spread);
        assertEquals(5, match(words("vote"), readers()).spread(5).size());
        assertEquals(200, match(words("vote"), readers()).spread(1000).size());
        assertEquals(List.of(), match(words("vote"), readers()).spread(0));
    }

    @Test
    void rarerLexemesWeighMoreAndRecencyHalvesAtMost() {
        assertTrue(BlockSearch.idf(1000, 1) > BlockSearch.idf(1000, 10));
        assertEquals(Math.log(2), BlockSearch.idf(1000, 1000), 1e-12);
        assertEquals(Math.log(1001), BlockSearch.idf(1000, 0), 1e-12);
        assertEquals(1.0, BlockSearch.decay(REF, REF), 1e-12);
        assertEquals(1.0, BlockSearch.decay(REF, REF + DAY), 1e-12, "a date after the reference counts in full");
        assertEquals(0.5 + 0.5 / Math.E, BlockSearch.decay(REF, REF - 730 * DAY), 1e-12);
        assertEquals(0.5, BlockSearch.decay(REF, REF - 100_000 * DAY), 1e-9);
    }
}
