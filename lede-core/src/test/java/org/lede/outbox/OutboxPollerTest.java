package org.lede.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.IntStream;
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

/** Where pollers start, resume and retry, against SQLite and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class OutboxPollerTest {
    static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Database db;
    Outbox outbox;
    final List<String> seen = new ArrayList<>();
    final List<RuntimeException> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDatabases.open(dialect, dir);
        outbox = new JdbiOutbox(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void append(String... subjects) {
        for (String subject : subjects) {
            outbox.append(new Event.TopicSaved(subject, "city", "editor-1", AT));
        }
    }

    private void record(List<OutboxEvent> events) {
        events.forEach(e -> seen.add(e.subject()));
    }

    private OutboxPoller durable() {
        return OutboxPoller.durable("search", outbox, this::record, errors::add);
    }

    @Test
    void anInMemoryConsumerStartsAfterTheNewestEvent() {
        append("before-1", "before-2");
        try (OutboxPoller poller = OutboxPoller.inMemory("page-cache", outbox, this::record, errors::add)) {
            poller.poll();
            assertEquals(List.of(), seen);
            append("after");
            poller.poll();
            assertEquals(List.of("after"), seen);
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void aDurableConsumerResumesAfterARestartWithoutLosingOrRepeatingEvents() {
        append("before-it-existed");
        try (OutboxPoller poller = durable()) {
            append("while-up-1", "while-up-2");
            poller.poll();
            assertEquals(List.of("while-up-1", "while-up-2"), seen);
            append("before-the-next-poll");
        }
        append("while-down");

        seen.clear();
        try (OutboxPoller restarted = durable()) {
            restarted.poll();
            assertEquals(List.of("before-the-next-poll", "while-down"), seen);
            restarted.poll();
            assertEquals(List.of("before-the-next-poll", "while-down"), seen, "nothing twice");
        }
        assertEquals(OptionalLong.of(outbox.lastSeq()), outbox.position("search"));
        assertEquals(List.of(), errors);
    }

    @Test
    void aDurableConsumerSeenForTheFirstTimeKeepsEventsFromBeforeItsFirstPoll() {
        append("older");
        durable().close();
        append("before-the-first-poll");
        try (OutboxPoller restarted = durable()) {
            restarted.poll();
        }
        assertEquals(List.of("before-the-first-poll"), seen);
    }

    @Test
    void aBacklogLongerThanOneBatchArrivesWholeAndInOrder() {
        List<String> subjects = IntStream.range(0, 450).mapToObj(i -> "E" + i).toList();
        try (OutboxPoller poller = durable()) {
            db.run(() -> append(subjects.toArray(String[]::new)));
            poller.poll();
        }
        assertEquals(subjects, seen);
        assertEquals(OptionalLong.of(outbox.lastSeq()), outbox.position("search"));
    }

    @Test
    void aConsumerThatFailsGetsTheSameBatchAgainBeforeAndAfterARestart() {
        RuntimeException failure = new IllegalStateException("search index unavailable");
        List<List<String>> attempts = new ArrayList<>();
        AtomicBoolean failing = new AtomicBoolean(true);
        Consumer<List<OutboxEvent>> consumer = events -> {
            attempts.add(events.stream().map(OutboxEvent::subject).toList());
            if (failing.get()) {
                throw failure;
            }
        };
        try (OutboxPoller poller = OutboxPoller.durable("search", outbox, consumer, errors::add)) {
            append("A", "B");
            poller.poll();
            poller.poll();
            assertEquals(List.of(List.of("A", "B"), List.of("A", "B")), attempts, "the same batch, again");
            assertEquals(List.of(failure, failure), errors);
        }

        failing.set(false);
        append("C");
        try (OutboxPoller restarted = OutboxPoller.durable("search", outbox, consumer, errors::add)) {
            restarted.poll();
            restarted.poll();
        }
        assertEquals(
                List.of(List.of("A", "B"), List.of("A", "B"), List.of("A", "B", "C")),
                attempts,
                "a failed batch does not count as handled across a restart either");
        assertEquals(2, errors.size());
    }
}
