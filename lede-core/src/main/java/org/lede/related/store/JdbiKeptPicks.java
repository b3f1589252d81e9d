package org.lede.related.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lede.common.CorruptDataException;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.related.GoDeeper.Ref;
import org.lede.related.KeptPicks;
import org.lede.search.SearchDocument.Type;

/** Go deeper's rankings in the table of V23, one row per story. */
public final class JdbiKeptPicks implements KeptPicks {
    private final Database db;

    public JdbiKeptPicks(Database db) {
        this.db = db;
    }

    @Override
    public Optional<List<Ref>> find(String storyId) {
        return db.handle(h -> h.createQuery("SELECT picks FROM go_deeper WHERE story_id = :id AND picks IS NOT NULL")
                        .bind("id", storyId)
                        .mapTo(String.class)
                        .findOne())
                .map(JdbiKeptPicks::decode);
    }

    @Override
    public int keepAll(Map<String, List<Ref>> picksByStory, long asOf) {
        if (picksByStory.isEmpty()) {
            return 0;
        }
        return db.inTransaction(() -> db.handle(h -> {
            // The WHERE of the upsert is the guard: a row marked stale by a later event keeps its null.
            PreparedBatch batch = h.prepareBatch("INSERT INTO go_deeper (story_id, picks, as_of, stale_from) "
                    + "VALUES (:id, :picks, :asOf, 0) ON CONFLICT (story_id) DO UPDATE "
                    + "SET picks = excluded.picks, as_of = excluded.as_of "
                    + "WHERE go_deeper.stale_from <= excluded.as_of");
            picksByStory.forEach((id, picks) -> batch.bind("id", id)
                    .bind("picks", encode(picks))
                    .bind("asOf", asOf)
                    .add());
            return Arrays.stream(batch.execute()).sum();
        }));
    }

    @Override
    public void markStale(Collection<String> storyIds, long seq) {
        if (storyIds.isEmpty()) {
            return;
        }
        // A row for a story never ranked too: a ranking already under way must find the mark.
        db.handle(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO go_deeper (story_id, picks, as_of, stale_from) "
                    + "VALUES (:id, NULL, 0, :seq) ON CONFLICT (story_id) DO UPDATE "
                    + "SET picks = NULL, stale_from = CASE WHEN go_deeper.stale_from > excluded.stale_from "
                    + "THEN go_deeper.stale_from ELSE excluded.stale_from END");
            for (String id : storyIds) {
                batch.bind("id", id).bind("seq", seq).add();
            }
            return batch.execute();
        });
    }

    @Override
    public void forget(Collection<String> storyIds) {
        if (storyIds.isEmpty()) {
            return;
        }
        db.handle(h -> h.createUpdate("DELETE FROM go_deeper WHERE story_id IN (<ids>)")
                .bindList("ids", List.copyOf(storyIds))
                .execute());
    }

    @Override
    public List<String> unranked(String afterId, int limit) {
        return db.handle(h -> h.createQuery(unrankedSql(db.dialect()))
                .bind("after", afterId)
                .bind("n", limit)
                .mapTo(String.class)
                .list());
    }

    /**
     * Walks the stories' primary key from {@code after}, looking each story up in go_deeper's.
     * Left to choose, both databases did worse, and each batch grew with the archive: SQLite, with
     * no statistics, took the equality on status for the selective term and read every published
     * story through a status index, sorting them by id (330 ms a batch at a million stories);
     * PostgreSQL joined go_deeper whole, by hash or by merge from its first row (240 ms a batch
     * once 22,000 stories were ranked). A unary plus keeps SQLite off any index for the status
     * term, and a scalar subquery, which neither database turns into a join, makes the lookup
     * one probe of go_deeper's key per story.
     */
    static String unrankedSql(Dialect dialect) {
        String status = dialect == Dialect.SQLITE ? "+s.status" : "s.status";
        return "SELECT s.id FROM stories s WHERE s.id > :after AND " + status + " = 'published' "
                + "AND (SELECT g.picks FROM go_deeper g WHERE g.story_id = s.id) IS NULL "
                + "ORDER BY s.id LIMIT :n";
    }

    @Override
    public long unrankedCount() {
        return db.handle(h -> h.createQuery("SELECT count(*) FROM stories s LEFT JOIN go_deeper g ON g.story_id = s.id "
                        + "WHERE s.status = 'published' AND g.picks IS NULL")
                .mapTo(Long.class)
                .one());
    }

    /** One {@code type id} line per pick: ids are ULIDs and types single words, so neither holds a space. */
    static String encode(List<Ref> picks) {
        StringBuilder out = new StringBuilder(picks.size() * 34);
        for (Ref ref : picks) {
            out.append(ref.type().key()).append(' ').append(ref.id()).append('\n');
        }
        return out.toString();
    }

    static List<Ref> decode(String text) {
        List<Ref> picks = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            int space = text.indexOf(' ', from);
            if (end < 0 || space < 0 || space > end) {
                throw new CorruptDataException("A kept Go deeper pick is not \"type id\": " + text);
            }
            picks.add(new Ref(text.substring(space + 1, end), type(text.substring(from, space))));
            from = end + 1;
        }
        return List.copyOf(picks);
    }

    private static Type type(String key) {
        for (Type type : Type.values()) {
            if (type.key().equals(key)) {
                return type;
            }
        }
        throw new CorruptDataException("A kept Go deeper pick of no known type: " + key);
    }
}
