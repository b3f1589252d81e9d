package org.lede.story.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import org.lede.common.ConflictException;
import org.lede.common.CorruptDataException;
import org.lede.common.Reference;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.CreditKind;
import org.lede.content.ImageBlock;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.db.Times;
import org.lede.story.Correction;
import org.lede.story.PublishedCursor;
import org.lede.story.PublishedFilter;
import org.lede.story.PublishedMonth;
import org.lede.story.Story;
import org.lede.story.StoryCursor;
import org.lede.story.StoryDraft;
import org.lede.story.StoryFilter;
import org.lede.story.StoryHeading;
import org.lede.story.StoryKind;
import org.lede.story.StoryOutline;
import org.lede.story.StoryPlaces;
import org.lede.story.StoryRevision;
import org.lede.story.StoryStamp;
import org.lede.story.StoryStatus;
import org.lede.story.StoryStore;
import org.lede.story.StoryTeaser;
import org.lede.story.StreamCursor;
import org.lede.story.json.BlockJson;
import org.lede.story.json.StoryJson;

/** Stories in SQL: a row in {@code stories}, its blocks, authors, tags, corrections and pins in child tables. */
public final class JdbiStoryStore implements StoryStore {
    private static final String COLUMNS = "id, slug, headline, dek, topic_id, kind, contributor_note, hero_media_id,"
            + " hero_caption, hero_credit_kind, hero_credit_by, hero_credit_via, status, publish_at, first_published_at,"
            + " substantive_at, created_at, updated_at, created_by, revision, blocked_reason, hero_alt";
    /**
     * How many stories a filter may hold and still lead the content API's list before filters it
     * would otherwise follow (see {@link #lead}): reading all of them costs little. Sorting
     * that many took 19 ms on SQLite at a million stories; past it, a change filter's stories are
     * one in two hundred or more, so a walk in the list's order meets a page of them soon.
     */
    static final int FEW_STORIES = 5_000;

    /** A byline filter that follows another, probed once for each story read along that one. */
    private static final String BYLINE_EXISTS =
            " AND EXISTS (SELECT 1 FROM story_authors sa WHERE sa.story_id = stories.id AND sa.author_id = :author)";

    private final Database db;
    private final int fewStories;

    public JdbiStoryStore(Database db) {
        this(db, FEW_STORIES);
    }

    JdbiStoryStore(Database db, int fewStories) {
        this.db = db;
        this.fewStories = fewStories;
    }

    @Override
    public void insert(Story story) {
        db.inTransaction(() -> db.handle(h -> {
            try {
                bindRow(
                                h.createUpdate(
                                        "INSERT INTO stories (" + COLUMNS + ") VALUES (:id, :slug, :headline, :dek,"
                                                + " :topic_id, :kind, :contributor_note, :hero_media_id, :hero_caption, :hero_credit_kind,"
                                                + " :hero_credit_by, :hero_credit_via, :status, :publish_at, :first_published_at,"
                                                + " :substantive_at, :created_at, :updated_at, :created_by, :revision, :blocked_reason, :hero_alt)"),
                                story)
                        .execute();
            } catch (RuntimeException e) {
                throw slugClash(e, story);
            }
            insertChildren(h, story);
            return null;
        }));
    }

    @Override
    public boolean update(Story story, int expectedRevision) {
        return db.inTransaction(() -> db.handle(h -> {
            int rows;
            try {
                rows = bindRow(
                                h.createUpdate(
                                        "UPDATE stories SET slug = :slug, headline = :headline, dek = :dek,"
                                                + " topic_id = :topic_id, kind = :kind, contributor_note = :contributor_note,"
                                                + " hero_media_id = :hero_media_id, hero_caption = :hero_caption,"
                                                + " hero_credit_kind = :hero_credit_kind, hero_credit_by = :hero_credit_by,"
                                                + " hero_credit_via = :hero_credit_via, hero_alt = :hero_alt, status = :status,"
                                                + " publish_at = :publish_at,"
                                                + " first_published_at = :first_published_at, substantive_at = :substantive_at,"
                                                + " updated_at = :updated_at, revision = :revision, blocked_reason = :blocked_reason WHERE id = :id AND revision = :expected"),
                                story)
                        .bind("expected", expectedRevision)
                        .execute();
            } catch (RuntimeException e) {
                throw slugClash(e, story);
            }
            if (rows == 0) {
                return false;
            }
            for (String table :
                    List.of("story_blocks", "story_authors", "story_tags", "story_corrections", "story_pins")) {
                h.execute("DELETE FROM " + table + " WHERE story_id = ?", story.id());
            }
            insertChildren(h, story);
            return true;
        }));
    }

    @Override
    public boolean delete(String id, int expectedRevision) {
        // Blocks, authors, tags, corrections, pins and revisions go with the row (ON DELETE CASCADE).
        return db.handle(h -> h.execute("DELETE FROM stories WHERE id = ? AND revision = ?", id, expectedRevision) > 0);
    }

