package org.lede.reading;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.lede.author.Author;
import org.lede.common.BadRequestException.FieldError;
import org.lede.common.Check;
import org.lede.common.ValidationException;
import org.lede.search.SearchDocument;
import org.lede.search.SearchIndex;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.story.StoryKind;
import org.lede.topic.Topic;

/**
 * Search for readers: reads what a reader asked ({@link SearchForm}), asks the index in
 * {@link SearchQuery.Scope#READERS} scope, and answers with the cards the other reader pages
 * show. A hit whose story stopped being live since the index last heard of it is left out, so a
 * page never shows what readers may not open. Nothing a reader types makes it throw: what cannot
 * be read comes back as the page's problems.
 */
public final class ReaderSearch {
    /** Results on a page of the reader site. */
    public static final int PAGE_SIZE = 10;

    /** What a filter by kind may ask for besides the story kinds. */
    public static final String DASHBOARD = SearchDocument.Type.DASHBOARD.key();

    private final Supplier<SearchIndex> index;
    private final ReaderQueries queries;

    /** @param index the index, asked for on each search, so it opens when something first searches */
    public ReaderSearch(Supplier<SearchIndex> index, ReaderQueries queries) {
        this.index = index;
        this.queries = queries;
    }

    /**
     * One page of results.
     *
     * @param defaultLimit how many results when the form names no limit
     */
    public SearchPage search(SearchForm form, int defaultLimit) {
        List<FieldError> problems = new ArrayList<>();
        String cleaned = Check.line(form.text() == null ? "" : form.text()).strip();
        String text = cut(cleaned);
        boolean shortened = text.length() < cleaned.length();

        List<Topic> everyTopic = queries.topics();
        List<Author> everyone = queries.authors();
        List<Topic> topics = bySlug(form.topics(), everyTopic, Topic::slug, "topic", problems);
        List<Author> authors = bySlug(form.authors(), everyone, Author::slug, "author", problems);
        List<String> kinds = new ArrayList<>();
        for (String kind : form.kinds()) {
            String key = kind.toLowerCase(Locale.ROOT);
            if (kindKeys().contains(key)) {
                kinds.add(key);
            } else {
                problems.add(new FieldError(
                        "kind",
                        "A kind is news, analysis, opinion, explainer or dashboard, not \"" + shown(kind) + "\"."));
            }
        }
        LocalDate from = date(form.from(), "from", problems);
        LocalDate to = date(form.to(), "to", problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new FieldError("to", "The last day comes before the first; swap them."));
        }
        SearchQuery.Sort sort = text.isEmpty() ? SearchQuery.Sort.NEWEST : SearchQuery.Sort.RELEVANCE;
        if (form.sort() != null) {
            switch (form.sort().toLowerCase(Locale.ROOT)) {
                case "relevance" -> sort = SearchQuery.Sort.RELEVANCE;
                case "newest" -> sort = SearchQuery.Sort.NEWEST;
                default ->
                    problems.add(new FieldError(
                            "sort", "Results sort by relevance or newest, not \"" + shown(form.sort()) + "\"."));
            }
        }
        int limit = defaultLimit;
        if (form.limit() != null) {
            try {
                limit = Integer.parseInt(form.limit());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > SearchQuery.MAX_LIMIT) {
                problems.add(new FieldError(
                        "limit",
                        "limit is a whole number from 1 to " + SearchQuery.MAX_LIMIT + ", not \"" + shown(form.limit())
                                + "\"."));
            }
        }
        boolean firstPage = form.cursor() == null;
        SearchQuery.Sort order = sort;
        // Every page answered carries the form as read; an unanswered one (refused, empty or a
        // stale cursor) carries its problems and no search run.
        Echo echo = (errors, searched, results, total, exact, next, facets) -> new SearchPage(
                text, shortened, topics, authors, kinds, from, to, order, firstPage, errors, searched, results, total,
                exact, next, facets);
        Function<List<FieldError>, SearchPage> unanswered =
                errors -> echo.page(errors, false, List.of(), 0, true, null, SearchPage.Facets.NONE);
        if (!problems.isEmpty() || (form.isEmpty() && firstPage)) {
            return unanswered.apply(problems);
        }
        ZoneId zone = queries.site().zone();
        SearchQuery query = new SearchQuery(
                text,
                SearchQuery.Scope.READERS,
                ids(topics, Topic::id),
                ids(authors, Author::id),
                Set.copyOf(kinds),
                Set.of(),
                null,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                sort,
                form.cursor(),
                limit,
                true);
        SearchResult result;
        try {
            result = index.get().search(query);
        } catch (ValidationException e) {
            // The one thing the index refuses is a cursor it never issued (or one for another order).
            return unanswered.apply(List.of(new FieldError(
                    form.cursorName(),
                    "This page of results does not exist any more; start the search again from its first page.")));
        }
        return echo.page(
                List.of(),
                true,
                results(result.hits()),
                result.total(),
                result.exact(),
                result.next(),
                facets(result.counts(), topics, authors, kinds, everyTopic, everyone));
    }

    /** A page of this search: the form as read, then what the search answered. */
    @FunctionalInterface
    private interface Echo {
        SearchPage page(
                List<FieldError> problems,
                boolean searched,
                List<SearchPage.Result> results,
                long total,
                boolean exact,
                String next,
                SearchPage.Facets facets);
    }

    /** The kinds readers may filter by: each story kind and dashboards. */
    public static List<String> kindKeys() {
        List<String> keys = new ArrayList<>();
        for (StoryKind kind : StoryKind.values()) {
            keys.add(kind.key());
        }
        keys.add(DASHBOARD);
        return keys;
    }

    /** What readers read for a kind key: "Explainer", "Dashboards". */
    public static String kindLabel(String key) {
        if (key.equals(DASHBOARD)) {
            return "Dashboards";
        }
        return key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    private List<SearchPage.Result> results(List<SearchResult.Hit> hits) {
        List<String> storyIds = new ArrayList<>();
        List<String> dashboardIds = new ArrayList<>();
        for (SearchResult.Hit hit : hits) {
            (hit.type() == SearchDocument.Type.STORY ? storyIds : dashboardIds).add(hit.id());
        }
        Map<String, ReaderQueries.FoundCard> found = queries.liveCards(storyIds, dashboardIds);
        List<SearchPage.Result> out = new ArrayList<>(hits.size());
        for (SearchResult.Hit hit : hits) {
            ReaderQueries.FoundCard card = found.get(hit.id());
            if (card != null) {
                out.add(new SearchPage.Result(
                        hit.id(),
                        hit.type().key(),
                        card.kind(),
                        card.published(),
                        card.card(),
                        hit.headline(),
                        hit.snippet()));
            }
        }
        return out;
    }

    private static SearchPage.Facets facets(
            SearchResult.Counts counts,
            List<Topic> topics,
            List<Author> authors,
            List<String> kinds,
            List<Topic> everyTopic,
            List<Author> everyone) {
        Map<String, Topic> topicById = new HashMap<>();
        everyTopic.forEach(t -> topicById.put(t.id(), t));
        Map<String, Author> authorById =
                everyone.stream().collect(Collectors.toMap(Author::id, Function.identity(), (a, b) -> a));
        Set<String> chosenTopics = ids(topics, Topic::id);
        Set<String> chosenAuthors = ids(authors, Author::id);
        return new SearchPage.Facets(
                counts.topics().stream()
                        .filter(c -> topicById.containsKey(c.value()))
                        .map(c -> {
                            Topic t = topicById.get(c.value());
                            return new SearchPage.Facet(t.slug(), t.name(), c.count(), chosenTopics.contains(t.id()));
                        })
                        .toList(),
                counts.authors().stream()
                        .filter(c -> authorById.containsKey(c.value()))
                        .map(c -> {
                            Author a = authorById.get(c.value());
                            return new SearchPage.Facet(a.slug(), a.name(), c.count(), chosenAuthors.contains(a.id()));
                        })
                        .toList(),
                counts.kinds().stream()
                        .filter(c -> kindKeys().contains(c.value()))
                        .map(c -> new SearchPage.Facet(
                                c.value(), kindLabel(c.value()), c.count(), kinds.contains(c.value())))
                        .toList(),
                counts.years().stream()
                        .map(c -> new SearchPage.Facet(c.value(), c.value(), c.count(), false))
                        .toList());
    }

    private static <T> Set<String> ids(List<T> things, Function<T, String> id) {
        Set<String> out = new LinkedHashSet<>();
        things.forEach(t -> out.add(id.apply(t)));
        return out;
    }

    private static LocalDate date(String text, String field, List<FieldError> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(
                    field, "A day is written year-month-day, such as 2024-03-01, not \"" + shown(text) + "\"."));
            return null;
        }
    }

    /**
     * The words cut at {@link SearchQuery#MAX_TEXT} characters, at a space when there is one, so
     * a pasted page is searched by its first words rather than refused.
     */
    static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= SearchQuery.MAX_TEXT) {
            return text;
        }
        int end = text.offsetByCodePoints(0, SearchQuery.MAX_TEXT);
        int space = text.lastIndexOf(' ', end);
        return text.substring(0, space > 0 ? space : end).strip();
    }

    /** What a reader typed, quoted back in a message at a readable length. */
    private static String shown(String value) {
        String line = Check.line(value);
        return line.codePointCount(0, line.length()) <= 40
                ? line
                : line.substring(0, line.offsetByCodePoints(0, 40)) + "…";
    }

    /** The things these slugs name, in the order asked; each slug that names none is a problem of {@code field}. */
    private static <T> List<T> bySlug(
            List<String> slugs, List<T> all, Function<T, String> slugOf, String field, List<FieldError> problems) {
        Map<String, T> byItsSlug = new HashMap<>();
        all.forEach(t -> byItsSlug.put(slugOf.apply(t), t));
        List<T> out = new ArrayList<>();
        for (String slug : slugs) {
            T found = byItsSlug.get(slug);
            if (found == null) {
                problems.add(new FieldError(field, "There is no " + field + " \"" + shown(slug) + "\"."));
            } else {
                out.add(found);
            }
        }
        return out;
    }
}
