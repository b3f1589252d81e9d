package org.lede.reading;

import java.util.List;
import java.util.Map;

/**
 * A reader's search as the request carried it, before anything is checked: the words, the
 * filters by slug and key, the dates as typed, the sort and the cursor. The page and the content
 * API read the same parameters, except that the cursor is {@code after} on the page and
 * {@code cursor} in the API, after each one's convention.
 *
 * @param text       the words as typed, or null
 * @param topics     topic slugs (any of them)
 * @param authors    author slugs (any of them)
 * @param kinds      story kind keys or {@code dashboard} (any of them)
 * @param from       the first day, {@code yyyy-mm-dd}, or null
 * @param to         the last day, {@code yyyy-mm-dd}, or null
 * @param sort       {@code relevance}, {@code newest}, or null for the default
 * @param cursor     the cursor of the page before, or null for the first page
 * @param limit      how many results, as typed, or null for the default
 * @param cursorName the parameter that carried the cursor, to name it when it is wrong
 */
public record SearchForm(
        String text,
        List<String> topics,
        List<String> authors,
        List<String> kinds,
        String from,
        String to,
        String sort,
        String cursor,
        String limit,
        String cursorName) {

    public SearchForm {
        topics = nonBlank(topics);
        authors = nonBlank(authors);
        kinds = nonBlank(kinds);
        from = blankToNull(from);
        to = blankToNull(to);
        sort = blankToNull(sort);
        cursor = blankToNull(cursor);
        limit = blankToNull(limit);
    }

    /**
     * Reads the parameters of a query string ({@code q}, {@code topic}, {@code author}, {@code kind}
     * repeatable; {@code from}, {@code to}, {@code sort}, {@code limit} and the cursor once each);
     * a parameter given twice counts once, by its first value, as the router reads it.
     */
    public static SearchForm of(Map<String, List<String>> parameters, String cursorName) {
        return new SearchForm(
                first(parameters, "q"),
                parameters.getOrDefault("topic", List.of()),
                parameters.getOrDefault("author", List.of()),
                parameters.getOrDefault("kind", List.of()),
                first(parameters, "from"),
                first(parameters, "to"),
                first(parameters, "sort"),
                first(parameters, cursorName),
                first(parameters, "limit"),
                cursorName);
    }

    /** True when the reader asked for nothing: no words and no filter, so there is nothing to search for. */
    public boolean isEmpty() {
        return (text == null || text.isBlank())
                && topics.isEmpty()
                && authors.isEmpty()
                && kinds.isEmpty()
                && from == null
                && to == null;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