    @Override
    public List<Reference> uses(String id) {
        return db.handle(h -> {
            List<Reference> uses = new ArrayList<>(h.createQuery(
                            "SELECT s.headline, s.status FROM stories s WHERE s.id IN"
                                    + " (SELECT story_id FROM story_pins WHERE target_id = ?) ORDER BY s.headline, s.id")
                    .bind(0, id)
                    .map((rs, ctx) -> Reference.story(
                            rs.getString("headline"),
                            StoryStatus.PUBLISHED.key().equals(rs.getString("status"))))
                    .list());
            uses.addAll(h.createQuery("SELECT d.title FROM dashboards d WHERE d.id IN"
                            + " (SELECT dashboard_id FROM dashboard_entries WHERE story_id = ?) ORDER BY d.title, d.id")
                    .bind(0, id)
                    .map((rs, ctx) -> new Reference(Reference.Kind.DASHBOARD, rs.getString("title")))
                    .list());
            return uses;
        });
    }

    private static RuntimeException slugClash(RuntimeException e, Story story) {
        return Database.isUniqueViolation(e)
                ? new ConflictException("The slug \"" + story.slug() + "\" is already used by another story.")
                : e;
    }

    private static Update bindRow(Update update, Story s) {
        StoryDraft d = s.draft();
        ImageBlock hero = d.hero();
        Credit credit = hero == null ? null : hero.credit();
        return update.bind("id", s.id())
                .bind("slug", d.slug())
                .bind("headline", d.headline())
                .bind("dek", d.dek())
                .bind("topic_id", d.topicId())
                .bind("kind", d.kind().key())
                .bind("contributor_note", d.contributorNote())
                .bind("hero_media_id", hero == null ? null : hero.mediaId())
                .bind("hero_caption", hero == null ? null : hero.caption())
                .bind("hero_credit_kind", credit == null ? null : credit.kind().name())
                .bind("hero_credit_by", credit == null ? null : credit.by())
                .bind("hero_credit_via", credit == null ? null : credit.via())
                .bind("hero_alt", hero == null ? null : hero.alt())
                .bind("status", s.status().key())
                .bind("publish_at", Times.format(s.publishAt()))
                .bind("first_published_at", Times.format(s.firstPublishedAt()))
                .bind("substantive_at", Times.format(s.substantiveAt()))
                .bind("created_at", Times.format(s.createdAt()))
                .bind("updated_at", Times.format(s.updatedAt()))
                .bind("created_by", s.createdBy())
                .bind("revision", s.revision())
                .bind("blocked_reason", s.blockedReason());
    }

    private static void insertChildren(Handle h, Story story) {
        StoryDraft d = story.draft();
        PreparedBatch blocks =
                h.prepareBatch("INSERT INTO story_blocks (story_id, position, type, data) VALUES (?, ?, ?, ?)");
        for (int i = 0; i < d.body().size(); i++) {
            Block block = d.body().get(i);
            blocks.add(story.id(), i, block.type(), BlockJson.writeString(block));
        }
        execute(blocks);
        positional(
                h,
                "INSERT INTO story_authors (story_id, position, author_id) VALUES (?, ?, ?)",
                story.id(),
                d.authorIds());
        positional(h, "INSERT INTO story_tags (story_id, position, tag) VALUES (?, ?, ?)", story.id(), d.tags());
        positional(
                h, "INSERT INTO story_pins (story_id, position, target_id) VALUES (?, ?, ?)", story.id(), story.pins());
        PreparedBatch corrections =
                h.prepareBatch("INSERT INTO story_corrections (story_id, position, at, text) VALUES (?, ?, ?, ?)");
        for (int i = 0; i < story.corrections().size(); i++) {
            Correction c = story.corrections().get(i);
            corrections.add(story.id(), i, Times.format(c.at()), c.text());
        }
        execute(corrections);
    }

    private static void positional(Handle h, String sql, String storyId, List<String> values) {
        PreparedBatch batch = h.prepareBatch(sql);
        for (int i = 0; i < values.size(); i++) {
            batch.add(storyId, i, values.get(i));
        }
        execute(batch);
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    @Override
    public Optional<String> pinTarget(String reference) {
        // Stories first: a dashboard may share a story's slug, and pins are mostly stories.
        return db.handle(h -> h.createQuery("SELECT id FROM stories WHERE id = :r OR slug = :r")
                .bind("r", reference)
                .mapTo(String.class)
                .findFirst()
                .or(() -> h.createQuery("SELECT id FROM dashboards WHERE id = :r OR slug = :r")
                        .bind("r", reference)
                        .mapTo(String.class)
                        .findFirst()));
    }

    @Override
    public StoryPlaces places(String id) {
        return db.handle(h -> new StoryPlaces(
                h.createQuery("SELECT t.slug FROM stories s JOIN topics t ON t.id = s.topic_id WHERE s.id = ?")
                        .bind(0, id)
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null),
                strings(
                        h,
                        "SELECT a.slug FROM story_authors sa JOIN authors a ON a.id = sa.author_id"
                                + " WHERE sa.story_id = ? ORDER BY sa.position",
                        id),
                strings(
                        h,
                        "SELECT DISTINCT d.slug FROM dashboard_entries e JOIN dashboards d ON d.id = e.dashboard_id"
                                + " WHERE e.story_id = ? ORDER BY d.slug",
                        id),
                strings(h, "SELECT DISTINCT story_id FROM story_pins WHERE target_id = ? ORDER BY story_id", id)));
    }

    private static List<String> strings(Handle h, String sql, String id) {
        return h.createQuery(sql).bind(0, id).mapTo(String.class).list();
    }

