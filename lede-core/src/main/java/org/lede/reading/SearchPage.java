package org.lede.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.lede.author.Author;
import org.lede.common.BadRequestException.FieldError;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult.Fragment;
import org.lede.topic.Topic;

/**
 * One page of a reader's search: what was asked (the words as searched and the filters in force),
 * what was wrong with it, and what was found, as the cards the other reader pages show.
 *
 * @param text      the words searched for, cleaned and cut to {@link SearchQuery#MAX_TEXT}
 * @param shortened true when the words as typed were longer and were cut
 * @param problems  what could not be read (an unknown topic, a date that is none, a stale cursor);
 *                  when there are any, nothing was searched
 * @param searched  false when there was nothing to search for (no words, no filter) or a problem
 * @param total     how many match in all, exactly when {@code exact}, else at least
 * @param next      the cursor of the next page, or null on the last
 */
public record SearchPage(
        String text,
        boolean shortened,
        List<Topic> topics,
        List<Author> authors,
        List<String> kinds,
        LocalDate from,
        LocalDate to,
        SearchQuery.Sort sort,
        boolean firstPage,
        List<FieldError> problems,
        boolean searched,
        List<Result> results,
        long total,
        boolean exact,
        String next,
        Facets facets) {

    public SearchPage {
        topics = List.copyOf(topics);
        authors = List.copyOf(authors);
        kinds = List.copyOf(kinds);
        problems = List.copyOf(problems);
        results = List.copyOf(results);
    }

    /** True when any filter narrows the search. */
    public boolean filtered() {
        return !topics.isEmpty() || !authors.isEmpty() || !kinds.isEmpty() || from != null || to != null;
    }

    /**
     * One result: the card the other pages show, with the headline and a passage of the text, the
     * matched words marked. Templates escape each fragment's text and mark the matches.
     *
     * @param type      {@code story} or {@code dashboard}
     * @param kind      the story's kind key, or {@code dashboard}
     * @param published a story's first publication, a dashboard's last save
     */
    public record Result(
            String id,
            String type,
            String kind,
            Instant published,
            StreamItem card,
            List<Fragment> headline,
            List<Fragment> snippet) {
        public Result {
            headline = List.copyOf(headline);
            snippet = List.copyOf(snippet);
        }
    }

    /** How many matches each filter value would leave, most first. */
    public record Facets(List<Facet> topics, List<Facet> authors, List<Facet> kinds, List<Facet> years) {
        public static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of());

        public Facets {
            topics = List.copyOf(topics);
            authors = List.copyOf(authors);
            kinds = List.copyOf(kinds);
            years = List.copyOf(years);
        }

        public boolean isEmpty() {
            return topics.isEmpty() && authors.isEmpty() && kinds.isEmpty() && years.isEmpty();
        }
    }

    /**
     * One filter value and its matches.
     *
     * @param value    what the filter's parameter carries: a topic or author slug, a kind key, a year
     * @param label    what readers read: a name, a kind, a year
     * @param selected whether the search is filtered by it now
     */
    public record Facet(String value, String label, long count, boolean selected) {}
}
