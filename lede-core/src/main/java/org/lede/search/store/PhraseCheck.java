package org.lede.search.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Phrases, checked in PostgreSQL: the postings hold no positions, so a phrase's candidates are the
 * documents holding all its words, and their search vectors say which hold the words in order.
 */
final class PhraseCheck {
    /**
     * The most candidates of a phrase search whose text is checked for the phrase, all at once;
     * past it, an even sample of {@link #SAMPLE} estimates how many hold it, and pages
     * check the best candidates in rounds.
     */
    static final int CHECKED = 300;

    private static final int SAMPLE = 60;

    private static final int ROUNDS = 3;

    private PhraseCheck() {}

    /**
     * The best {@code k} candidates after {@code from} that hold the phrase, and the share of an even
     * sample of {@link #SAMPLE} candidates that holds it. The first round checks the best
     * {@code k} and the sample in one statement; each later round checks as many of the next best
     * as the sample's share says should hold enough, twice over. After {@link #ROUNDS}
     * rounds a page ends short with {@code resume}, the last candidate checked, for the next page
     * to go on after: a page's work stays bounded when few candidates hold the phrase.
     */
    static Phrased page(
            Handle h,
            QueryTerms terms,
            BlockSearch.Matches matches,
            boolean byDate,
            long ref,
            TopHits.Scored from,
            int k) {
        List<Integer> sample = matches.spread(SAMPLE);
        List<TopHits.Scored> found = new ArrayList<>();
        TopHits.Scored checkedTo = from;
        int round = k;
        double share = 1;
        for (int r = 0; r < ROUNDS; r++) {
            List<TopHits.Scored> candidates = matches.top(byDate, ref, checkedTo, round);
            List<Integer> checked = new ArrayList<>(
                    candidates.stream().map(TopHits.Scored::ordinal).toList());
            if (r == 0) {
                checked.addAll(sample);
            }
            Set<Integer> holding = Set.copyOf(holding(h, terms, checked));
            if (r == 0) {
                share = (double) sample.stream().filter(holding::contains).count() / sample.size();
            }
            for (TopHits.Scored c : candidates) {
                if (holding.contains(c.ordinal())) {
                    found.add(c);
                    if (found.size() == k) {
                        return new Phrased(found, null, share);
                    }
                }
            }
            if (candidates.size() < round) {
                return new Phrased(found, null, share);
            }
            checkedTo = candidates.getLast();
            round = (int) Math.min(CHECKED, Math.ceil(2.0 * (k - found.size()) / Math.max(share, 1.0 / SAMPLE)));
        }
        return new Phrased(found, checkedTo, share);
    }

    /**
     * A page of a phrase search: what holds the phrase, where the next page goes on when it ended
     * short, and the share of the candidates that holds the phrase, by a sample.
     */
    record Phrased(List<TopHits.Scored> found, TopHits.Scored resume, double share) {}

    /** Which of the documents at {@code ordinals} hold the search's text, phrases in order included. */
    static List<Integer> holding(Handle h, QueryTerms terms, List<Integer> ordinals) {
        if (ordinals.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT ordinal FROM search_documents d WHERE ordinal = ANY(:ordinals) AND "
                        + (terms.titleWords() ? "title_words" : DocumentRows.VECTOR) + " @@ :q::tsquery")
                .bindArray("ordinals", Integer.class, ordinals)
                .bind("q", terms.query())
                .mapTo(Integer.class)
                .list();
    }
}
