package org.lede.related;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How Go deeper ranks a candidate after the pins: each signal becomes a part between 0 and 1, and
 * the total is the parts weighed by {@link Weights}. Pure, so the ranking can be tested and
 * explained to editors part by part.
 */
public final class Blend {
    /**
     * How far apart in time two stories may be and still count half as close: coverage of a 2009
     * story is mostly from around 2009, so recency is measured from the story's own date.
     */
    public static final Duration HALF_LIFE = Duration.ofDays(365);

    /** Sharing this many people or places counts as fully shared; a single common name ("Washington") counts a third. */
    public static final int NAMES_FOR_FULL = 3;

    private Blend() {}

    /** What each part weighs in the total; non-negative, and the standard ones add up to 1. */
    public record Weights(double similarity, double topic, double tags, double names, double recency) {
        /** Text similarity leads: it sees what the story is about; the rest break ties and keep it near in time. */
        public static final Weights STANDARD = new Weights(0.40, 0.15, 0.15, 0.15, 0.15);

        public Weights {
            for (double w : new double[] {similarity, topic, tags, names, recency}) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("weights must be finite and non-negative");
                }
            }
        }
    }

    /**
     * What is known of one candidate against the story.
     *
     * @param similarity     the index's more-like-this score, 0 when it was not a hit
     * @param bestSimilarity the best score among the story's hits, 0 when there were none
     * @param sameTopic      whether it has the story's topic
     * @param sharedTags     how many of the story's tags it carries
     * @param storyTags      how many tags the story has
     * @param sharedNames    the people and places both name, in the story's order
     * @param apart          the time between the two dates, either way
     */
    public record Signals(
            double similarity,
            double bestSimilarity,
            boolean sameTopic,
            int sharedTags,
            int storyTags,
            List<String> sharedNames,
            Duration apart) {
        public Signals {
            sharedNames = List.copyOf(sharedNames);
            Objects.requireNonNull(apart, "apart");
        }
    }

    /**
     * One pick's parts, each 0 to 1, and their weighed total.
     *
     * @param pinned      an editor pinned it: it goes first whatever its total
     * @param sharedNames the people and places the part {@code names} counts
     */
    public record Score(
            boolean pinned,
            double similarity,
            double topic,
            double tags,
            double names,
            List<String> sharedNames,
            double recency,
            double total) {
        public Score {
            sharedNames = List.copyOf(sharedNames);
        }

        public Score asPinned() {
            return new Score(true, similarity, topic, tags, names, sharedNames, recency, total);
        }
    }

    public static Score score(Signals s, Weights w) {
        double similarity = s.bestSimilarity() > 0 ? clamp(s.similarity() / s.bestSimilarity()) : 0;
        double topic = s.sameTopic() ? 1 : 0;
        double tags = s.storyTags() > 0 ? clamp((double) s.sharedTags() / s.storyTags()) : 0;
        double names = clamp((double) s.sharedNames().size() / NAMES_FOR_FULL);
        double recency = Math.pow(0.5, (double) s.apart().abs().toSeconds() / HALF_LIFE.toSeconds());
        double total = w.similarity() * similarity
                + w.topic() * topic
                + w.tags() * tags
                + w.names() * names
                + w.recency() * recency;
        return new Score(false, similarity, topic, tags, names, s.sharedNames(), recency, total);
    }

    private static double clamp(double part) {
        return Math.max(0, Math.min(1, part));
    }
}
