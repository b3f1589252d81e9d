package org.lede.web.reader;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lede.author.Author;
import org.lede.reading.SearchPage;
import org.lede.search.SearchQuery;
import org.lede.topic.Topic;

/**
 * The search page: the form as the reader left it, and the results, filters and next page. The
 * links it makes carry the search's whole state in the query string, so every step works without
 * script and can be bookmarked.
 *
 * @param indexable true for the bare page of tips that search engines may list; results never are
 */
public record SearchPageModel(Page page, SearchPage search, boolean indexable) implements ReaderModel {
    @Override
    public String template() {
        return "reader/search.jte";
    }

    /** "About 10,000+ results" when the index stopped counting, else the exact number. */
    public String countText() {
        String number = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(search.total());
        if (!search.exact()) {
            return "About " + number + "+ results";
        }
        return search.total() == 1 ? "1 result" : number + " results";
    }

    public boolean newest() {
        return search.sort() == SearchQuery.Sort.NEWEST;
    }

    /** This search on its next page. */
    public String nextHref() {
        return href(state().cursor(search.next()));
    }

    /** This search from its first page. */
    public String firstHref() {
        return href(state());
    }

    /** The same words with no filter. */
    public String withoutFiltersHref() {
        return href(new State(search.text(), List.of(), List.of(), List.of(), null, null, sortKey(), null));
    }

    public String sortHref(String sort) {
        State s = state();
        return href(new State(s.text, s.topics, s.authors, s.kinds, s.from, s.to, sort, null));
    }

    public String topicHref(String slug) {
        State s = state();
        return href(new State(s.text, toggle(s.topics, slug), s.authors, s.kinds, s.from, s.to, s.sort, null));
    }

    public String authorHref(String slug) {
        State s = state();
        return href(new State(s.text, s.topics, toggle(s.authors, slug), s.kinds, s.from, s.to, s.sort, null));
    }

    public String kindHref(String kind) {
        State s = state();
        return href(new State(s.text, s.topics, s.authors, toggle(s.kinds, kind), s.from, s.to, s.sort, null));
    }

    /** Only this year, or every year again when the search is already limited to it. */
    public String yearHref(String year) {
        State s = state();
        if (yearSelected(year)) {
            return href(new State(s.text, s.topics, s.authors, s.kinds, null, null, s.sort, null));
        }
        return href(new State(s.text, s.topics, s.authors, s.kinds, year + "-01-01", year + "-12-31", s.sort, null));
    }

    public boolean yearSelected(String year) {
        LocalDate from = search.from();
        LocalDate to = search.to();
        return from != null
                && to != null
                && from.equals(LocalDate.of(from.getYear(), 1, 1))
                && to.equals(LocalDate.of(from.getYear(), 12, 31))
                && String.valueOf(from.getYear()).equals(year);
    }

    public String fromValue() {
        return search.from() == null ? "" : search.from().toString();
    }

    public String toValue() {
        return search.to() == null ? "" : search.to().toString();
    }

    private String sortKey() {
        boolean isDefault = search.text().isEmpty() ? newest() : !newest();
        return isDefault ? null : newest() ? "newest" : "relevance";
    }

    private State state() {
        return new State(
                search.text(),
                search.topics().stream().map(Topic::slug).toList(),
                search.authors().stream().map(Author::slug).toList(),
                search.kinds(),
                fromValue().isEmpty() ? null : fromValue(),
                toValue().isEmpty() ? null : toValue(),
                sortKey(),
                null);
    }

    private static List<String> toggle(List<String> values, String value) {
        List<String> out = new ArrayList<>(values);
        if (!out.remove(value)) {
            out.add(value);
        }
        return out;
    }

    private static String href(State s) {
        StringBuilder out = new StringBuilder("/search");
        List<String> pairs = new ArrayList<>();
        if (!s.text.isEmpty()) {
            pairs.add("q=" + encode(s.text));
        }
        s.topics.forEach(v -> pairs.add("topic=" + encode(v)));
        s.authors.forEach(v -> pairs.add("author=" + encode(v)));
        s.kinds.forEach(v -> pairs.add("kind=" + encode(v)));
        if (s.from != null) {
            pairs.add("from=" + s.from);
        }
        if (s.to != null) {
            pairs.add("to=" + s.to);
        }
        if (s.sort != null) {
            pairs.add("sort=" + s.sort);
        }
        if (s.cursor != null) {
            pairs.add("after=" + encode(s.cursor));
        }
        if (!pairs.isEmpty()) {
            out.append('?').append(String.join("&", pairs));
        }
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A search's whole state, as its links carry it. */
    private record State(
            String text,
            List<String> topics,
            List<String> authors,
            List<String> kinds,
            String from,
            String to,
            String sort,
            String cursor) {
        State cursor(String next) {
            return new State(text, topics, authors, kinds, from, to, sort, next);
        }
    }
}
