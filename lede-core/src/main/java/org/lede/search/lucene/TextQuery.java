package org.lede.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.lede.search.SearchText;

/**
 * The query for what a person typed, built term by term (never parsed as query syntax): every
 * word must match somewhere, ranked by where (headline first), in its stemmed form, as written,
 * or with a typo or two at a lower weight, so an exact match outranks a near one. A phrase must
 * match as written, in order.
 *
 * <p>A word that is itself written often in the index ({@link #isCommon}) is searched for as
 * written only: it is no typo, and its near spellings are mostly other words ("costs" and
 * "posts"), which would add noise to the results and cost to every search for it.
 */
final class TextQuery {
    static final float HEADLINE_BOOST = 3f;
    static final float DEK_BOOST = 1.5f;
    static final float LEAD_IN_BOOST = 1.5f;
    static final float META_BOOST = 1.5f;
    static final float EXACT_BOOST = 0.5f;
    static final float FUZZY_BOOST = 0.2f;
    /** A typo costs the fewest terms when few are expanded; the best 20 near spellings are plenty. */
    private static final int FUZZY_EXPANSIONS = 20;
    /** In this many documents at least, a spelling is established, whatever the index's size. */
    static final int COMMON_AT_LEAST = 20;
    /** ... or in this share of the documents, when that is more. */
    static final int COMMON_ONE_IN = 1000;

    private Query query;
    private final int clauses;
    private final IndexReader reader;
    private final Set<String> stems = new HashSet<>();
    private final Set<String> forms = new HashSet<>();
    private final List<CompiledAutomaton> fuzzy = new ArrayList<>();

    private TextQuery(SearchText text, Analyzer stemmed, Analyzer exact, IndexReader reader) {
        this.reader = reader;
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (SearchText.Part part : text.parts()) {
            List<String> words = new ArrayList<>();
            for (String word : part.words()) {
                words.addAll(terms(exact, word));
            }
            if (words.isEmpty()) {
                continue;
            }
            if (part.phrase()) {
                all.add(phrase(words, stemmed), Occur.MUST);
                clauses++;
            } else {
                for (String word : words) {
                    all.add(word(word, stemmed), Occur.MUST);
                    clauses++;
                }
            }
        }
        this.query = clauses == 0 ? null : all.build();
        this.clauses = clauses;
    }

    /** @param reader the index searched, which tells how often a word is written */
    static TextQuery of(SearchText text, Analyzer stemmed, Analyzer exact, IndexReader reader) {
        return new TextQuery(text, stemmed, exact, reader);
    }

    /** Null when nothing typed is a word: the search is then a browse of everything in scope. */
    Query query() {
        return query;
    }

    /**
     * This query with its near spellings expanded into the terms they match, once for every pass
     * a search makes over the index (the hits, then the counts).
     */
    TextQuery rewrittenBy(IndexSearcher searcher) throws IOException {
        if (query != null) {
            query = searcher.rewrite(query);
        }
        return this;
    }

    /** How many words and phrases must match. */
    int clauses() {
        return clauses;
    }

    /** Whether a word of a text, as written ({@code form}) and stemmed ({@code stem}, null for a stop word), matches. */
    boolean matches(String form, String stem) {
        if (forms.contains(form) || stem != null && stems.contains(stem)) {
            return true;
        }
        for (CompiledAutomaton automaton : fuzzy) {
            if (automaton.runAutomaton != null) {
                byte[] bytes = form.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (automaton.runAutomaton.run(bytes, 0, bytes.length)) {
                    return true;
                }
            } else if (automaton.term != null && automaton.term.utf8ToString().equals(form)) {
                return true;
            }
        }
        return false;
    }

    private Query word(String word, Analyzer stemmed) {
        forms.add(word);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        String stem = stem(stemmed, word);
        if (stem != null) {
            stems.add(stem);
            ranked(any, stem);
            any.add(new BoostQuery(new TermQuery(new Term(Fields.EXACT, word)), EXACT_BOOST), Occur.SHOULD);
        } else {
            // A stop word ranks nothing, but a search of only such words ("the who") still finds its words.
            any.add(new TermQuery(new Term(Fields.EXACT, word)), Occur.SHOULD);
        }
        int edits = edits(word);
        if (edits > 0 && !isCommon(word)) {
            FuzzyQuery near = new FuzzyQuery(new Term(Fields.EXACT, word), edits, 1, FUZZY_EXPANSIONS, true);
            fuzzy.add(near.getAutomata());
            any.add(new BoostQuery(near, FUZZY_BOOST), Occur.SHOULD);
        }
        return any.build();
    }

    private Query phrase(List<String> words, Analyzer stemmed) {
        forms.addAll(words);
        Query exact = words.size() == 1
                ? new TermQuery(new Term(Fields.EXACT, words.getFirst()))
                : new PhraseQuery(Fields.EXACT, words.toArray(String[]::new));
        BooleanQuery.Builder phrase = new BooleanQuery.Builder().add(exact, Occur.MUST);
        // The phrase decides what matches; its words' fields decide the rank, headline first.
        for (String word : words) {
            String stem = stem(stemmed, word);
            if (stem != null) {
                ranked(phrase, stem);
            }
        }
        return phrase.build();
    }

    private static void ranked(BooleanQuery.Builder any, String stem) {
        any.add(new BoostQuery(new TermQuery(new Term(Fields.HEADLINE, stem)), HEADLINE_BOOST), Occur.SHOULD);
        any.add(new BoostQuery(new TermQuery(new Term(Fields.DEK, stem)), DEK_BOOST), Occur.SHOULD);
        any.add(new BoostQuery(new TermQuery(new Term(Fields.LEAD_INS, stem)), LEAD_IN_BOOST), Occur.SHOULD);
        any.add(new TermQuery(new Term(Fields.BODY, stem)), Occur.SHOULD);
        any.add(new BoostQuery(new TermQuery(new Term(Fields.META, stem)), META_BOOST), Occur.SHOULD);
    }

    /** Whether the word, as written, is in at least one of {@link #COMMON_ONE_IN} documents (and {@link #COMMON_AT_LEAST}). */
    private boolean isCommon(String word) {
        try {
            int common = Math.max(COMMON_AT_LEAST, reader.numDocs() / COMMON_ONE_IN);
            return reader.docFreq(new Term(Fields.EXACT, word)) >= common;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One typo in a word of 4 to 7 characters, two from 8; shorter words have too many neighbours. */
    static int edits(String word) {
        int length = word.codePointCount(0, word.length());
        return length < 4 ? 0 : length < 8 ? 1 : 2;
    }

    private static String stem(Analyzer stemmed, String word) {
        List<String> terms = terms(stemmed, word);
        return terms.isEmpty() ? null : terms.getFirst();
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(Fields.EXACT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                out.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
