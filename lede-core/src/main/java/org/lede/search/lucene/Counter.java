package org.lede.search.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Weight;
import org.lede.search.Estimates;
import org.lede.search.SearchResult;

/**
 * Counts matches by topic, author, kind and year from doc values: per segment by ordinal into
 * arrays, turned into values once per segment.
 *
 * <p>{@link #count} is exact up to {@link SearchResult#EXACT_UP_TO} matches. Past that, counting
 * every match would cost in proportion to how common the words are (a word in half of a million
 * stories), so the counts are of an even sample of the index ({@link Sample}) of about {@link
 * #SAMPLED} matches, scaled to the whole: estimates, flagged as such, which the page shows as
 * "About ...".
 */
final class Counter extends SimpleCollector {
    /** About how many matches an estimate counts: enough for the counts' order and size to hold. */
    static final long SAMPLED = 4_000;

    /** Counts of the matches, exact or estimated. */
    record Result(long total, boolean exact, SearchResult.Counts counts) {}

    private final long limit;
    private final boolean windowed;
    private final boolean byValue;
    // In a sample: the window being counted, its matches so far, and the sum of the squares of those before.
    private long window = -1;
    private long inWindow;
    private double squares;
    private int docBase;
    private int stoppedAt = -1;
    private final Map<String, Long> topics = new HashMap<>();
    private final Map<String, Long> authors = new HashMap<>();
    private final Map<String, Long> kinds = new HashMap<>();
    private final Map<String, Long> years = new HashMap<>();
    private long total;

    private SortedDocValues topic;
    private SortedSetDocValues author;
    private SortedDocValues kind;
    private SortedDocValues year;
    private long[] topicCounts;
    private long[] authorCounts;
    private long[] kindCounts;
    private long[] yearCounts;

    private Counter(long limit, boolean windowed, boolean byValue) {
        this.limit = limit;
        this.windowed = windowed;
        this.byValue = byValue;
    }

    /**
     * The counts of what {@code query} matches: exact when it matches up to {@link
     * SearchResult#EXACT_UP_TO}. Where the index's own bound on the matches ({@code cost}, what
     * the postings read would hold) is past that, a sample comes first, and when it shows the
     * matches are surely past it too ({@link #surelyPast}), it is the answer, without reading
     * the matches one by one. Otherwise the exact pass decides, and the sample stands in when that
     * pass stops at its limit.
     */
    static Result count(IndexSearcher searcher, Query query, boolean byValue) throws IOException {
        long maxDoc = searcher.getIndexReader().maxDoc();
        long bound = cost(searcher, query);
        Sampled sampled = null;
        if (bound > SearchResult.EXACT_UP_TO) {
            sampled = sampled(searcher, query, stride(maxDoc, bound), byValue);
            if (sampled.surelyPast()) {
                return sampled.result();
            }
        }
        Counter first = searcher.search(query, manager(SearchResult.EXACT_UP_TO + 1, false, byValue));
        if (first.stoppedAt < 0) {
            return new Result(first.total, true, first.counts(1));
        }
        if (sampled != null) {
            return sampled.result();
        }
        // Some queries' bounds are estimates (a range of dates): how far the exact pass read to
        // meet that many tells how common the matches are.
        return sampled(searcher, query, stride(maxDoc, (double) first.total * maxDoc / (first.stoppedAt + 1)), byValue)
                .result();
    }

    /**
     * How many standard errors below its estimate the sample's count may be and still be past
     * exact counting. The cost of a wrong "surely" is small (an estimate where a count of a few
     * thousand could have been exact), that of a needless exact pass is reading ten thousand
     * matches, and three leaves one wrong call in about seven hundred.
     */
    static final double SURE = 3;

    /**
     * Whether a sample's matches say the whole holds more than {@link SearchResult#EXACT_UP_TO}
     * even after taking off {@link #SURE} standard errors. The error comes from how the matches
     * spread over the sample's windows: an archive writes a story's neighbours together, so
     * matches bunch in windows, and a count of bunched matches varies more than one of scattered
     * ones.
     *
     * @param matches the sample's matches
     * @param squares the sum over the sample's windows of each window's matches squared
     * @param windows the sample's windows, those without matches included
     * @param scale   the whole over the sample
     */
    static boolean surelyPast(long matches, double squares, long windows, double scale) {
        if (windows < 2) {
            return false;
        }
        double mean = (double) matches / windows;
        double spread = Math.max(0, (squares - matches * mean) / (windows - 1));
        double error = Math.sqrt(windows * spread);
        return (matches - SURE * error) * scale > SearchResult.EXACT_UP_TO;
    }

    private record Sampled(Result result, boolean surelyPast) {}

    private static int stride(long maxDoc, double matches) {
        return (int) Math.max(2, Math.min(maxDoc / Sample.WINDOW, matches / SAMPLED));
    }

