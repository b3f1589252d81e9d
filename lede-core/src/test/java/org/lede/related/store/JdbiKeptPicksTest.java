package org.lede.related.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.CorruptDataException;
import org.lede.db.Dialect;
import org.lede.related.GoDeeper.Ref;
import org.lede.search.SearchDocument.Type;
import org.lede.story.Story;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;

/** The kept rankings' table, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class JdbiKeptPicksTest {
    static final List<Ref> PICKS = List.of(
            new Ref("01HS0000000000000000000002", Type.STORY),
            new Ref("01HD0000000000000000000001", Type.DASHBOARD),
            new Ref("01HS0000000000000000000001", Type.STORY));

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    JdbiKeptPicks kept;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        kept = new JdbiKeptPicks(newsroom.services.db());
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    @Test
    void picksReadBackInTheirOrderWithTheirTypes() {
        assertEquals(Optional.empty(), kept.find("S1"));
        assertTrue(kept.keep("S1", PICKS, 5));
        assertEquals(Optional.of(PICKS), kept.find("S1"));
        assertTrue(kept.keep("S1", PICKS.subList(0, 1), 6), "a newer ranking replaces it");
        assertEquals(Optional.of(PICKS.subList(0, 1)), kept.find("S1"));
        assertTrue(kept.keep("S2", List.of(), 6));
        assertEquals(Optional.of(List.of()), kept.find("S2"), "an empty ranking is one, not none");
    }

    @Test
    void aStaleMarkHidesThePicksAndRefusesRankingsOlderThanItself() {
        kept.keep("S1", PICKS, 5);
        kept.markStale(List.of("S1", "S9"), 10);
        assertEquals(Optional.empty(), kept.find("S1"));

        assertFalse(kept.keep("S1", PICKS, 9), "ranked before the event");
        assertFalse(kept.keep("S9", PICKS, 9), "a story never ranked is marked too");
        assertEquals(Optional.empty(), kept.find("S9"));

        kept.markStale(List.of("S1"), 7);
        assertFalse(kept.keep("S1", PICKS, 9), "a replayed older event does not lower the mark");

        assertTrue(kept.keep("S1", PICKS, 10), "ranked with the event applied");
        assertEquals(Optional.of(PICKS), kept.find("S1"));
        kept.markStale(List.of(), 11);
        assertEquals(Optional.of(PICKS), kept.find("S1"), "marking nothing changes nothing");
    }

    @Test
    void aBatchKeepsEachRankingTheMarksAllowAndCountsThem() {
        kept.keep("S1", PICKS, 5);
        kept.markStale(List.of("S2"), 10);
        Map<String, List<Ref>> batch = new LinkedHashMap<>();
        batch.put("S1", PICKS.subList(0, 1));
        batch.put("S2", PICKS);
        batch.put("S3", PICKS.subList(1, 3));

        assertEquals(2, kept.keepAll(batch, 9), "S2 was marked by an event past the batch's ranking");

        assertEquals(Optional.of(PICKS.subList(0, 1)), kept.find("S1"));
        assertEquals(Optional.empty(), kept.find("S2"));
        assertEquals(Optional.of(PICKS.subList(1, 3)), kept.find("S3"));
        assertEquals(0, kept.keepAll(Map.of(), 9));
    }

    @Test
    void forgetDropsTheRowsNamed() {
        kept.keep("S1", PICKS, 1);
        kept.keep("S2", PICKS, 1);
        kept.forget(List.of("S1"));
        kept.forget(List.of());
        assertEquals(Optional.empty(), kept.find("S1"));
        assertEquals(Optional.of(PICKS), kept.find("S2"));
        assertTrue(kept.keep("S1", PICKS, 0), "no mark is left behind");
    }

    @Test
    void unrankedAreTheLiveStoriesWithoutKeptPicksInIdOrder() {
        var stories = newsroom.services.storyService();
        Story a = newsroom.publish("A");
        Story b = newsroom.publish("B");
        Story c = newsroom.publish("C");
        Story d = newsroom.publish("D");
        stories.createDraft(Actor.SYSTEM, newsroom.publishableDraft("A draft"));
        kept.keep(b.id(), PICKS, 1);
        kept.keep(c.id(), PICKS, 1);
        kept.markStale(List.of(c.id()), 2);

        List<String> expected = Stream.of(a, c, d).map(Story::id).sorted().toList();
        assertEquals(expected, kept.unranked("", 10));
        assertEquals(expected.subList(0, 2), kept.unranked("", 2));
        assertEquals(expected.subList(2, 3), kept.unranked(expected.get(1), 10));
        assertEquals(3, kept.unrankedCount());
    }

    @Test
    void theFillWalksTheStoriesPrimaryKeyAndLooksEachUpByKey() {
        List<String> plan = newsroom.services
                .db()
                .inTransaction(() -> newsroom.services.db().handle(h -> {
                    if (dialect == Dialect.POSTGRESQL) {
                        // A test's few rows are cheapest read whole and sorted; priced out, the
                        // plan shows what the statement leaves the planner at archive scale.
                        h.execute("SET LOCAL enable_seqscan = off");
                        h.execute("SET LOCAL enable_sort = off");
                    }
                    String explain = dialect == Dialect.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
                    return h.createQuery(explain + JdbiKeptPicks.unrankedSql(dialect))
                            .bind("after", "")
                            .bind("n", 64)
                            .map((rs, ctx) -> rs.getString(dialect == Dialect.SQLITE ? "detail" : "QUERY PLAN"))
                            .list();
                }));
        String all = String.join("\n", plan);
        if (dialect == Dialect.SQLITE) {
            assertFalse(all.contains("TEMP B-TREE"), all);
            assertTrue(all.contains("SEARCH s USING INDEX sqlite_autoindex_stories_1 (id>?)"), all);
            assertTrue(all.contains("SEARCH g USING INDEX sqlite_autoindex_go_deeper_1 (story_id=?)"), all);
        } else {
            assertFalse(all.contains("Sort"), all);
            assertFalse(all.contains("Join"), all);
            assertTrue(all.contains("Index Scan using stories_pkey on stories s"), all);
            assertTrue(all.contains("Index Cond: (story_id = s.id)"), all);
        }
    }

    @Test
    void textThatIsNoRankingIsCorrupt() {
        assertEquals(PICKS, JdbiKeptPicks.decode(JdbiKeptPicks.encode(PICKS)));
        assertThrows(CorruptDataException.class, () -> JdbiKeptPicks.decode("story S1"));
        assertThrows(CorruptDataException.class, () -> JdbiKeptPicks.decode("storyS1\n"));
        assertThrows(CorruptDataException.class, () -> JdbiKeptPicks.decode("article S1\n"));
        assertThrows(CorruptDataException.class, () -> JdbiKeptPicks.decode("storyS1\nstory S2\n"));
        assertThrows(CorruptDataException.class, () -> JdbiKeptPicks.decode("story S1\nstoryS2\n"));
    }
}
