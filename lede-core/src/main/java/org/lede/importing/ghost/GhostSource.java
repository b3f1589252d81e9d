package org.lede.importing.ghost;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.lede.common.CountedLines;
import org.lede.importing.ImportFormatException;
import org.lede.importing.SourceItem;
import org.lede.importing.SourceReader;

/**
 * Reads a Ghost JSON export (Settings → Labs → Export in Ghost 1.x to 5.x and on), whose records
 * are database tables: {@code {"db":[{"meta":{"version":"5.82.0"},"data":{"posts":[…],"tags":[…],
 * "users":[…],"posts_tags":[…],"posts_authors":[…],"posts_meta":[…]}}]}}, or the same {@code meta}
 * and {@code data} without the {@code db} array in older exports. The tables come in no promised
 * order, so the file is read twice, streaming both times: first for the small tables that posts
 * point into (tags, users, the links between them and posts, posts' image captions), then for the
 * posts, one at a time. Posts and pages are both in {@code posts}.
 *
 * <p>Each post's old address is Ghost's default permalink, {@code /{slug}/}: sites that changed
 * their routes in routes.yaml had others, which the export does not hold. Ghost writes its own
 * address in stored content as {@code __GHOST_URL__}; it is taken away, leaving a path on the site,
 * so an image is {@code /content/images/2024/05/x.jpg}: the file {@code 2024/05/x.jpg} of the
 * export's {@code content/images} folder.
 */
public final class GhostSource implements SourceReader {
    /** The oldest Ghost whose exports this reads: 1.0 brought mobiledoc and the export of today. */
    public static final int OLDEST_MAJOR = 1;

    private static final String VERSIONS_READ =
            "this importer reads exports of Ghost 1.0 and later (1.x to 5.x and on)";
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.\\d+(?:\\.\\d+)?(?:[-+].*)?");

    private final Supplier<InputStream> open;
    private final String source;
    private Tables tables;
    private JsonParser posts;
    private long position;
    private boolean done;

    /**
     * @param open opens the file from its start; it is called twice
     * @param sourceName how messages name the file
     */
    public GhostSource(Supplier<InputStream> open, String sourceName) {
        this.open = Objects.requireNonNull(open, "open");
        this.source = Objects.requireNonNull(sourceName, "sourceName");
    }

