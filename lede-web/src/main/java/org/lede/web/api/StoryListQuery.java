package org.lede.web.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lede.common.BadRequestException;
import org.lede.common.BadRequestException.FieldError;
import org.lede.common.ValidationException;
import org.lede.outbox.PageKeys;
import org.lede.reading.AuthorView;
import org.lede.reading.ReaderQueries;
import org.lede.story.PublishedCursor;
import org.lede.story.PublishedFilter;
import org.lede.story.StoryKind;
import org.lede.topic.Topic;
import org.lede.web.cache.CacheKeys;

/**
 * The story list's query parameters, read and checked: every wrong one is named in a 400
 * problem (RFC 9110 section 15.5.1: the request itself is malformed; 422 is for request content
 * that is well formed but breaks a rule, and these requests carry none). An unknown parameter is
 * refused too, so a misspelt filter ({@code update_since}) is not silently a list of everything.
 *
 * @param pageKeys the surrogate keys of the topic and author the filter names
 */
record StoryListQuery(PublishedFilter filter, PublishedCursor after, int limit, Set<String> pageKeys) {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final List<String> PARAMETERS =
            List.of("topic", "author", "tag", "kind", "updated_since", "limit", "cursor", CacheKeys.KEY_PARAMETER);
    private static final String CURSOR_VERSION = "1";

    /** Reads the parameters against the published topics and authors. */
    static final class Resolver {
        private final ReaderQueries queries;

        Resolver(ReaderQueries queries) {
            this.queries = queries;
        }

        StoryListQuery resolve(Context ctx) {
            List<FieldError> errors = unknown(ctx, PARAMETERS);
            Set<String> keys = new LinkedHashSet<>();
            String topicId = null;
            String topicSlug = ctx.queryParam("topic");
            if (topicSlug != null) {
                Topic topic = queries.topic(topicSlug).orElse(null);
                if (topic == null) {
                    errors.add(new FieldError("topic", "There is no topic with the slug \"" + topicSlug + "\"."));
                } else {
                    topicId = topic.id();
                    keys.add(PageKeys.topic(topic.slug()));
                }
            }
            String authorId = null;
            String authorSlug = ctx.queryParam("author");
            if (authorSlug != null) {
                AuthorView author = queries.author(authorSlug).orElse(null);
                if (author == null) {
                    errors.add(new FieldError("author", "There is no author with the slug \"" + authorSlug + "\"."));
                } else {
                    authorId = author.author().id();
                    keys.addAll(author.pageKeys());
                }
            }
            String tag = ctx.queryParam("tag");
            if (tag != null && tag.isBlank()) {
                errors.add(new FieldError("tag", "A tag filter needs the tag's text."));
            }
            StoryKind kind = null;
            String kindKey = ctx.queryParam("kind");
            if (kindKey != null) {
                try {
                    kind = StoryKind.parse(kindKey);
                } catch (ValidationException e) {
                    errors.add(new FieldError("kind", e.getMessage()));
                }
            }
            Instant since = null;
            String sinceText = ctx.queryParam("updated_since");
            if (sinceText != null) {
                try {
                    since = OffsetDateTime.parse(sinceText).toInstant();
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(
                            "updated_since",
                            "updated_since is an RFC 3339 date and time, such as 2026-11-20T09:00:00Z, not \""
                                    + sinceText + "\"."));
                }
            }
            int limit = DEFAULT_LIMIT;
            String limitText = ctx.queryParam("limit");
            if (limitText != null) {
                try {
                    limit = Integer.parseInt(limitText);
                } catch (NumberFormatException e) {
                    limit = -1;
                }
                if (limit < 1 || limit > MAX_LIMIT) {
                    errors.add(new FieldError(
                            "limit",
                            "limit is a whole number from 1 to " + MAX_LIMIT + ", not \"" + limitText + "\"."));
                }
            }
            PublishedCursor after = null;
            String cursor = ctx.queryParam("cursor");
            if (cursor != null) {
                after = decode(cursor);
                if (after == null) {
                    errors.add(new FieldError(
                            "cursor", "This cursor was not issued by this API; start again without one."));
                }
            }
            if (!errors.isEmpty()) {
                throw new BadRequestException(errors);
            }
            return new StoryListQuery(new PublishedFilter(topicId, authorId, tag, kind, since), after, limit, keys);
        }
    }

    /** Refuses any parameter on an address that reads none but the content key. */
    static void noParameters(Context ctx) {
        List<FieldError> errors = unknown(ctx, List.of(CacheKeys.KEY_PARAMETER));
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }

    private static List<FieldError> unknown(Context ctx, List<String> known) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : ctx.queryParamMap().keySet()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(
                        name,
                        "Unknown query parameter \"" + name + "\"; this address reads "
                                + (known.size() == 1 ? "only " + known.getFirst() : String.join(", ", known))
                                + "."));
            }
        }
        return errors;
    }

    /**
     * The next page's address: this request's parameters as given, the cursor replaced. The
     * content key is left out, so a link can be logged or shared without it.
     */
    String nextPath(Context ctx, String nextCursor) {
        StringBuilder out = new StringBuilder(ctx.path());
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            String name = parameter.getKey();
            if (name.equals("cursor") || name.equals(CacheKeys.KEY_PARAMETER)) {
                continue;
            }
            out.append(separator)
                    .append(encode(name))
                    .append('=')
                    .append(encode(parameter.getValue().getFirst()));
            separator = '&';
        }
        return out.append(separator).append("cursor=").append(nextCursor).toString();
    }

    /** Opaque to clients, so the order it encodes can change behind a new version letter. */
    static String encode(PublishedCursor cursor) {
        String plain = CURSOR_VERSION + "|" + cursor.firstPublishedAt() + "|" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static PublishedCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(CURSOR_VERSION) || parts[2].isEmpty()) {
                return null;
            }
            return new PublishedCursor(Instant.parse(parts[1]), parts[2]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
