package org.lede.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.lede.search.SearchResult;

/**
 * Counts every match by topic, author, kind and year from doc values: per segment by ordinal
 * into arrays, turned into values once per segment, so counting a million matches is array
 * arithmetic.
 */
final class Counter extends SimpleCollector {
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

    static CollectorManager<Counter, Counter> manager() {
        return new CollectorManager<>() {
            @Override
            public Counter newCollector() {
                return new Counter();
            }

            @Override
            public Counter reduce(Collection<Counter> collectors) {
                Counter all = new Counter();
                for (Counter c : collectors) {
                    all.total += c.total;
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
        total++;
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
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    long total() {
        return total;
    }

    SearchResult.Counts counts() {
        return new SearchResult.Counts(sorted(topics), sorted(authors), sorted(kinds), sorted(years));
    }

    private static List<SearchResult.Count> sorted(Map<String, Long> counts) {
        List<SearchResult.Count> out = new ArrayList<>();
        counts.forEach((value, n) -> out.add(new SearchResult.Count(value, n)));
        out.sort(Comparator.comparingLong(SearchResult.Count::count)
                .reversed()
                .thenComparing(SearchResult.Count::value));
        return out;
    }
}
