package org.lede.search.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The best {@code k} matches a search has scored so far: higher score first, and at equal scores
 * the lower ordinal, so that every page of a search orders alike and a cursor of (score, ordinal)
 * pages by keyset. A linear scan finds the worst held: k is a page and a little, and a match
 * enters far less often than it is offered once the page is full.
 */
final class TopHits {
    /** A match and its score. */
    record Scored(double score, int ordinal) {}

    private static final Comparator<Scored> BEST_FIRST =
            Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::ordinal);

    private final double[] scores;
    private final int[] ordinals;
    private int size;
    private int worst;

    TopHits(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Keeps at least one match, not " + k);
        }
        scores = new double[k];
        ordinals = new int[k];
    }

    void offer(double score, int ordinal) {
        if (size < scores.length) {
            scores[size] = score;
            ordinals[size] = ordinal;
            size++;
            if (size == scores.length) {
                worst = findWorst();
            }
        } else if (better(score, ordinal, scores[worst], ordinals[worst])) {
            scores[worst] = score;
            ordinals[worst] = ordinal;
            worst = findWorst();
        }
    }

    /**
     * Whether a match scoring at most {@code bound} could still enter: a block whose best possible
     * score it does not admit need not be scored at all.
     */
    boolean admits(double bound) {
        return size < scores.length || bound >= scores[worst];
    }

    /** The matches held, best first. */
    List<Scored> best() {
        List<Scored> held = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            held.add(new Scored(scores[i], ordinals[i]));
        }
        held.sort(BEST_FIRST);
        return held;
    }

    private static boolean better(double score, int ordinal, double than, int thanOrdinal) {
        return score > than || (score == than && ordinal < thanOrdinal);
    }

    private int findWorst() {
        int found = 0;
        for (int i = 1; i < size; i++) {
            if (better(scores[found], ordinals[found], scores[i], ordinals[i])) {
                found = i;
            }
        }
        return found;
    }
}
