package org.lede.search.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.lede.common.Check;
import org.lede.common.CorruptDataException;
import org.lede.content.Inline;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.db.PlannerSettings;
import org.lede.db.Times;
import org.lede.search.SearchSourceStore;

/** The index's sources over the stories and dashboards tables; every query walks a primary key or an index. */
public final class JdbiSearchSourceStore implements SearchSourceStore {
    private static final JsonFactory JSON = new JsonFactory();

    /** A story's blocks, bylines and tags in one round trip, as the story store reads them. */
    private static final String CHILDREN = "SELECT 'block' AS kind, story_id, position, type AS a, data AS b"
            + " FROM story_blocks WHERE story_id IN (<ids>)"
            + " UNION ALL SELECT 'author', story_id, position, author_id, NULL FROM story_authors WHERE story_id IN (<ids>)"
            + " UNION ALL SELECT 'tag', story_id, position, tag, NULL FROM story_tags WHERE story_id IN (<ids>)";

    private final Database db;

    public JdbiSearchSourceStore(Database db) {
        this.db = db;
    }

    @Override
    public List<String> storyIdsAfter(String afterId, int limit) {
        return idsAfter("stories", afterId, limit);
    }

    @Override
    public List<String> dashboardIdsAfter(String afterId, int limit) {
        return idsAfter("dashboards", afterId, limit);
    }

