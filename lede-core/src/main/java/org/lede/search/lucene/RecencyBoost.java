package org.lede.search.lucene;

import org.apache.lucene.document.LongField;
import org.apache.lucene.search.Query;

/**
 * Recency as a clause beside the text's: a bonus added to text relevance, up to {@link
 * #WEIGHT_PER_WORD} per word searched for a story of the moment searched, half that at {@link
 * #HALF_LIFE_DAYS} days away, fading toward none with age. News is read for what is new, yet an
 * old story that matches much better still wins: a word in the headline outweighs the whole bonus.
 *
 * <p>Added, not multiplied, because Lucene can then skip every match that cannot reach the page
 * (the clause knows its best score, a product does not), so a word in half the archive costs
 * about what a rare one does. Per word, because each word adds its own text score: a longer
 * search would otherwise leave recency nothing to say.
 */
final class RecencyBoost {
    static final float WEIGHT_PER_WORD = 1.5f;
    static final long HALF_LIFE_DAYS = 30;
    private static final long DAY_MILLIS = 86_400_000L;

    private RecencyBoost() {}

    /**
     * @param reference the moment ages are measured from, in epoch milliseconds
     * @param words     how many words (or phrases) the text query requires
     */
    static Query clause(long reference, int words) {
        return LongField.newDistanceFeatureQuery(
                Fields.DATE, WEIGHT_PER_WORD * Math.max(1, words), reference, HALF_LIFE_DAYS * DAY_MILLIS);
    }
}