    @Override
    public SourceItem next() {
        if (done) {
            return null;
        }
        try {
            if (tables == null) {
                tables = firstPass();
                posts = openPosts();
            }
            while (posts != null) {
                JsonToken token = posts.nextToken();
                position = posts.currentLocation().getByteOffset();
                if (token == null || token == JsonToken.END_ARRAY) {
                    break;
                }
                if (token != JsonToken.START_OBJECT) {
                    posts.skipChildren();
                    continue;
                }
                long line = posts.currentTokenLocation().getLineNr();
                JsonNode post = Json.TREES.readTree(posts);
                position = posts.currentLocation().getByteOffset();
                SourceItem item = item(post, line);
                if (item != null) {
                    return item;
                }
            }
            done = true;
            close();
            return null;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void close() {
        if (posts != null) {
            try {
                posts.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                posts = null;
            }
        }
    }

    // ---- the first pass: what posts point into

    /** The small tables, each row kept in the few fields posts need. */
    private static final class Tables {
        final Map<String, Tag> tags = new HashMap<>();
        final Map<String, SourceItem.Person> users = new HashMap<>();
        final Map<String, List<Link>> postTags = new HashMap<>();
        final Map<String, List<Link>> postAuthors = new HashMap<>();
        final Map<String, Caption> postMeta = new HashMap<>();
        /**
         * One copy of each id the link tables repeat: a post's id is in three of them, a tag's or
         * an author's in a row for each of their posts, which for 100,000 posts is most of what
         * this pass keeps.
         */
        final Map<String, String> ids = new HashMap<>();

        boolean data;
        String version;

        String id(String id) {
            return id == null ? null : ids.computeIfAbsent(id, k -> k);
        }
    }

    private record Tag(String name, boolean internal) {}

    /** A row of posts_tags or posts_authors: the other side, its place, and the row's place in the file. */
    private record Link(String id, int order, int row) {}

    private record Caption(String alt, String caption) {}

    private Tables firstPass() throws IOException {
        Tables found = new Tables();
        try (InputStream in = open.get();
                JsonParser p = Json.TREES.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw notGhost(first == null ? "it is empty" : "it is not a JSON object");
            }
            export(p, found, true);
            if (p.nextToken() != null) {
                throw notGhost("more follows its JSON object");
            }
        }
        if (!found.data) {
            throw notGhost("it has no \"data\" section, in a \"db\" array or at its top");
        }
        if (found.version == null) {
            throw new ImportFormatException(source + " has no meta.version, so the Ghost version that wrote it is "
                    + "unknown; " + VERSIONS_READ + ".");
        }
        Matcher version = VERSION.matcher(found.version);
        if (!version.matches() || Integer.parseInt(version.group(1)) < OLDEST_MAJOR) {
            throw new ImportFormatException(
                    source + " is a Ghost export of version \"" + found.version + "\"; " + VERSIONS_READ + ".");
        }
        return found;
    }

    /** Reads an export object: the file's top, or the first entry of its {@code db} array. */
    private void export(JsonParser p, Tables found, boolean top) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (top && name.equals("db") && value == JsonToken.START_ARRAY) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    export(p, found, false);
                }
                skipRest(p);
            } else if (name.equals("meta") && value == JsonToken.START_OBJECT) {
                JsonNode meta = Json.TREES.readTree(p);
                found.version = Json.text(meta, "version");
            } else if (name.equals("data") && value == JsonToken.START_OBJECT) {
                found.data = true;
                data(p, found);
            } else {
                p.skipChildren();
            }
        }
    }

    /** Skips to the end of the array the parser is in, past any value it stands on. */
    private static void skipRest(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        while (token != null && token != JsonToken.END_ARRAY) {
            p.skipChildren();
            token = p.nextToken();
        }
    }

    private void data(JsonParser p, Tables found) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String table = p.currentName();
            if (p.nextToken() != JsonToken.START_ARRAY
                    || !List.of("tags", "users", "posts_tags", "posts_authors", "posts_meta")
                            .contains(table)) {
                p.skipChildren();
                continue;
            }
            int row = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                row(table, Json.TREES.readTree(p), row++, found);
            }
        }
    }

    private static void row(String table, JsonNode row, int number, Tables found) {
        String id = Json.text(row, "id");
        switch (table) {
            case "tags" -> {
                String name = Json.text(row, "name");
                if (id != null && name != null) {
                    found.tags.put(
                            id, new Tag(name, "internal".equals(Json.text(row, "visibility")) || name.startsWith("#")));
                }
            }
            case "users" -> {
                if (id != null) {
                    String bio = Json.text(row, "bio");
                    found.users.put(
                            id,
                            new SourceItem.Person(
                                    id,
                                    Json.text(row, "name"),
                                    bio == null ? null : Entities.escape(bio),
                                    Json.text(row, "slug")));
                }
            }
            case "posts_tags" -> link(row, "tag_id", number, found, found.postTags);
            case "posts_authors" -> link(row, "author_id", number, found, found.postAuthors);
            default -> {
                String post = Json.text(row, "post_id");
                String alt = Json.text(row, "feature_image_alt");
                String caption = Json.text(row, "feature_image_caption");
                // Most posts have a posts_meta row for their SEO fields and nothing for their image.
                if (post != null && (alt != null || caption != null)) {
                    found.postMeta.put(found.id(post), new Caption(alt, caption));
                }
            }
        }
    }

    private static void link(JsonNode row, String field, int number, Tables found, Map<String, List<Link>> links) {
        String post = Json.text(row, "post_id");
        String other = Json.text(row, field);
        if (post != null && other != null) {
            // Most posts have one or two tags and one author.
            links.computeIfAbsent(found.id(post), k -> new ArrayList<>(2))
                    .add(new Link(found.id(other), row.path("sort_order").asInt(0), number));
        }
    }

    // ---- the second pass: the posts

    /** A parser standing on the posts array's start, or null when the export has no posts. */
    private JsonParser openPosts() throws IOException {
        // The parser closes the stream it was given when it is closed.
        JsonParser p = Json.TREES.createParser(open.get());
        boolean found = false;
        try {
            p.nextToken();
            found = seekPosts(p, true);
            return found ? p : null;
        } finally {
            if (!found) {
                p.close();
            }
        }
    }

    private static boolean seekPosts(JsonParser p, boolean top) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (top && name.equals("db") && value == JsonToken.START_ARRAY) {
                if (p.nextToken() == JsonToken.START_OBJECT && seekPosts(p, false)) {
                    return true;
                }
                skipRest(p);
            } else if (name.equals("data") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String table = p.currentName();
                    if (p.nextToken() == JsonToken.START_ARRAY && table.equals("posts")) {
                        return true;
                    }
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
        return false;
    }

    private SourceItem item(JsonNode post, long line) {
        String kind = Json.text(post, "type");
        boolean page = kind == null ? post.path("page").asBoolean(false) : kind.equals("page");
        if (kind != null && !page && !kind.equals("post")) {
            return null;
        }
        CountedLines notes = new CountedLines();
        String id = Json.text(post, "id");
        String sourceId = first(id, Json.text(post, "uuid"), Json.text(post, "slug"));
        if (sourceId == null) {
            sourceId = "line-" + line;
            notes.add("The post has no id, uuid or slug: a re-run cannot match it and imports it again.");
        }
        String slug = Json.text(post, "slug");
        String title = Json.text(post, "title");
        String excerpt = Json.text(post, "custom_excerpt");
        Instant published = date(post, "published_at", notes);
        Instant modified = first(date(post, "updated_at", notes), published, date(post, "created_at", notes));
        List<String> categories = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        terms(id, categories, tags, notes);
        visibility(Json.text(post, "visibility"), notes);
        if (Json.text(post, "codeinjection_head") != null || Json.text(post, "codeinjection_foot") != null) {
            notes.add("The post's code injection was left out: a story runs no scripts of its own.");
        }
        return new SourceItem(
                sourceId,
                page ? SourceItem.Type.PAGE : SourceItem.Type.STORY,
                title == null ? null : Entities.escape(title),
                excerpt == null ? null : Entities.escape(excerpt),
                Body.html(post, notes),
                slug,
                status(Json.text(post, "status"), notes),
                published,
                modified,
                authors(id, Json.text(post, "author_id"), notes),
                categories,
                tags,
                featured(id, post, notes),
                slug == null ? null : "/" + slug + "/",
                List.of(),
                0,
                notes.lines(),
                line);
    }

    private static SourceItem.Status status(String status, CountedLines notes) {
        return switch (status == null ? "" : status) {
            case "published" -> SourceItem.Status.PUBLISHED;
            case "scheduled" -> SourceItem.Status.SCHEDULED;
            case "draft" -> SourceItem.Status.DRAFT;
            case "sent" -> {
                notes.add("The post was only sent as a newsletter on Ghost, never on the site: imported as a draft.");
                yield SourceItem.Status.DRAFT;
            }
            case "" -> {
                notes.add("The post has no status: imported as a draft.");
                yield SourceItem.Status.DRAFT;
            }
            default -> {
                notes.add("Ghost status \"" + status + "\" is not known: imported as a draft.");
                yield SourceItem.Status.DRAFT;
            }
        };
    }

    private static void visibility(String visibility, CountedLines notes) {
        if (visibility != null && !visibility.equals("public")) {
            notes.add("On Ghost only "
                    + switch (visibility) {
                        case "members" -> "members";
                        case "paid" -> "paying members";
                        default -> "some members (\"" + visibility + "\")";
                    }
                    + " could read it; Lede has no membership, so it is imported as it is and anyone can read it "
                    + "once published.");
        }
    }

    private List<SourceItem.Person> authors(String post, String authorId, CountedLines notes) {
        List<Link> links = sorted(tables.postAuthors.get(post));
        if (links.isEmpty() && authorId != null) {
            links = List.of(new Link(authorId, 0, 0));
        }
        List<SourceItem.Person> authors = new ArrayList<>();
        for (Link link : links) {
            SourceItem.Person person = tables.users.get(link.id());
            if (person == null) {
                notes.add("Author " + link.id() + " is not among the export's users: named by that id.");
                person = new SourceItem.Person(link.id(), null, null, null);
            }
            authors.add(person);
        }
        return authors;
    }

    /** Ghost's primary tag is a post's first public tag: it becomes the topic, the others tags. */
    private void terms(String post, List<String> categories, List<String> tags, CountedLines notes) {
        for (Link link : sorted(tables.postTags.get(post))) {
            Tag tag = tables.tags.get(link.id());
            if (tag == null) {
                notes.add("Tag " + link.id() + " is not among the export's tags: left out.");
            } else if (tag.internal()) {
                notes.add("Internal tag \"" + tag.name() + "\" left out: Ghost kept it from readers.");
            } else if (categories.isEmpty()) {
                categories.add(tag.name());
            } else {
                tags.add(tag.name());
            }
        }
    }

    private static List<Link> sorted(List<Link> links) {
        if (links == null) {
            return List.of();
        }
        return links.stream()
                .sorted(Comparator.comparingInt(Link::order).thenComparingInt(Link::row))
                .toList();
    }

    /** The feature image: its alt text and caption are in posts_meta since Ghost 4, in posts before. */
    private SourceItem.Image featured(String post, JsonNode fields, CountedLines notes) {
        String url = Json.text(fields, "feature_image");
        if (url == null) {
            return null;
        }
        Caption meta = tables.postMeta.get(post);
        String alt = meta != null && meta.alt() != null ? meta.alt() : Json.text(fields, "feature_image_alt");
        String caption =
                meta != null && meta.caption() != null ? meta.caption() : Json.text(fields, "feature_image_caption");
        return new SourceItem.Image(
                Body.siteRelative(url, notes), alt, caption == null ? null : caption.replace(Body.GHOST_URL, ""));
    }

    /**
     * A time as Ghost exports have written it: ISO 8601 with a zone (4.x on), "2017-08-01 10:00:00"
     * in UTC (the database's own form, 1.x to 3.x), or milliseconds since 1970.
     */
    private static Instant date(JsonNode post, String field, CountedLines notes) {
        JsonNode value = post.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        String text = value.asText().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                notes.add("The " + field + " time \"" + text + "\" could not be read: left out.");
                return null;
            }
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private ImportFormatException notGhost(String why) {
        return new ImportFormatException(source + " is not a Ghost export: " + why
                + ". A Ghost export is the JSON file of Settings → Labs → Export content.");
    }

    private ImportFormatException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String reason = e.getOriginalMessage();
        return new ImportFormatException(
                at == null
                        ? source + ": not well-formed JSON: " + reason
                        : source + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": not well-formed JSON: " + reason);
    }
}