    @Override
    public Optional<Story> find(String id) {
        return one("id = ?", id);
    }

    @Override
    public Optional<Story> findBySlug(String slug) {
        return one("slug = ?", slug);
    }

    private Optional<Story> one(String where, Object value) {
        return db.handle(h -> load(
                        h,
                        h.createQuery("SELECT " + COLUMNS + " FROM stories WHERE " + where)
                                .bind(0, value)
                                .map(JdbiStoryStore::row)
                                .list())
                .stream()
                .findFirst());
    }

    @Override
    public Optional<Integer> revisionOf(String id) {
        return db.handle(h -> h.createQuery("SELECT revision FROM stories WHERE id = ?")
                .bind(0, id)
                .mapTo(Integer.class)
                .findOne());
    }

    @Override
    public boolean slugTaken(String slug) {
        return slugOwner(slug).isPresent();
    }

    @Override
    public Optional<String> slugOwner(String slug) {
        return db.handle(h -> h.createQuery(
                        "SELECT id FROM stories WHERE slug = :slug UNION SELECT story_id FROM story_old_slugs WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(String.class)
                .findFirst());
    }

    @Override
    public void keepOldSlug(String storyId, String slug, Instant at) {
        db.handle(h -> h.createUpdate("INSERT INTO story_old_slugs (slug, story_id, retired_at) VALUES (?, ?, ?)")
                .bind(0, slug)
                .bind(1, storyId)
                .bind(2, Times.format(at))
                .execute());
    }

    @Override
    public void forgetOldSlug(String storyId, String slug) {
        db.handle(h -> h.execute("DELETE FROM story_old_slugs WHERE slug = ? AND story_id = ?", slug, storyId));
    }

    @Override
    public Optional<Story> findByOldSlug(String slug) {
        return one("id = (SELECT story_id FROM story_old_slugs WHERE slug = ?)", slug);
    }

    /**
     * A condition on {@code column} that no index may answer, where another filter of the same list
     * narrows it more. SQLite keeps no statistics of how many stories a value holds, so left to
     * itself it reads along whichever filter's index it meets first: a writer's list of a topic
     * along the topic's hundred thousand stories rather than the writer's few. Its unary plus
     * takes a column out of an index's reach; PostgreSQL, which has the statistics, chooses alone.
     */
    private String notLeading(String column) {
        return db.dialect() == Dialect.SQLITE ? "+" + column : column;
    }

    @Override
    public List<Story> page(StoryFilter filter, StoryCursor from, boolean older, int limit) {
        // The filter a page is read along: the one that holds the fewest stories as newsrooms
        // work, a person's own before a byline, a status a story passes through (draft, review,
        // scheduled, unpublished) before a topic, and a topic before published or archived.
        boolean byCreator = filter.createdBy() != null;
        boolean byAuthor = !byCreator && filter.authorId() != null;
        boolean passing = filter.status() != null
                && filter.status() != StoryStatus.PUBLISHED
                && filter.status() != StoryStatus.ARCHIVED;
        boolean byStatus =
                !byCreator && !byAuthor && (passing || (filter.status() != null && filter.topicId() == null));
        boolean byTopic = !byCreator && !byAuthor && !byStatus && filter.topicId() != null;
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> binds = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND ")
                    .append(byStatus ? "status" : notLeading("status"))
                    .append(" = :status");
            binds.put("status", filter.status().key());
        } else {
            // Archived stories are kept for the record, not for daily work: shown only when asked for.
            where.append(" AND status <> 'archived'");
        }
        if (filter.reviewQueue()) {
            where.append(" AND (status = 'in-review' OR (status = 'scheduled' AND blocked_reason IS NOT NULL))");
        }
        if (filter.topicId() != null) {
            where.append(" AND ")
                    .append(byTopic ? "topic_id" : notLeading("topic_id"))
                    .append(" = :topic");
            binds.put("topic", filter.topicId());
        }
        // A byline's stories are read from author_saved (V26), which holds each byline with its
        // story's last save in the list's order: the stories' own index cannot see bylines.
        Along along = byAuthor ? Along.derived("author_saved", "saved_at") : Along.stories("updated_at");
        if (filter.authorId() != null) {
            where.append(byAuthor ? " AND author_saved.author_id = :author" : BYLINE_EXISTS);
            binds.put("author", filter.authorId());
        }
        if (byCreator) {
            where.append(" AND created_by = :createdBy");
            binds.put("createdBy", filter.createdBy());
        }
        if (from != null) {
            where.append(" AND " + along.key() + (older ? " < " : " > ") + "(:fromAt, :fromId)");
            binds.put("fromAt", Times.format(from.updatedAt()));
            binds.put("fromId", from.id());
        }
        List<Story> found = list(along, where, binds, older, limit);
        return older ? found : found.reversed();
    }

