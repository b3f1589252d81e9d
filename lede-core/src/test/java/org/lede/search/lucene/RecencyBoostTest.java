package org.lede.search.lucene;

import static org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recency clause's bounds hold every score they cover, and let the best few skip the old. */
class RecencyBoostTest {
    private static final long HOUR = 3_600_000L;
    private static final long START = 1_600_000_000_000L;
    private static final int STORIES = 6_000;

    private final RecencyBoost recency = new RecencyBoost();
    private final long[] dates = new long[STORIES];
    private Directory directory;
    private DirectoryReader reader;

    @BeforeEach
    void index() throws IOException {
        directory = new ByteBuffersDirectory();
        Random random = new Random(7);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < STORIES; i++) {
                // In date order, every three hours, newest first, as a search reads an archive's
                // segments, with a few stories filed out of it before the last block.
                dates[i] = i < STORIES - RecencyBoost.BLOCK && i % 97 == 0
                        ? START + random.nextInt(STORIES) * 3 * HOUR
                        : START + (STORIES - i) * 3 * HOUR;
                Document doc = new Document();
                doc.add(new NumericDocValuesField(Fields.DATE, dates[i]));
                doc.add(new TextField("body", "vote ".repeat(1 + i % 5) + "filler ".repeat(i % 7), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    private long newest() {
        return Arrays.stream(dates).max().orElseThrow();
    }

    @Test
    void aBlocksBoundHoldsEveryScoreInItAndFallsWithAge() throws IOException {
        long reference = newest();
        IndexSearcher searcher = new IndexSearcher(reader);
        Query clause = recency.clause(reference, 1);
        Scorer scorer = searcher.createWeight(clause, ScoreMode.TOP_SCORES, 1f)
                .scorer(reader.leaves().getFirst());
        float pivot = RecencyBoost.HALF_LIFE_DAYS * 24 * HOUR;
        for (int start = 0; start < STORIES; start += RecencyBoost.BLOCK) {
            int upTo = scorer.advanceShallow(start);
            assertEquals(start + RecencyBoost.BLOCK < STORIES ? start + RecencyBoost.BLOCK - 1 : NO_MORE_DOCS, upTo);
            upTo = Math.min(upTo, STORIES - 1);
            float bound = scorer.getMaxScore(upTo);
            float best = 0;
            for (int doc = start; doc <= upTo; doc++) {
                best = Math.max(
                        best, RecencyBoost.score(RecencyBoost.WEIGHT_PER_WORD, (long) pivot, reference, dates[doc]));
            }
            assertTrue(bound >= best, "block at " + start + ": " + bound + " < " + best);
            assertTrue(
                    bound <= best * 1.001f + 1e-6f, "block at " + start + " is bound tightly: " + bound + " > " + best);
        }
        int last = STORIES - STORIES % RecencyBoost.BLOCK;
        assertTrue(
                scorer.getMaxScore(scorer.advanceShallow(last)) < RecencyBoost.WEIGHT_PER_WORD / 10,
                "the oldest block's stories are two years old");
    }

    @Test
    void theBestFewAreWhatScoringEveryMatchFindsWhileOldBlocksAreSkipped() throws IOException {
        long reference = newest();
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("body", "vote")), Occur.SHOULD)
                .add(recency.clause(reference, 1), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
        IndexSearcher searcher = new IndexSearcher(reader);
        TopDocs skipping = searcher.search(query, new TopScoreDocCollectorManager(10, null, 10));
        TopDocs everything = searcher.search(query, new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE));
        assertEquals(STORIES, everything.totalHits.value());
        assertArrayEquals(ids(everything), ids(skipping));
        for (int i = 0; i < 10; i++) {
            assertEquals(everything.scoreDocs[i].score, skipping.scoreDocs[i].score);
        }
        assertEquals(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO, skipping.totalHits.relation());
        assertTrue(
                skipping.totalHits.value() < STORIES / 4,
                "old blocks are passed over: " + skipping.totalHits.value() + " of " + STORIES + " scored");
    }

    @Test
    void withoutBoundsAskedForEveryDatedDocumentScoresItsWholeWeightAtMost() throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        LeafReaderContext leaf = reader.leaves().getFirst();
        Scorer scorer = searcher.createWeight(recency.clause(newest(), 2), ScoreMode.COMPLETE, 1f)
                .scorer(leaf);
        assertEquals(Integer.MAX_VALUE, scorer.advanceShallow(0));
        assertEquals(2 * RecencyBoost.WEIGHT_PER_WORD, scorer.getMaxScore(Integer.MAX_VALUE));
        int seen = 0;
        for (int doc = scorer.iterator().nextDoc();
                doc != Integer.MAX_VALUE;
                doc = scorer.iterator().nextDoc()) {
            seen++;
        }
        assertEquals(STORIES, seen);
    }

    @Test
    void theBonusIsTheWholeWeightAtTheReferenceAndHalfItAHalfLifeAway() {
        long pivot = RecencyBoost.HALF_LIFE_DAYS * 24 * HOUR;
        assertEquals(2f, RecencyBoost.score(2f, pivot, START, START));
        assertEquals(1f, RecencyBoost.score(2f, pivot, START, START - pivot));
        assertEquals(1f, RecencyBoost.score(2f, pivot, START, START + pivot));
        assertEquals(0.5f, RecencyBoost.score(2f, pivot, START, START - 3 * pivot));
    }

    private static int[] ids(TopDocs docs) {
        return Arrays.stream(docs.scoreDocs).mapToInt((ScoreDoc d) -> d.doc).toArray();
    }
}