    private static long cost(IndexSearcher searcher, Query query) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        long cost = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            if (supplier != null) {
                cost += supplier.cost();
            }
        }
        return cost;
    }

    private static Sampled sampled(IndexSearcher searcher, Query query, int stride, boolean byValue)
            throws IOException {
        long maxDoc = searcher.getIndexReader().maxDoc();
        Sample sample = new Sample(stride);
        Query sampled = new BooleanQuery.Builder()
                .add(query, Occur.FILTER)
                .add(sample, Occur.FILTER)
                .build();
        Counter counted = searcher.search(sampled, manager(Long.MAX_VALUE, true, byValue));
        long size = sample.size(maxDoc);
        double scale = (double) maxDoc / size;
        long total = Math.max(SearchResult.EXACT_UP_TO + 1, Estimates.rough(counted.total * scale));
        long windows = (size + Sample.WINDOW - 1) / Sample.WINDOW;
        return new Sampled(
                new Result(total, false, counted.counts(scale)),
                surelyPast(counted.total, counted.squares, windows, scale));
    }

    /**
     * @param windowed whether to keep each sample window's matches, for {@link #surelyPast}
     * @param byValue  whether to count by topic, author, kind and year, or the matches alone
     */
    private static CollectorManager<Counter, Counter> manager(long limit, boolean windowed, boolean byValue) {
        return new CollectorManager<>() {
            @Override
            public Counter newCollector() {
                return new Counter(limit, windowed, byValue);
            }

            @Override
            public Counter reduce(Collection<Counter> collectors) throws IOException {
                Counter all = new Counter(limit, windowed, byValue);
                for (Counter c : collectors) {
                    c.flush();
                    all.total += c.total;
                    all.squares += c.squares + (double) c.inWindow * c.inWindow;
                    all.stoppedAt = Math.max(all.stoppedAt, c.stoppedAt);
                    c.topics.forEach((k, v) -> all.topics.merge(k, v, Long::sum));
                    c.authors.forEach((k, v) -> all.authors.merge(k, v, Long::sum));
                    c.kinds.forEach((k, v) -> all.kinds.merge(k, v, Long::sum));
                    c.years.forEach((k, v) -> all.years.merge(k, v, Long::sum));
                }
                return all;
            }
        };
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        if (stoppedAt >= 0) {
            throw new CollectionTerminatedException();
        }
        docBase = context.docBase;
        if (!byValue) {
            return;
        }
        topic = DocValues.getSorted(context.reader(), Fields.TOPIC);
        author = DocValues.getSortedSet(context.reader(), Fields.AUTHOR);
        kind = DocValues.getSorted(context.reader(), Fields.KIND);
        year = DocValues.getSorted(context.reader(), Fields.YEAR);
        topicCounts = new long[topic.getValueCount()];
        authorCounts = new long[(int) author.getValueCount()];
        kindCounts = new long[kind.getValueCount()];
        yearCounts = new long[year.getValueCount()];
    }

    @Override
    public void collect(int doc) throws IOException {
        if (total == limit) {
            stoppedAt = docBase + doc;
            throw new CollectionTerminatedException();
        }
        total++;
        if (windowed) {
            long at = (docBase + doc) / Sample.WINDOW;
            if (at != window) {
                squares += (double) inWindow * inWindow;
                window = at;
                inWindow = 0;
            }
            inWindow++;
        }
        if (!byValue) {
            return;
        }
        if (topic.advanceExact(doc)) {
            topicCounts[topic.ordValue()]++;
        }
        if (author.advanceExact(doc)) {
            for (int i = 0; i < author.docValueCount(); i++) {
                authorCounts[(int) author.nextOrd()]++;
            }
        }
        if (kind.advanceExact(doc)) {
            kindCounts[kind.ordValue()]++;
        }
        if (year.advanceExact(doc)) {
            yearCounts[year.ordValue()]++;
        }
    }

    @Override
    public void finish() throws IOException {
        flush();
    }

    /** Turns the segment's ordinals into values, once: after its last match, or when it was cut short. */
    private void flush() throws IOException {
        if (topicCounts == null) {
            return;
        }
        for (int ord = 0; ord < topicCounts.length; ord++) {
            if (topicCounts[ord] > 0) {
                topics.merge(topic.lookupOrd(ord).utf8ToString(), topicCounts[ord], Long::sum);
            }
        }
        for (int ord = 0; ord < authorCounts.length; ord++) {
            if (authorCounts[ord] > 0) {
                authors.merge(author.lookupOrd(ord).utf8ToString(), authorCounts[ord], Long::sum);
            }
        }
        for (int ord = 0; ord < kindCounts.length; ord++) {
            if (kindCounts[ord] > 0) {
                kinds.merge(kind.lookupOrd(ord).utf8ToString(), kindCounts[ord], Long::sum);
            }
        }
        for (int ord = 0; ord < yearCounts.length; ord++) {
            if (yearCounts[ord] > 0) {
                years.merge(year.lookupOrd(ord).utf8ToString(), yearCounts[ord], Long::sum);
            }
        }
        topicCounts = null;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /**
     * The counts, each times {@code scale} when it is not one ({@link Estimates#scaled}); {@link
     * SearchResult.Counts#NONE} when only the matches were counted.
     */
    private SearchResult.Counts counts(double scale) {
        if (!byValue) {
            return SearchResult.Counts.NONE;
        }
        SearchResult.Counts exact = new SearchResult.Counts(
                SearchResult.Count.mostFirst(topics),
                SearchResult.Count.mostFirst(authors),
                SearchResult.Count.mostFirst(kinds),
                SearchResult.Count.mostFirst(years));
        return scale == 1 ? exact : Estimates.scaled(exact, scale);
    }
}
