package org.lede.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.store.DataAccessHint;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.ReadAdvice;
import org.junit.jupiter.api.Test;

class ReadAdviceTest {
    /** How Lucene's postings reader opens its files: to be read at random. */
    private static final IOContext AT_RANDOM = IOContext.DEFAULT.withHints(DataAccessHint.RANDOM);

    @Test
    void termsPostingsAndPositionsAreReadAheadWhereLuceneWouldReadThemAtRandom() {
        for (String file : List.of("_b_Lucene103_0.tim", "_b_Lucene104_0.doc", "_b_Lucene104_0.pos")) {
            assertEquals(Optional.of(ReadAdvice.RANDOM), MMapDirectory.ADVISE_BY_CONTEXT.apply(file, AT_RANDOM), file);
            assertEquals(Optional.of(ReadAdvice.NORMAL), LuceneSearchIndex.readAdvice(file, AT_RANDOM), file);
        }
    }

    @Test
    void everythingElseKeepsLucenesAdvice() {
        for (String file : List.of("_b.fdt", "_b_Lucene90_0.dvd", "_b.kdd", "_b.cfs", "segments_4")) {
            assertEquals(Optional.of(ReadAdvice.RANDOM), LuceneSearchIndex.readAdvice(file, AT_RANDOM), file);
        }
        assertEquals(
                Optional.of(ReadAdvice.SEQUENTIAL),
                LuceneSearchIndex.readAdvice("_b_Lucene104_0.pos", IOContext.merge()));
        assertEquals(
                Optional.of(ReadAdvice.SEQUENTIAL),
                LuceneSearchIndex.readAdvice("_b_Lucene104_0.doc", IOContext.READONCE));
    }
}
