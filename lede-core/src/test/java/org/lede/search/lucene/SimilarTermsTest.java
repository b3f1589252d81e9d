package org.lede.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimilarTermsTest {
    private ByteBuffersDirectory directory;
    private DirectoryReader reader;

    /** "common" is in 6 documents, "middling" in 3, "rare" in 1. */
    @BeforeEach
    void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int i = 0; i < 6; i++) {
                String text = "common" + (i < 3 ? " middling" : "") + (i == 0 ? " rare" : "");
                Document doc = new Document();
                doc.add(new TextField(Fields.BODY, text, Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    private static Query like(Object... boostsAndWords) {
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        for (int i = 0; i < boostsAndWords.length; i += 2) {
            like.add(
                    new BoostQuery(new TermQuery(new Term(Fields.BODY, (String) boostsAndWords[i + 1])), (Float)
                            boostsAndWords[i]),
                    Occur.SHOULD);
        }
        return like.build();
    }

    private static List<String> words(Query query) {
        return ((BooleanQuery) query)
                .clauses().stream()
                        .map(BooleanClause::query)
                        .map(q -> ((TermQuery) ((BoostQuery) q).getQuery())
                                .getTerm()
                                .text())
                        .toList();
    }

    @Test
    void everyTermIsKeptWhenTheirPostingsFit() throws IOException {
        Query like = like(1f, "rare", 3f, "common", 2f, "middling");
        assertEquals(List.of("common", "middling", "rare"), words(SimilarTerms.within(like, reader, 6 + 3 + 1)));
    }

    @Test
    void theBestTermsComeFirstAndARarerOneStillFitsWhereACommonOneDoesNot() throws IOException {
        Query like = like(1f, "rare", 3f, "middling", 2f, "common");
        assertEquals(List.of("middling", "rare"), words(SimilarTerms.within(like, reader, 4)));
        assertEquals(List.of("middling"), words(SimilarTerms.within(like, reader, 3)));
        assertEquals(List.of("rare"), words(SimilarTerms.within(like, reader, 2)));
        assertEquals(List.of("common"), words(SimilarTerms.within(like(2f, "common", 1f, "middling"), reader, 8)));
    }

    @Test
    void aQueryOfOneTermIsLeftAsItIs() throws IOException {
        Query one = new TermQuery(new Term(Fields.BODY, "common"));
        assertSame(one, SimilarTerms.within(one, reader, 0));
    }
}