    private List<String> idsAfter(String table, String afterId, int limit) {
        return db.handle(h -> h.createQuery("SELECT id FROM " + table + " WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId == null ? "" : afterId)
                .bind("limit", limit)
                .mapTo(String.class)
                .list());
    }

    @Override
    public List<String> storyIdsInTopic(String topicId) {
        return db.handle(h -> h.createQuery("SELECT id FROM stories WHERE topic_id = ? ORDER BY id")
                .bind(0, topicId)
                .mapTo(String.class)
                .list());
    }

    @Override
    public List<String> dashboardIdsInTopic(String topicId) {
        return db.handle(h -> h.createQuery("SELECT id FROM dashboards WHERE topic_id = ? ORDER BY id")
                .bind(0, topicId)
                .mapTo(String.class)
                .list());
    }

    @Override
    public List<String> storyIdsByAuthor(String authorId) {
        return db.handle(
                h -> h.createQuery("SELECT DISTINCT story_id FROM story_authors WHERE author_id = ? ORDER BY story_id")
                        .bind(0, authorId)
                        .mapTo(String.class)
                        .list());
    }

    @Override
    public long count() {
        return db.handle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM stories) + (SELECT COUNT(*) FROM dashboards)")
                .mapTo(Long.class)
                .one());
    }

    /** A story row's columns before its children are attached. */
    private record Row(
            String id,
            String headline,
            String dek,
            String heroCaption,
            String topicId,
            String kind,
            String status,
            String createdBy,
            String firstPublishedAt,
            String updatedAt) {}

    /** One child row in its place: a block's text (with its label for a lead-in), a byline or a tag. */
    private record Child(int position, String label, String text) {}

    /** A story's children by kind, each list in stored order until sorted by position. */
    private static final class Children {
        final List<Child> blocks = new ArrayList<>();
        final List<Child> authors = new ArrayList<>();
        final List<Child> tags = new ArrayList<>();
    }

    @Override
    public List<StoryText> storyTexts(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // A rebuild reads a batch on each core already, beside the connections inserting the
        // documents, so parallel workers for one batch only take cores from them (a million
        // stories rebuilt in 562 s instead of 623). PostgreSQL plans them because ANALYZE's sample
        // sees each story in story_blocks about once and counts far fewer stories than there are
        // (116,520 of a million), so it expects 75 blocks a story instead of 9.
        return db.inTransaction(() -> db.handle(h -> db.dialect() == Dialect.POSTGRESQL
                ? PlannerSettings.with(h, Map.of("max_parallel_workers_per_gather", "0"), () -> storyTexts(h, ids))
                : storyTexts(h, ids)));
    }

    private static List<StoryText> storyTexts(Handle h, Collection<String> ids) {
        List<Row> rows = h.createQuery("SELECT id, headline, dek, hero_caption, topic_id, kind, status, created_by,"
                        + " first_published_at, updated_at FROM stories WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Children> children = new HashMap<>();
        h.createQuery(CHILDREN)
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> {
                    String kind = rs.getString(1);
                    String storyId = rs.getString(2);
                    int position = rs.getInt(3);
                    Children c = children.computeIfAbsent(storyId, k -> new Children());
                    switch (kind) {
                        case "block" -> c.blocks.add(block(storyId, position, rs.getString(4), rs.getString(5)));
                        case "author" -> c.authors.add(new Child(position, null, rs.getString(4)));
                        default -> c.tags.add(new Child(position, null, rs.getString(4)));
                    }
                    return kind;
                })
                .forEach(kind -> {});
        List<StoryText> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Children c = children.getOrDefault(r.id(), new Children());
            List<Child> blocks = sorted(c.blocks);
            List<String> leadIns = new ArrayList<>();
            List<String> texts = new ArrayList<>(blocks.size());
            for (Child b : blocks) {
                if (b.label() != null) {
                    leadIns.add(b.label());
                }
                texts.add(b.text());
            }
            out.add(new StoryText(
                    r.id(),
                    Check.required("headline", r.headline()),
                    Check.optional(r.dek()),
                    Check.optional(r.heroCaption()),
                    leadIns,
                    texts,
                    r.topicId(),
                    texts(c.tags),
                    texts(c.authors),
                    r.kind(),
                    r.status(),
                    r.createdBy(),
                    Times.parse(r.firstPublishedAt()),
                    Times.parse(r.updatedAt())));
        }
        return out;
    }

    private static List<Child> sorted(List<Child> children) {
        children.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return children;
    }

    private static List<String> texts(List<Child> children) {
        return sorted(children).stream().map(Child::text).toList();
    }

    private static Child block(String storyId, int position, String type, String data) {
        try (JsonParser json = JSON.createParser(data)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("A " + type + " block must be a JSON object.");
            }
            return BlockText.read(position, type, json);
        } catch (IOException | IllegalArgumentException | org.lede.common.ValidationException e) {
            throw new CorruptDataException(
                    "Block " + (position + 1) + " of story " + storyId + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * A block's words read straight from its stored JSON with a streaming parser: the text that
     * {@link org.lede.content.Block#plainText} gives for the block {@code BlockJson} would read,
     * with its inline text normalized as {@link org.lede.content.Inline} does, but without building
     * spans. SearchDocumentsTest holds the two equal for every block type.
     */
    private static final class BlockText {
        private String label;
        private String text;
        private String inline;
        private String attribution;
        private String caption;
        private String mediaId;
        private String url;
        private final List<String> items = new ArrayList<>();
        private boolean hasItems;

        static Child read(int position, String type, JsonParser json) throws IOException {
            BlockText b = new BlockText();
            b.object(json);
            return switch (type) {
                case "paragraph" -> {
                    String text = b.inline(type);
                    if (text.isEmpty()) {
                        throw new IllegalArgumentException("A paragraph must not be empty.");
                    }
                    yield new Child(position, null, text);
                }
                case "lead-in" -> new Child(position, b.label(type), b.inline(type));
                case "list" -> {
                    if (!b.hasItems || b.items.isEmpty()) {
                        throw new IllegalArgumentException("A list block needs an \"items\" array.");
                    }
                    yield new Child(position, null, String.join("\n", b.items));
                }
                case "quote" -> {
                    String text = b.inline(type);
                    String attribution = Check.optional(b.attribution);
                    yield new Child(position, null, attribution == null ? text : text + " (" + attribution + ")");
                }
                case "image" -> {
                    if (b.mediaId == null) {
                        throw new IllegalArgumentException("An image needs \"mediaId\" as text.");
                    }
                    String caption = Check.optional(b.caption);
                    yield new Child(position, null, caption == null ? "" : caption);
                }
                case "subhead" -> {
                    if (b.text == null) {
                        throw new IllegalArgumentException("A subhead needs \"text\" as text.");
                    }
                    yield new Child(position, null, Check.required("subhead", b.text));
                }
                case "embed" -> {
                    if (b.url == null) {
                        throw new IllegalArgumentException("An embed needs \"url\" as text.");
                    }
                    yield new Child(position, null, "");
                }
                default -> throw new IllegalArgumentException("Unknown block type \"" + type + "\".");
            };
        }

        private String inline(String type) {
            if (inline == null) {
                throw new IllegalArgumentException("A " + type + " needs its \"text\" as an array of spans.");
            }
            return inline;
        }

        private String label(String type) {
            if (label == null) {
                throw new IllegalArgumentException("A " + type + " needs \"label\" as text.");
            }
            return Check.required("label", label);
        }

        /** The block object's fields, the parser on its opening brace. */
        private void object(JsonParser json) throws IOException {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "text" -> {
                        if (value == JsonToken.START_ARRAY) {
                            inline = spans(json);
                        } else {
                            text = string(json, value);
                        }
                    }
                    case "label" -> label = string(json, value);
                    case "attribution" -> attribution = string(json, value);
                    case "caption" -> caption = string(json, value);
                    case "mediaId" -> mediaId = string(json, value);
                    case "url" -> url = string(json, value);
                    case "items" -> {
                        if (value == JsonToken.START_ARRAY) {
                            hasItems = true;
                            items(json);
                        } else {
                            json.skipChildren();
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        }

        /** A list's items, each as {@code ListItem.plainText} gives it. */
        private void items(JsonParser json) throws IOException {
            while (json.nextToken() == JsonToken.START_OBJECT) {
                String itemLabel = null;
                String itemText = null;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if (field.equals("label")) {
                        itemLabel = string(json, value);
                    } else if (field.equals("text") && value == JsonToken.START_ARRAY) {
                        itemText = spans(json);
                    } else {
                        json.skipChildren();
                    }
                }
                if (itemText == null) {
                    throw new IllegalArgumentException("A list item needs its \"text\" as an array of spans.");
                }
                items.add(itemLabel == null ? itemText : Check.required("label", itemLabel) + ": " + itemText);
            }
        }

        /** A text value, null for JSON null; other values as their text, as {@code BlockJson} reads them. */
        private static String string(JsonParser json, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                json.skipChildren();
                return null;
            }
            return json.getText();
        }

        /** The spans' text joined and normalized as {@link org.lede.content.Inline}'s canonical form has it. */
        private static String spans(JsonParser json) throws IOException {
            StringBuilder raw = new StringBuilder();
            while (json.nextToken() == JsonToken.START_OBJECT) {
                String spanText = null;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if (field.equals("text") && value == JsonToken.VALUE_STRING) {
                        spanText = json.getText();
                    } else {
                        json.skipChildren();
                    }
                }
                if (spanText == null) {
                    throw new IllegalArgumentException("A span needs \"text\" as text.");
                }
                raw.append(Check.line(spanText));
            }
            return Inline.collapse(raw);
        }
    }
}