    @Override
    public List<Story> published(PublishedFilter filter, PublishedCursor after, int limit) {
        Lead lead = lead(filter);
        StringBuilder where = new StringBuilder("status = 'published'");
        Map<String, Object> binds = new HashMap<>();
        if (filter.topicId() != null) {
            where.append(" AND ")
                    .append(lead == Lead.TOPIC ? "topic_id" : notLeading("topic_id"))
                    .append(" = :topic");
            binds.put("topic", filter.topicId());
        }
        // A byline's or a tag's live stories are read from author_published or tag_published
        // (V26), which hold them by first publication: the stories' own index cannot see either.
        Along along = lead == Lead.AUTHOR
                ? Along.derived("author_published", "first_at")
                : lead == Lead.TAG ? Along.derived("tag_published", "first_at") : Along.stories("first_published_at");
        if (filter.authorId() != null) {
            where.append(lead == Lead.AUTHOR ? " AND author_published.author_id = :author" : BYLINE_EXISTS);
            binds.put("author", filter.authorId());
        }
        if (filter.tag() != null) {
            where.append(
                    lead == Lead.TAG
                            ? " AND tag_published.tag = :tag"
                            : " AND EXISTS (SELECT 1 FROM story_tags st WHERE st.story_id = stories.id"
                                    + " AND st.tag = :tag)");
            binds.put("tag", filter.tag());
        }
        if (filter.kind() != null) {
            where.append(" AND ")
                    .append(lead == Lead.KIND ? "kind" : notLeading("kind"))
                    .append(" = :kind");
            binds.put("kind", filter.kind().key());
        }
        if (filter.changedSince() != null) {
            where.append(" AND ")
                    .append(lead == Lead.SINCE ? "updated_at" : notLeading("updated_at"))
                    .append(" >= :since");
            binds.put("since", Times.format(filter.changedSince()));
        }
        if (after != null) {
            // Led by its changes, a page picks its place among them, not by a range of the index
            // by first publication.
            String key = lead == Lead.SINCE ? along.key(notLeading(along.at())) : along.key();
            where.append(" AND " + key + " < (:afterAt, :afterId)");
            binds.put("afterAt", Times.format(after.firstPublishedAt()));
            binds.put("afterId", after.id());
        }
        return list(along, where, binds, true, limit);
    }

    /**
     * What the content API's list may be read along, in the order preferred when counting does
     * not decide: a byline, a tag, a topic, a kind, and the list's own order with the stories
     * changed since a time filtered out as it goes ({@link #NONE}). Each names the live stories
     * that pass it as a table and a condition on {@code :value}, for counting.
     */
    private enum Lead {
        AUTHOR("author_published WHERE author_id = :value"),
        TAG("tag_published WHERE tag = :value"),
        TOPIC("stories WHERE topic_id = :value AND status = 'published'"),
        KIND("stories WHERE kind = :value AND status = 'published'"),
        SINCE("stories WHERE status = 'published' AND updated_at >= :value"),
        NONE(null);

        final String rows;

        Lead(String rows) {
            this.rows = rows;
        }
    }

    /**
     * The filter the list is read along: the one that holds the fewest live stories, each counted
     * up to {@link #fewStories} off its own index; when none holds fewer, the first in {@link
     * Lead}'s order. A single filter leads without counting, but for a change filter, whose
     * stories no index holds by first publication: when few, they are read off the save index and
     * sorted, and when many, met along the list's own order, as they then match often. At a
     * million stories, sorting "changed since 2010" took 4 s a page; walking to the few stories
     * corrected in the last hour reads the whole archive; and a prolific writer's 67,000 stories,
     * walked for the one under a rare tag, took 420 ms on PostgreSQL.
     */
    private Lead lead(PublishedFilter filter) {
        Map<Lead, String> present = new EnumMap<>(Lead.class);
        if (filter.authorId() != null) {
            present.put(Lead.AUTHOR, filter.authorId());
        }
        if (filter.tag() != null) {
            present.put(Lead.TAG, filter.tag());
        }
        if (filter.topicId() != null) {
            present.put(Lead.TOPIC, filter.topicId());
        }
        if (filter.kind() != null) {
            present.put(Lead.KIND, filter.kind().key());
        }
        if (filter.changedSince() != null) {
            present.put(Lead.SINCE, Times.format(filter.changedSince()));
        }
        Lead first = present.keySet().stream()
                .filter(l -> l != Lead.SINCE)
                .findFirst()
                .orElse(Lead.NONE);
        if (present.size() < 2 && filter.changedSince() == null) {
            return first;
        }
        Lead fewest = first;
        int least = fewStories;
        for (Map.Entry<Lead, String> candidate : present.entrySet()) {
            int n = count(candidate.getKey().rows, candidate.getValue());
            if (n < least) {
                fewest = candidate.getKey();
                least = n;
            }
        }
        return fewest;
    }

