package org.lede.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.outbox.store.JdbiOutbox;
import org.lede.testing.TestDatabases;

/** The outbox store against SQLite and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class OutboxTest {
    static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Database db;
    Outbox outbox;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dialect, dir);
        outbox = new JdbiOutbox(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eventsReadBackInTheOrderTheyWereAppendedWithTheirFields() {
        assertEquals(0, outbox.lastSeq(), "an empty outbox");
        outbox.append(new OutboxEvent(
                0, "story.published", "S1", Map.of("slug", "tram"), AT, Set.of(PageKeys.HOME, PageKeys.story("S1"))));
        db.run(() -> {
            outbox.append(new Event.TopicSaved("T1", "city", "editor-1", AT.plusSeconds(1)));
            outbox.append(new Event.AuthorSaved("A1", "ana", "editor-1", AT.plusSeconds(2)));
        });

        List<OutboxEvent> all = outbox.after(0, 10);
        assertEquals(
                List.of("S1", "T1", "A1"),
                all.stream().map(OutboxEvent::subject).toList());
        assertTrue(
                all.get(0).seq() > 0
                        && all.get(0).seq() < all.get(1).seq()
                        && all.get(1).seq() < all.get(2).seq(),
                "positions grow: " + all);
        assertEquals(
                new OutboxEvent(
                        all.get(0).seq(),
                        "story.published",
                        "S1",
                        Map.of("slug", "tram"),
                        AT,
                        Set.of("home", "story:S1")),
                all.get(0));
        assertEquals(Map.of("slug", "city", "actor", "editor-1"), all.get(1).data());
        assertEquals(all.get(2).seq(), outbox.lastSeq());
        assertEquals(all.subList(1, 3), outbox.after(all.get(0).seq(), 10));
        assertEquals(all.subList(0, 2), outbox.after(0, 2), "at most the limit");
    }

    @Test
    void aConsumersPositionIsEmptyUntilSavedThenTheLastOneSaved() {
        assertEquals(OptionalLong.empty(), outbox.position("search"));
        outbox.savePosition("search", 3);
        outbox.savePosition("webhooks", 1);
        outbox.savePosition("search", 7);
        assertEquals(OptionalLong.of(7), outbox.position("search"));
        assertEquals(OptionalLong.of(1), outbox.position("webhooks"), "each consumer keeps its own");
    }
}
