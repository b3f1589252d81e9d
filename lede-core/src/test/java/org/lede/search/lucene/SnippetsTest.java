package org.lede.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {
    private final Snippets snippets = new Snippets();

    /** What the ranked field holds for a word as written: nothing for a stop word, else its stem. */
    private static String indexed(String form) {
        List<String> terms = TextQuery.terms(Analyzers.stemmed(), form);
        return terms.isEmpty() ? null : terms.getFirst();
    }

    @Test
    void aWordStemsAsTheIndexStemmedIt() {
        List<String> forms = List.of(
                "elections",
                "election",
                "voted",
                "voting",
                "councils",
                "mice",
                "feet",
                "children",
                "ran",
                "studies",
                "happily",
                "governor",
                "2024",
                "x",
                "analyses",
                "the",
                "and",
                "into",
                "its",
                "was");
        for (String form : forms) {
            assertEquals(indexed(form), snippets.stem(form), form);
            assertEquals(indexed(form), snippets.stem(form), form + ", asked again");
        }
        assertEquals("election", snippets.stem("elections"));
        assertNull(snippets.stem("the"), "a stop word has no stem");
    }

    @Test
    void stemsAreKeptUpToABoundAndStayRightPastIt() {
        for (int i = 0; i < 100; i++) {
            snippets.stem("word" + i + "s");
        }
        snippets.stem("the");
        assertEquals(100, snippets.kept(), "each word stemmed once is kept; stop words need no stem");
        for (int i = 100; i <= Snippets.STEMS_KEPT + 10; i++) {
            snippets.stem("word" + i + "s");
        }
        assertTrue(snippets.kept() <= Snippets.STEMS_KEPT, "kept: " + snippets.kept());
        assertEquals(indexed("councils"), snippets.stem("councils"));
        assertEquals(indexed("word7s"), snippets.stem("word7s"));
    }
}