    /** How many {@code rows} there are (a table and a condition on {@code :value}), counted up to {@link #fewStories}. */
    private int count(String rows, String value) {
        return db.handle(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + rows + " LIMIT :most) few")
                .bind("value", value)
                .bind("most", fewStories)
                .mapTo(Integer.class)
                .one());
    }

    /**
     * What a list of stories is read along: the stories themselves, or a derived table that holds
     * a key of theirs (a byline, a tag) with the time the list is ordered by, joined to them.
     *
     * @param from the tables read
     * @param at   the column the list is ordered by, and {@code id} the one that breaks its ties
     */
    private record Along(String from, String at, String id) {
        static Along stories(String at) {
            return new Along("stories", at, "id");
        }

        static Along derived(String table, String at) {
            return new Along(
                    table + " JOIN stories ON stories.id = " + table + ".story_id",
                    table + "." + at,
                    table + ".story_id");
        }

        /** The list's order as one row value, which both databases read off an index in order. */
        String key() {
            return key(at);
        }

        /** The same row value with {@code column} written for the ordering column (see notLeading). */
        String key(String column) {
            return "(" + column + ", " + id + ")";
        }
    }

    /** The stories {@code where} picks along {@code along}, newest first or oldest first. */
    private List<Story> list(
            Along along, CharSequence where, Map<String, Object> binds, boolean newestFirst, int limit) {
        String direction = newestFirst ? "DESC" : "ASC";
        String sql = "SELECT " + COLUMNS + " FROM " + along.from() + " WHERE " + where + " ORDER BY " + along.at() + " "
                + direction + ", " + along.id() + " " + direction + " LIMIT :limit";
        return db.handle(h -> {
            var q = h.createQuery(sql);
            binds.forEach(q::bind);
            return load(h, q.bind("limit", limit).map(JdbiStoryStore::row).list());
        });
    }

    @Override
    public int countWaitingForEditors() {
        return db.handle(h -> h.createQuery("SELECT COUNT(*) FROM stories WHERE status = 'in-review'"
                        + " OR (status = 'scheduled' AND blocked_reason IS NOT NULL)")
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public List<Story> latestPublished(int limit, int offset) {
        return published("1 = 1", q -> {}, limit, offset);
    }

    @Override
    public List<StreamCursor> latestPublished(StreamCursor after, int limit) {
        return stream("", q -> {}, after, limit);
    }

    @Override
    public List<StreamCursor> publishedInTopic(String topicId, StreamCursor after, int limit) {
        return stream(" AND topic_id = :topic", q -> q.bind("topic", topicId), after, limit);
    }

    /** Read off the (status, publish_at, id) or (topic_id, status, publish_at, id) index in order, and nothing else. */
    private List<StreamCursor> stream(String where, Consumer<Query> binder, StreamCursor after, int limit) {
        String from = after == null ? "" : " AND (publish_at, id) < (:afterAt, :afterId)";
        return db.handle(h -> {
            var query = h.createQuery("SELECT publish_at, id FROM stories WHERE status = 'published'" + where + from
                    + " ORDER BY publish_at DESC, id DESC LIMIT :limit");
            binder.accept(query);
            bindAfter(query, after);
            return query.bind("limit", limit).map(JdbiStoryStore::place).list();
        });
    }

    @Override
    public List<StreamCursor> publishedByAuthor(String authorId, StreamCursor after, int limit) {
        // author_stream (V19) holds each live byline with its story's publish time, in order.
        String from = after == null ? "" : " AND (publish_at, story_id) < (:afterAt, :afterId)";
        return db.handle(h -> {
            var query = h.createQuery("SELECT publish_at, story_id AS id FROM author_stream WHERE author_id = :author"
                    + from + " ORDER BY publish_at DESC, story_id DESC LIMIT :limit");
            bindAfter(query.bind("author", authorId), after);
            return query.bind("limit", limit).map(JdbiStoryStore::place).list();
        });
    }

    private static StreamCursor place(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StreamCursor(Times.parse(rs.getString("publish_at")), rs.getString("id"));
    }

    private static void bindAfter(Query query, StreamCursor after) {
        if (after != null) {
            query.bind("afterAt", Times.format(after.at())).bind("afterId", after.id());
        }
    }

    @Override
    public List<String> liveNear(String topicId, List<String> tags, Instant around, int perSource) {
        String at = Times.format(around);
        return db.handle(h -> {
            List<String> ids = new ArrayList<>();
            if (topicId != null) {
                // Both reads walk stories_by_topic (topic_id, status, publish_at) from the story's date.
                String topic = "SELECT id FROM stories WHERE topic_id = :key AND status = 'published' AND publish_at ";
                ids.addAll(near(h, topic + "<= :at ORDER BY publish_at DESC LIMIT :n", topicId, at, perSource));
                ids.addAll(near(h, topic + "> :at ORDER BY publish_at LIMIT :n", topicId, at, perSource));
            }
            for (String tag : tags) {
                // live_story_tags (tag, publish_at, story_id) is kept by triggers: see V21.
                String tagged = "SELECT story_id FROM live_story_tags WHERE tag = :key AND publish_at ";
                ids.addAll(near(h, tagged + "<= :at ORDER BY publish_at DESC LIMIT :n", tag, at, perSource));
                ids.addAll(near(h, tagged + "> :at ORDER BY publish_at LIMIT :n", tag, at, perSource));
            }
            return ids;
        });
    }

    @Override
    public List<StoryOutline> liveOutlines(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.handle(h -> {
            List<StoryOutline> rows = liveRows(
                    h,
                    "id, headline, dek, topic_id, first_published_at, publish_at",
                    ids,
                    (rs, ctx) -> new StoryOutline(
                            rs.getString("id"),
                            rs.getString("headline"),
                            rs.getString("dek"),
                            rs.getString("topic_id"),
                            List.of(),
                            Times.parse(Objects.requireNonNullElse(
                                    rs.getString("first_published_at"), rs.getString("publish_at")))));
            if (rows.isEmpty()) {
                return rows;
            }
            // Live stories' tags, from the table kept for liveNear: its key (story, tag) holds both
            // columns, so each story is one index read where story_tags takes two.
            Map<String, List<String>> tags = new HashMap<>();
            h.createQuery("SELECT story_id, tag FROM live_story_tags WHERE story_id IN (<ids>)")
                    .bindList("ids", rows.stream().map(StoryOutline::id).toList())
                    .map((rs, ctx) -> tags.computeIfAbsent(rs.getString("story_id"), k -> new ArrayList<>())
                            .add(rs.getString("tag")))
                    .list();
            return rows.stream()
                    .map(o -> new StoryOutline(
                            o.id(), o.headline(), o.dek(), o.topicId(), tags.getOrDefault(o.id(), List.of()), o.date()))
                    .toList();
        });
    }

    private static List<String> near(Handle h, String sql, String key, String at, int limit) {
        return h.createQuery(sql)
                .bind("key", key)
                .bind("at", at)
                .bind("n", limit)
                .mapTo(String.class)
                .list();
    }

    private List<Story> published(String where, Consumer<Query> binder, int limit, int offset) {
        return db.handle(h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM stories WHERE status = 'published' AND " + where
                    + " ORDER BY publish_at DESC, id DESC LIMIT :limit OFFSET :offset");
            binder.accept(query);
            return load(
                    h,
                    query.bind("limit", limit)
                            .bind("offset", offset)
                            .map(JdbiStoryStore::row)
                            .list());
        });
    }

    @Override
    public List<StoryHeading> liveHeadings(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.handle(h -> liveRows(
                h,
                "id, slug, headline, topic_id, kind, publish_at, first_published_at, substantive_at",
                ids,
                (rs, ctx) -> new StoryHeading(
                        rs.getString("id"),
                        rs.getString("slug"),
                        rs.getString("headline"),
                        rs.getString("topic_id"),
                        StoryKind.parse(rs.getString("kind")),
                        Times.parse(rs.getString("publish_at")),
                        Times.parse(rs.getString("first_published_at")),
                        Times.parse(rs.getString("substantive_at")))));
    }

    /**
     * The rows of those of these stories that are published, each made by {@code row}. Status is
     * checked here rather than in SQL, which could lead the planner to walk the (status,
     * publish_at) index over every live story instead of looking up these ids by key.
     */
    private static <T> List<T> liveRows(Handle h, String columns, List<String> ids, RowMapper<T> row) {
        return h
                .createQuery("SELECT status, " + columns + " FROM stories WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> rs.getString("status").equals(StoryStatus.PUBLISHED.key()) ? row.map(rs, ctx) : null)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * Of the body, the rows a card can show: every lead-in, and each block up to the first that
     * is not an image. The subquery walks the story's primary key from its first block.
     */
    private static final String OPENING = "SELECT 'block' AS kind, story_id, position, type AS a, data AS b"
            + " FROM story_blocks o WHERE story_id IN (<ids>) AND (type = 'lead-in' OR position <= (SELECT"
            + " MIN(f.position) FROM story_blocks f WHERE f.story_id = o.story_id AND f.type <> 'image'))";

    @Override
    public List<StoryTeaser> liveTeasers(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.handle(h -> {
            List<Row> rows = liveRows(h, COLUMNS, ids, JdbiStoryStore::row);
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<String, List<Block>> opening = children(childRows(h, OPENING, rows), "block");
            return rows.stream()
                    .map(r -> new StoryTeaser(
                            r.id(),
                            r.slug(),
                            r.headline(),
                            r.topicId(),
                            r.hero(),
                            Times.parse(r.publishAt()),
                            Times.parse(r.firstPublishedAt()),
                            Times.parse(r.substantiveAt()),
                            opening.getOrDefault(r.id(), List.of())))
                    .toList();
        });
    }

    @Override
    public List<Story> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Story> found = new HashMap<>();
        db.handle(h -> load(
                        h,
                        h.createQuery("SELECT " + COLUMNS + " FROM stories WHERE id IN (<ids>)")
                                .bindList("ids", ids)
                                .map(JdbiStoryStore::row)
                                .list()))
                .forEach(s -> found.put(s.id(), s));
        return ids.stream()
                .distinct()
                .filter(found::containsKey)
                .map(found::get)
                .toList();
    }

    @Override
    public List<String> topStoryIds() {
        return db.handle(h -> h.createQuery("SELECT story_id FROM top_stories ORDER BY position")
                .mapTo(String.class)
                .list());
    }

    @Override
    public void setTopStoryIds(List<String> ids) {
        db.inTransaction(() -> db.handle(h -> {
            h.execute("DELETE FROM top_stories");
            positional(h, "INSERT INTO top_stories (position, story_id) VALUES (?, ?)", ids);
            return null;
        }));
    }

    private static void positional(Handle h, String sql, List<String> values) {
        PreparedBatch batch = h.prepareBatch(sql);
        for (int i = 0; i < values.size(); i++) {
            batch.add(i, values.get(i));
        }
        execute(batch);
    }

    @Override
    public List<PublishedMonth> publishedMonths() {
        // SUBSTR of the fixed-width UTC text is the month on both databases, so one portable GROUP BY does.
        return db.handle(h -> h.createQuery("SELECT SUBSTR(first_published_at, 1, 7) AS month, COUNT(*) AS n,"
                        + " MAX(publish_at) AS published, MAX(substantive_at) AS updated FROM stories"
                        + " WHERE status = 'published' GROUP BY SUBSTR(first_published_at, 1, 7) ORDER BY month DESC")
                .map((rs, ctx) -> new PublishedMonth(
                        YearMonth.parse(rs.getString("month")),
                        rs.getInt("n"),
                        later(Times.parse(rs.getString("published")), Times.parse(rs.getString("updated")))))
                .list());
    }

    @Override
    public List<StoryStamp> publishedInMonth(YearMonth month, int limit, int offset) {
        return db.handle(h -> h.createQuery("SELECT id, slug, first_published_at, publish_at, substantive_at"
                        + " FROM stories WHERE status = 'published' AND first_published_at >= :from"
                        + " AND first_published_at < :to ORDER BY first_published_at, id LIMIT :limit OFFSET :offset")
                .bind("from", Times.format(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .bind(
                        "to",
                        Times.format(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new StoryStamp(
                        rs.getString("id"),
                        rs.getString("slug"),
                        Times.parse(rs.getString("first_published_at")),
                        Times.parse(rs.getString("publish_at")),
                        Times.parse(rs.getString("substantive_at"))))
                .list());
    }

    @Override
    public List<Story> firstPublishedSince(Instant since, int limit) {
        return db.handle(h -> load(
                h,
                h.createQuery("SELECT " + COLUMNS + " FROM stories WHERE status = 'published'"
                                + " AND first_published_at >= :since"
                                + " ORDER BY first_published_at DESC, id DESC LIMIT :limit")
                        .bind("since", Times.format(since))
                        .bind("limit", limit)
                        .map(JdbiStoryStore::row)
                        .list()));
    }

    @Override
    public Map<String, Instant> lastPublishedByTopic() {
        return lastChanges("SELECT topic_id AS owner, MAX(publish_at) AS published, MAX(substantive_at) AS updated"
                + " FROM stories WHERE status = 'published' AND topic_id IS NOT NULL GROUP BY topic_id");
    }

    @Override
    public Map<String, Instant> lastPublishedByAuthor() {
        return lastChanges("SELECT a.author_id AS owner, MAX(s.publish_at) AS published,"
                + " MAX(s.substantive_at) AS updated FROM story_authors a JOIN stories s ON s.id = a.story_id"
                + " WHERE s.status = 'published' GROUP BY a.author_id");
    }

    private Map<String, Instant> lastChanges(String sql) {
        Map<String, Instant> out = new HashMap<>();
        db.handle(h -> h.createQuery(sql)
                        .map((rs, ctx) -> Map.entry(
                                rs.getString("owner"),
                                later(Times.parse(rs.getString("published")), Times.parse(rs.getString("updated")))))
                        .list())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    @Override
    public List<Story> dueForPublishing(Instant now) {
        return db.handle(h -> load(
                h,
                h.createQuery("SELECT " + COLUMNS + " FROM stories WHERE status = 'scheduled'"
                                + " AND publish_at <= :now ORDER BY publish_at, id")
                        .bind("now", Times.format(now))
                        .map(JdbiStoryStore::row)
                        .list()));
    }

    @Override
    public int count() {
        return db.handle(h -> h.createQuery("SELECT COUNT(*) FROM stories")
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public void addRevision(StoryRevision r) {
        db.handle(h -> h.createUpdate(
                        "INSERT INTO story_revisions (story_id, revision, action, actor_id, saved_at, snapshot)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")
                .bind(0, r.storyId())
                .bind(1, r.revision())
                .bind(2, r.action())
                .bind(3, r.actorId())
                .bind(4, Times.format(r.savedAt()))
                .bind(5, StoryJson.write(r.snapshot()))
                .execute());
    }

    @Override
    public List<StoryRevision> revisions(String storyId) {
        return db.handle(h -> h.createQuery("SELECT story_id, revision, action, actor_id, saved_at, snapshot"
                        + " FROM story_revisions WHERE story_id = ? ORDER BY revision DESC")
                .bind(0, storyId)
                .map((rs, ctx) -> revisionRow(rs))
                .list());
    }

    @Override
    public Optional<StoryRevision> revision(String storyId, int revision) {
        return db.handle(h -> h.createQuery("SELECT story_id, revision, action, actor_id, saved_at, snapshot"
                        + " FROM story_revisions WHERE story_id = ? AND revision = ?")
                .bind(0, storyId)
                .bind(1, revision)
                .map((rs, ctx) -> revisionRow(rs))
                .findOne());
    }

    private static StoryRevision revisionRow(ResultSet rs) throws SQLException {
        return new StoryRevision(
                rs.getString("story_id"),
                rs.getInt("revision"),
                rs.getString("action"),
                rs.getString("actor_id"),
                Times.parse(rs.getString("saved_at")),
                StoryJson.read(rs.getString("snapshot")));
    }

    /** The columns of one story row, before its child rows are attached. */
    private record Row(
            String id,
            String slug,
            String headline,
            String dek,
            String topicId,
            String kind,
            String contributorNote,
            ImageBlock hero,
            String status,
            String publishAt,
            String firstPublishedAt,
            String substantiveAt,
            String createdAt,
            String updatedAt,
            String createdBy,
            int revision,
            String blockedReason) {}

    private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        String heroId = rs.getString("hero_media_id");
        String kind = rs.getString("hero_credit_kind");
        ImageBlock hero = null;
        // A hero's caption and credit may be kept before its image is chosen.
        if (heroId != null || kind != null || rs.getString("hero_caption") != null) {
            Credit credit = kind == null
                    ? null
                    : new Credit(
                            CreditKind.valueOf(kind), rs.getString("hero_credit_by"), rs.getString("hero_credit_via"));
            hero = new ImageBlock(heroId, rs.getString("hero_caption"), credit, rs.getString("hero_alt"));
        }
        return new Row(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("dek"),
                rs.getString("topic_id"),
                rs.getString("kind"),
                rs.getString("contributor_note"),
                hero,
                rs.getString("status"),
                rs.getString("publish_at"),
                rs.getString("first_published_at"),
                rs.getString("substantive_at"),
                rs.getString("created_at"),
                rs.getString("updated_at"),
                rs.getString("created_by"),
                rs.getInt("revision"),
                rs.getString("blocked_reason"));
    }

    /**
     * Every child row of these stories (blocks, bylines, tags, pins, corrections), one table after
     * another in one UNION ALL: a story, or a whole page of them, costs one round trip for its
     * children rather than one per table. Rows come in no particular order; each list is put in
     * position order here, which costs nothing at a story's size and no sort in the database.
     */
    private static final String CHILDREN = "SELECT 'block' AS kind, story_id, position, type AS a, data AS b"
            + " FROM story_blocks WHERE story_id IN (<ids>)"
            + " UNION ALL SELECT 'author', story_id, position, author_id, NULL FROM story_authors WHERE story_id IN (<ids>)"
            + " UNION ALL SELECT 'tag', story_id, position, tag, NULL FROM story_tags WHERE story_id IN (<ids>)"
            + " UNION ALL SELECT 'pin', story_id, position, target_id, NULL FROM story_pins WHERE story_id IN (<ids>)"
            + " UNION ALL SELECT 'correction', story_id, position, at, text FROM story_corrections"
            + " WHERE story_id IN (<ids>)";

    private record Child(String kind, String storyId, int position, Object value) {}

    /** Attaches child rows with one query for the whole page of stories, not one per story or table. */
    private static List<Story> load(Handle h, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, List<Child>>> byStory = childRows(h, CHILDREN, rows);
        Map<String, List<Block>> blocks = children(byStory, "block");
        Map<String, List<String>> authors = children(byStory, "author");
        Map<String, List<String>> tags = children(byStory, "tag");
        Map<String, List<String>> pins = children(byStory, "pin");
        Map<String, List<Correction>> corrections = children(byStory, "correction");
        List<Story> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            StoryDraft draft = new StoryDraft(
                    r.headline(),
                    r.dek(),
                    r.slug(),
                    r.topicId(),
                    tags.getOrDefault(r.id(), List.of()),
                    StoryKind.parse(r.kind()),
                    authors.getOrDefault(r.id(), List.of()),
                    r.contributorNote(),
                    r.hero(),
                    blocks.getOrDefault(r.id(), List.of()));
            out.add(new Story(
                    r.id(),
                    draft,
                    StoryStatus.parse(r.status()),
                    Times.parse(r.publishAt()),
                    Times.parse(r.firstPublishedAt()),
                    Times.parse(r.substantiveAt()),
                    Times.parse(r.createdAt()),
                    Times.parse(r.updatedAt()),
                    r.createdBy(),
                    r.revision(),
                    corrections.getOrDefault(r.id(), List.of()),
                    pins.getOrDefault(r.id(), List.of()),
                    r.blockedReason()));
        }
        return out;
    }

    /** The child rows that {@code sql} (shaped like {@link #CHILDREN}) reads for these stories, by story and kind. */
    private static Map<String, Map<String, List<Child>>> childRows(Handle h, String sql, List<Row> rows) {
        Map<String, Map<String, List<Child>>> byStory = new HashMap<>();
        h.createQuery(sql)
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> child(rs))
                .forEach(c -> byStory.computeIfAbsent(c.storyId(), k -> new HashMap<>())
                        .computeIfAbsent(c.kind(), k -> new ArrayList<>())
                        .add(c));
        return byStory;
    }

    private static Child child(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        String storyId = rs.getString("story_id");
        int position = rs.getInt("position");
        Object value = switch (kind) {
            case "block" -> readBlock(storyId, position, rs.getString("a"), rs.getString("b"));
            case "correction" -> new Correction(Times.parse(rs.getString("a")), rs.getString("b"));
            default -> rs.getString("a");
        };
        return new Child(kind, storyId, position, value);
    }

    private static Block readBlock(String storyId, int position, String type, String data) {
        try {
            return BlockJson.read(type, data);
        } catch (ValidationException e) {
            throw new CorruptDataException(
                    "Block " + (position + 1) + " of story " + storyId + " cannot be read: " + e.getMessage());
        }
    }

    /** One kind of child row by story, each list in position order. */
    @SuppressWarnings("unchecked")
    private static <T> Map<String, List<T>> children(Map<String, Map<String, List<Child>>> byStory, String kind) {
        Map<String, List<T>> out = new HashMap<>();
        byStory.forEach((storyId, kinds) -> {
            List<Child> found = kinds.get(kind);
            if (found != null) {
                out.put(
                        storyId,
                        found.stream()
                                .sorted(Comparator.comparingInt(Child::position))
                                .map(c -> (T) c.value())
                                .toList());
            }
        });
        return out;
    }
}
