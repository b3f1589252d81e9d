package org.lede.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.search.LikeTerms;

class SimilarTermsTest {
    private static final String FIELD = Fields.WORDS;

    private ByteBuffersDirectory directory;
    private IndexWriter writer;

    /** Thirty documents: "common" in 6, "middling" in 3, "rare" in 2, "single" in 1, the rest filler. */
    @BeforeEach
    void index() throws IOException {
        directory = new ByteBuffersDirectory();
        writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()));
        for (int i = 0; i < 30; i++) {
            String text = "filler" + i + (i < 6 ? " common" : "") + (i < 3 ? " middling" : "") + (i < 2 ? " rare" : "")
                    + (i == 0 ? " single" : "");
            add(text);
        }
        writer.commit();
    }

    private void add(String text) throws IOException {
        Document doc = new Document();
        doc.add(new TextField(FIELD, text, Field.Store.NO));
        writer.addDocument(doc);
    }

    @AfterEach
    void close() throws IOException {
        writer.close();
        directory.close();
    }

    private DirectoryReader reader() throws IOException {
        return DirectoryReader.open(writer);
    }

    private static SimilarTerms terms(int tokensPerText, long postings, int kept) {
        return new SimilarTerms(new WhitespaceAnalyzer(), FIELD, tokensPerText, postings, kept, 1_000);
    }

    /** Each word of the query with its boost, in the query's order. */
    private static Map<String, Float> boosts(org.apache.lucene.search.Query query) {
        Map<String, Float> out = new LinkedHashMap<>();
        for (BooleanClause clause : ((BooleanQuery) query).clauses()) {
            BoostQuery boosted = (BoostQuery) clause.query();
            out.put(((TermQuery) boosted.getQuery()).getTerm().text(), boosted.getBoost());
        }
        return out;
    }

    @Test
    void wordsAreWeighedByTheirCountTimesTheirRarityAndBoostedAgainstTheBest() throws IOException {
        try (DirectoryReader reader = reader()) {
            Map<String, Float> boosts =
                    boosts(terms(100, 1_000, 1_000).like(reader, List.of("common common common middling rare")));
            double common = 3 * LikeTerms.idf(6, 30);
            double middling = LikeTerms.idf(3, 30);
            double rare = LikeTerms.idf(2, 30);
            assertEquals(List.of("common", "rare", "middling"), List.copyOf(boosts.keySet()));
            assertEquals(1f, boosts.get("common"));
            assertEquals(rare / common, boosts.get("rare"), 1e-6);
            assertEquals(middling / common, boosts.get("middling"), 1e-6);
        }
    }

    @Test
    void wordsInOneDocumentInMoreThanATenthOfTheIndexOrShorterThanThreeLettersAreLeftOut() throws IOException {
        for (int i = 0; i < 20; i++) {
            add("common");
        }
        add("ab");
        add("ab");
        try (DirectoryReader reader = reader()) {
            // 52 documents: "common" is in 26, past the floor of ten; "single" and "ab" are in too few and too short.
            assertEquals(
                    List.of("middling", "rare"),
                    sorted(terms(100, 1_000, 1_000).like(reader, List.of("common single rare middling ab"))));
        }
    }

    private static List<String> sorted(org.apache.lucene.search.Query query) {
        return boosts(query).keySet().stream().sorted().toList();
    }

    @Test
    void onlyTheFirstWordsOfEachTextAreRead() throws IOException {
        try (DirectoryReader reader = reader()) {
            assertEquals(
                    List.of("middling", "rare"),
                    sorted(terms(2, 1_000, 1_000).like(reader, List.of("rare filler3 common", "middling"))));
        }
    }

    @Test
    void theBestTermsComeFirstAndARarerOneStillFitsWhereACommonOneDoesNot() throws IOException {
        try (DirectoryReader reader = reader()) {
            String text = "common common common common middling middling rare";
            assertEquals(
                    List.of("common"),
                    List.copyOf(boosts(terms(100, 6, 1_000).like(reader, List.of(text)))
                            .keySet()));
            assertEquals(
                    List.of("middling", "rare"),
                    List.copyOf(boosts(terms(100, 5, 1_000).like(reader, List.of(text)))
                            .keySet()));
            assertEquals(
                    List.of("common", "middling", "rare"),
                    List.copyOf(boosts(terms(100, 11, 1_000).like(reader, List.of(text)))
                            .keySet()));
        }
    }

    @Test
    void noWordWorthSearchingMakesAQueryThatMatchesNothing() throws IOException {
        try (DirectoryReader reader = reader()) {
            assertEquals(
                    List.of(),
                    ((BooleanQuery) terms(100, 1_000, 1_000).like(reader, List.of("single unknown"))).clauses());
        }
    }

    @Test
    void aCommonWordsFrequencyIsKeptUntilTheIndexGrowsByASixteenthWhileARareOneIsReadEachTime() throws IOException {
        SimilarTerms terms = terms(100, 1_000, 3);
        try (DirectoryReader reader = reader()) {
            assertEquals(6, terms.docFreq(reader, "common"));
            assertEquals(2, terms.docFreq(reader, "rare"));
        }
        add("common rare");
        try (DirectoryReader reader = reader()) {
            assertEquals(6, terms.docFreq(reader, "common"), "kept: 31 documents is within a sixteenth of 30");
            assertEquals(3, terms.docFreq(reader, "rare"), "read again: below the kept frequencies");
        }
        add("common");
        add("common");
        try (DirectoryReader reader = reader()) {
            assertEquals(9, terms.docFreq(reader, "common"), "33 documents is past a sixteenth of 30: read again");
        }
    }

    @Test
    void pastTheWordsItMayKeepTheCacheStartsOver() throws IOException {
        SimilarTerms terms = new SimilarTerms(new WhitespaceAnalyzer(), FIELD, 100, 1_000, 1, 2);
        try (DirectoryReader reader = reader()) {
            assertEquals(6, terms.docFreq(reader, "common"));
            assertEquals(3, terms.docFreq(reader, "middling"));
        }
        add("common");
        try (DirectoryReader reader = reader()) {
            assertEquals(3, terms.docFreq(reader, "middling"), "two words kept: the cache starts over");
            assertEquals(7, terms.docFreq(reader, "common"), "read again, not the 6 kept before");
        }
    }
}
