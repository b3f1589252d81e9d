package org.lede.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.lede.search.SearchDocument;

/** Text split once for its two fields is indexed exactly as each field's own analyzer would index it. */
class AnalyzedOnceTest {
    private final Analyzer stemmed = Analyzers.stemmed();
    private final Analyzer exact = Analyzers.exact();
    private final Analyzer perField = Analyzers.perField(stemmed, exact);

    @Test
    void everyFieldHoldsTheSameTermsFrequenciesPositionsAndNormsAsItsAnalyzerGives() throws IOException {
        SearchDocument d = new SearchDocument(
                "01ARZ3NDEKTSV4RRFFQ69G5FAV",
                SearchDocument.Type.STORY,
                "The Mayor's élections: voters were running to the polls",
                "Glenport's mayor, José Núñez, wins a third term in 2026",
                List.of("Why it matters", "The big picture"),
                "Councils are the ones that decided.\nTurnout reached 57.5 percent — the highest since 1998.\n"
                        + "\"It was an easy call,\" said the mayor's spokesperson (e-mail: press@example.com).",
                "topic-1",
                "Local politics",
                List.of("elections", "glenport"),
                List.of("author-1", "author-2"),
                List.of("Ana Ruiz", "Ben O'Dea"),
                List.of(),
                "news",
                "published",
                true,
                null,
                Instant.parse("2026-11-29T15:05:02.123Z"));
        Document once = Fields.document(d, exact);
        Document reference = new Document();
        for (IndexableField f : once) {
            if (f.name().equals(Fields.WORDS)) {
                // Weighed by where each text is: its counts are checked below.
                continue;
            }
            // The same text and field type, analyzed by the writer's analyzer as any field would be.
            reference.add(
                    f instanceof Field field
                                    && field.fieldType().tokenized()
                                    && field.fieldType().indexOptions() != IndexOptions.NONE
                                    && field.stringValue() != null
                            ? new Field(field.name(), field.stringValue(), field.fieldType())
                            : f);
        }
        String expected = indexed(reference);
        assertTrue(expected.contains("exact:glenport"), expected);
        String indexed = indexed(once);
        assertEquals(
                expected,
                indexed.lines()
                        .filter(line -> !line.startsWith(Fields.WORDS + ":") && !line.startsWith(Fields.WORDS + " "))
                        .collect(java.util.stream.Collectors.joining("\n")));
        List<String> words = indexed.lines()
                .filter(line -> line.startsWith(Fields.WORDS + ":"))
                .toList();
        // "élections" in the headline, "elections" a tag: stemmed alike, counted as the headline and a tag weigh.
        assertTrue(
                words.contains("words:election x" + (Fields.HEADLINE_WEIGHT + Fields.META_WEIGHT)),
                "weighed: " + words);
        // "Mayor's" in the headline, "mayor" in the dek, "mayor's" in the body.
        assertTrue(
                words.contains("words:mayor x" + (Fields.HEADLINE_WEIGHT + Fields.DEK_WEIGHT + Fields.BODY_WEIGHT)),
                "weighed: " + words);
        // Lead-in labels are weighed as such, and stop words are not ranked.
        assertTrue(words.contains("words:picture x" + Fields.LEAD_IN_WEIGHT), "weighed: " + words);
        assertFalse(words.stream().anyMatch(line -> line.startsWith("words:the ")), "no stop words: " + words);
    }

    /** Every indexed field's terms with their frequency and positions, and its norm, as text. */
    private String indexed(Document doc) throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(perField))) {
            writer.addDocument(doc);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                LeafReader leaf = reader.leaves().getFirst().reader();
                TreeMap<String, String> out = new TreeMap<>();
                for (FieldInfo info : leaf.getFieldInfos()) {
                    if (info.getIndexOptions() == IndexOptions.NONE) {
                        continue;
                    }
                    Terms terms = leaf.terms(info.name);
                    TermsEnum it = terms.iterator();
                    List<String> lines = new ArrayList<>();
                    while (it.next() != null) {
                        PostingsEnum postings = it.postings(null, PostingsEnum.POSITIONS);
                        postings.nextDoc();
                        StringBuilder line =
                                new StringBuilder(info.name + ":" + it.term().utf8ToString() + " x" + postings.freq());
                        if (info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0) {
                            for (int i = 0; i < postings.freq(); i++) {
                                line.append(' ').append(postings.nextPosition());
                            }
                        }
                        lines.add(line.toString());
                    }
                    NumericDocValues norms = leaf.getNormValues(info.name);
                    if (norms != null && norms.advanceExact(0)) {
                        lines.add(info.name + " norm " + norms.longValue());
                    }
                    out.put(info.name, String.join("\n", lines));
                }
                return String.join("\n", out.values());
            }
        }
    }
}
