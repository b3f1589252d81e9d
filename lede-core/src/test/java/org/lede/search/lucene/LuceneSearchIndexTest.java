package org.lede.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.search.SearchIndex;
import org.lede.search.SearchIndexContract;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;

/** The Lucene adapter against the contract, in a temporary directory, and what only it does. */
class LuceneSearchIndexTest extends SearchIndexContract {
    @TempDir
    Path dir;

    @Override
    protected SearchIndex open() {
        return LuceneSearchIndex.open(dir.resolve("index"), clock);
    }

    @Test
    void readsNoNamesSoNoneAreLookedForWhenItsDocumentsAreBuilt() {
        assertFalse(index.readsNames());
    }

    @Test
    void similarReadsWhatAStoryIsAboutFromItsTopNotFromWordsDeepInItsBody() {
        // Words of the opening that no other document has say nothing, and the two shared words
        // come after the part that more-like-this reads, so nothing is like this story.
        StringBuilder opening = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            opening.append("word")
                    .append(Integer.toString(i, 26).replaceAll("\\d", "x"))
                    .append(' ');
        }
        put(
                story("deep", "Opening").body(opening + "zeppelin quarantine"),
                story("other", "Airships").body("The zeppelin quarantine ended."),
                story("top", "Airship quarantine").body("A zeppelin quarantine began."));
        assertEquals(List.of(), similar("deep", 10), "words past the top do not make it similar");
        assertEquals(
                Set.of("other", "deep"),
                Set.copyOf(
                        similar("top", 10).stream().map(SearchIndex.Similar::id).toList()),
                "the same words at the top do, and they are indexed wherever they are");
    }

    @Test
    void byDateAPageIsTheSameWhetherARecentSpanHoldsItOrTheSearchWidensToOlderOnes() {
        // Days back: a match every few days over the last month, a few in the last year, the rest older.
        List<Long> days = List.of(1L, 4L, 9L, 16L, 25L, 60L, 200L, 300L, 800L, 2_000L, 4_000L);
        List<Doc> docs = new ArrayList<>();
        for (long d : days) {
            docs.add(story("ferry-" + d, "Ferry timetable " + d).daysAgo(d));
            docs.add(story("bridge-" + d, "Bridge closure " + d).daysAgo(d));
        }
        put(docs.toArray(Doc[]::new));
        List<String> expected = days.stream().map(d -> "ferry-" + d).toList();
        for (int size : List.of(2, 3, 5, 6, 8, 11)) {
            List<String> read = new ArrayList<>();
            SearchQuery page = SearchQuery.readers("ferry", size).withSort(SearchQuery.Sort.NEWEST);
            SearchResult result = index.search(page);
            read.addAll(result.hits().stream().map(SearchResult.Hit::id).toList());
            while (result.next() != null) {
                result = index.search(page.withAfter(result.next()));
                read.addAll(result.hits().stream().map(SearchResult.Hit::id).toList());
            }
            assertEquals(expected, read, "pages of " + size);
        }
    }

    @Test
    void pastExactCountingTheCountsAreEstimatesFromAnEvenSampleAndSaySo() {
        List<Doc> docs = new ArrayList<>();
        int rail = 30_000;
        for (int i = 0; i < rail; i++) {
            // Written in date order, as an archive is: a sample from its start alone would see one year.
            docs.add(story("r" + i, "Rail report")
                    .kind(i % 4 == 0 ? "analysis" : "news")
                    .on(Instant.parse(i < rail / 2 ? "2024-03-01T00:00:00Z" : "2025-03-01T00:00:00Z")));
        }
        int tide = (int) SearchResult.EXACT_UP_TO + 500;
        for (int i = 0; i < tide; i++) {
            docs.add(story("t" + i, "Tide table"));
        }
        for (int i = 0; i < 300; i++) {
            docs.add(story("c" + i, "Canal dredging"));
        }
        put(docs.toArray(Doc[]::new));

        SearchResult common = index.search(SearchQuery.readers("rail", 10));
        assertFalse(common.exact(), "an estimate says so");
        assertEquals(10, common.hits().size());
        assertNear(rail, common.total(), 0.15);
        Map<String, Long> kinds = asMap(common.counts().kinds());
        assertNear(rail * 3 / 4, kinds.get("news"), 0.2);
        assertNear(rail / 4, kinds.get("analysis"), 0.2);
        Map<String, Long> years = asMap(common.counts().years());
        assertNear(rail / 2, years.get("2024"), 0.2);
        assertNear(rail / 2, years.get("2025"), 0.2);

        SearchResult past = index.search(SearchQuery.readers("tide", 10));
        assertFalse(past.exact(), "just past exact counting");
        assertTrue(past.total() > SearchResult.EXACT_UP_TO, "never less than was counted: " + past.total());

        SearchResult rare = index.search(SearchQuery.readers("canal", 10));
        assertTrue(rare.exact());
        assertEquals(300, rare.total());
        assertEquals(Map.of("news", 300L), asMap(rare.counts().kinds()));

        // The total alone, as the newsroom asks, is counted the same way.
        SearchResult commonTotal = index.search(SearchQuery.newsroom("rail", 10));
        assertFalse(commonTotal.exact());
        assertNear(rail, commonTotal.total(), 0.15);
        SearchResult rareTotal = index.search(SearchQuery.newsroom("canal", 10));
        assertTrue(rareTotal.exact());
        assertEquals(300, rareTotal.total());
        assertEquals(SearchResult.Counts.NONE, rareTotal.counts());
    }

    @Test
    void aWordWrittenOftenIsTakenAsWrittenWhileARareOneStillFindsItsNearSpellings() {
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < TextQuery.COMMON_AT_LEAST; i++) {
            docs.add(story("harbor-" + i, "Harbor report " + i).daysAgo(3));
        }
        docs.add(story("harbour", "Harbour lights").daysAgo(3));
        put(docs.toArray(Doc[]::new));
        List<String> harbor = ids(SearchQuery.readers("harbor", 50));
        assertEquals(TextQuery.COMMON_AT_LEAST, harbor.size());
        assertFalse(harbor.contains("harbour"), "a common word is no typo: " + harbor);
        List<String> harbour = ids(SearchQuery.readers("harbour", 50));
        assertEquals("harbour", harbour.getFirst());
        assertEquals(TextQuery.COMMON_AT_LEAST + 1, harbour.size(), "a rare word finds its near spellings");
    }

    @Test
    void recencyIsAddedToRelevanceSoAnOldStoryThatMatchesMuchBetterStillWins() {
        List<Doc> docs = new ArrayList<>();
        // Enough other stories that a word is as telling as in an archive.
        for (int i = 0; i < 200; i++) {
            docs.add(story("other-" + i, "Council meeting " + i)
                    .body("Nothing of note.")
                    .daysAgo(i));
        }
        docs.add(story("old", "Harbour dredging plan")
                .body("The harbour will be dredged.")
                .daysAgo(5 * 365));
        docs.add(story("new", "Council budget")
                .body("The council also mentioned the harbour.")
                .daysAgo(0));
        docs.add(story("new-too", "Harbour dredging plan")
                .body("The harbour will be dredged.")
                .daysAgo(1));
        put(docs.toArray(Doc[]::new));
        assertEquals(List.of("new-too", "old", "new"), ids(SearchQuery.readers("harbour", 10)));
    }

    @Test
    void contentsWrittenWithOtherFieldsAreSetAsideSoTheIndexerRebuildsThem() throws Exception {
        put(story("s1", "Harbour lights"));
        index.close();
        index = open();
        assertEquals(1, index.appliedThrough(), "contents of this version open as they were");
        assertEquals(1, index.stats().documents());
        index.close();
        index = null;
        // What an earlier Lede committed: a position, and no version of its fields.
        Path root = dir.resolve("index");
        Path generation = root.resolve(Files.readString(root.resolve("current")).strip());
        try (Directory directory = FSDirectory.open(generation);
                IndexWriter writer = new IndexWriter(
                        directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(Map.of("seq", "1").entrySet());
            writer.commit();
        }
        index = open();
        assertEquals(0, index.appliedThrough(), "empty, so the indexer rebuilds it from the database");
        assertEquals(0, index.stats().documents());
        assertEquals(List.of(), ids(readers("harbour")));
        put(story("s2", "Harbour lights"));
        index.close();
        index = open();
        assertEquals(List.of("s2"), ids(readers("harbour")), "and what it writes then is of this version");
    }

    @Test
    void rankedSearchesReadTheSegmentsHoldingTheNewestStoriesFirst() throws Exception {
        try (Directory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (String date : List.of("2026-01-01T00:00:00Z", "2021-01-01T00:00:00Z", "2024-01-01T00:00:00Z")) {
                Document doc = new Document();
                doc.add(new LongPoint(Fields.DATE, Instant.parse(date).toEpochMilli()));
                doc.add(new StoredField("date", date));
                writer.addDocument(doc);
                // A segment each.
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertEquals(3, reader.leaves().size());
                List<String> order = new ArrayList<>();
                for (IndexSearcher.LeafSlice slice :
                        LuceneSearchIndex.newestFirst(reader).getSlices()) {
                    for (IndexSearcher.LeafReaderContextPartition p : slice.partitions) {
                        order.add(p.ctx.reader().storedFields().document(0).get("date"));
                    }
                }
                assertEquals(List.of("2026-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2021-01-01T00:00:00Z"), order);
            }
        }
    }

    private static void assertNear(long expected, long actual, double share) {
        assertTrue(
                Math.abs(actual - expected) <= expected * share,
                "expected about " + expected + " (within " + share * 100 + "%), got " + actual);
    }

    private static Map<String, Long> asMap(List<SearchResult.Count> counts) {
        return counts.stream().collect(Collectors.toMap(SearchResult.Count::value, SearchResult.Count::count));
    }
}
