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
    static final float EXACT_BOOST = 0.5f;
    static final float FUZZY_BOOST = 0.2f;
    /** A typo costs the fewest terms when few are expanded; the best 20 near spellings are plenty. */
    private static final int FUZZY_EXPANSIONS = 20;
    /** In this many documents at least, a spelling is established, whatever the index's size. */
    static final int COMMON_AT_LEAST = 20;
    /** ... or in this share of the documents, when that is more. */
    static final int COMMON_ONE_IN = 1000;

    /** Each word and phrase typed, in order: null when none is a word. */
    private List<Part> parts;

    private final IndexReader reader;
    private final Set<String> stems = new HashSet<>();
    private final Set<String> forms = new HashSet<>();
    private final List<CompiledAutomaton> fuzzy = new ArrayList<>();

    /**
     * One word or phrase: what a document must hold to match it ({@code required}, null for a
     * word, which matches when any of its ranked clauses does), and the clauses whose scores rank
     * a match.
     */
    private record Part(Query required, List<Query> ranked) {
        Query matching() {
            if (required != null) {
                return required;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            ranked.forEach(clause -> any.add(clause, Occur.SHOULD));
            return any.build();
        }

        Part rewrittenBy(IndexSearcher searcher) throws IOException {
            List<Query> rewritten = new ArrayList<>(ranked.size());
            for (Query clause : ranked) {
                rewritten.add(searcher.rewrite(clause));
            }
            return new Part(required == null ? null : searcher.rewrite(required), rewritten);
        }
    }

    private TextQuery(SearchText text, Analyzer stemmed, Analyzer exact, IndexReader reader) {
        this.reader = reader;
        List<Part> parts = new ArrayList<>();
        for (SearchText.Part part : text.parts()) {
            List<String> words = new ArrayList<>();
            for (String word : part.words()) {
                words.addAll(terms(exact, word));
            }
            if (words.isEmpty()) {
                continue;
            }
            if (part.phrase()) {
                parts.add(phrase(words, stemmed));
            } else {
                for (String word : words) {
                    parts.add(word(word, stemmed));
                }
            }
        }
        this.parts = parts.isEmpty() ? null : parts;
    }

    /** @param reader the index searched, which tells how often a word is written */
    static TextQuery of(SearchText text, Analyzer stemmed, Analyzer exact, IndexReader reader) {
        return new TextQuery(text, stemmed, exact, reader);
    }

    /** Whether nothing typed is a word: the search is then a browse of everything in scope. */
    boolean isEmpty() {
        return parts == null;
    }

    /** What matches: every word and phrase, each somewhere. Null when {@link #isEmpty()}. */
    Query query() {
        if (parts == null) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        parts.forEach(part -> all.add(part.matching(), Occur.MUST));
        return all.build();
    }

    /**
     * Adds this query to {@code all} for a ranked search: what must match ({@link #query()}) as a
     * filter, and every word's ranked clauses (stemmed, as written, near spellings) side by side
     * as optional clauses, which alone make the score. The flat form lets Lucene rank by the
     * clauses that can still lift a match onto the page and pass over the documents only the weak
     * ones hold, where nesting hid every clause's bound inside its word's.
     *
     * <p>The caller adds its own optional clauses (recency) and must require one optional clause
     * to match, which the filter already ensures: that is the form Lucene skips with.
     */
    void addRanked(BooleanQuery.Builder all) {
        all.add(query(), Occur.FILTER);
        for (Part part : parts) {
            part.ranked().forEach(clause -> all.add(clause, Occur.SHOULD));
        }
    }

    /**
     * This query with its near spellings expanded into the terms they match, once for every pass
     * a search makes over the index (the hits, then the counts).
     */
    TextQuery rewrittenBy(IndexSearcher searcher) throws IOException {
        if (parts != null) {
            List<Part> rewritten = new ArrayList<>(parts.size());
            for (Part part : parts) {
                rewritten.add(part.rewrittenBy(searcher));
            }
            parts = rewritten;
        }
        return this;
    }

    /** How many words and phrases must match. */
    int clauses() {
        return parts == null ? 0 : parts.size();
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

    private Part word(String word, Analyzer stemmed) {
        forms.add(word);
        List<Query> any = new ArrayList<>();
        String stem = stem(stemmed, word);
        if (stem != null) {
            stems.add(stem);
            ranked(any, stem);
            any.add(new BoostQuery(new TermQuery(new Term(Fields.EXACT, word)), EXACT_BOOST));
        } else {
            // A stop word ranks nothing, but a search of only such words ("the who") still finds its words.
            any.add(new TermQuery(new Term(Fields.EXACT, word)));
        }
        int edits = edits(word);
        if (edits > 0 && !isCommon(word)) {
            FuzzyQuery near = new FuzzyQuery(new Term(Fields.EXACT, word), edits, 1, FUZZY_EXPANSIONS, true);
            fuzzy.add(near.getAutomata());
            any.add(new BoostQuery(near, FUZZY_BOOST));
        }
        return new Part(null, any);
    }

    private Part phrase(List<String> words, Analyzer stemmed) {
        forms.addAll(words);
        Query exact = words.size() == 1
                ? new TermQuery(new Term(Fields.EXACT, words.getFirst()))
                : new PhraseQuery(Fields.EXACT, words.toArray(String[]::new));
        List<Query> ranked = new ArrayList<>();
        // The phrase decides what matches; where its words are written decides the rank, headline
        // first. The phrase is no ranked clause itself: Lucene would then bound its score block by
        // block from its words' positions, which cost more than reading every match.
        for (String word : words) {
            String stem = stem(stemmed, word);
            if (stem != null) {
                ranked(ranked, stem);
            }
        }
        return new Part(exact, ranked);
    }

    /** A stem ranked where it is written, headline first: the weights are in its counts ({@link Fields#WORDS}). */
    private static void ranked(List<Query> any, String stem) {
        any.add(new TermQuery(new Term(Fields.WORDS, stem)));
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
