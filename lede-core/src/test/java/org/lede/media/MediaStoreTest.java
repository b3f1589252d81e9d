package org.lede.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.Ids;
import org.lede.common.NotFoundException;
import org.lede.content.Credit;
import org.lede.content.CreditKind;
import org.lede.db.Dialect;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;

/** The media store's contract, on SQLite and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class MediaStoreTest {
    static final String UNKNOWN = "01JB0000000000000000000000";

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    MediaStore store;
    Ids ids;
    int counter;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        store = newsroom.services.media();
        ids = new Ids(newsroom.clock);
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    /** A record made by hand, for ordering the store must do by time and id. */
    private Media record(String id, Instant createdAt) {
        counter++;
        return new Media(
                id,
                "%064x".formatted(counter),
                MediaType.JPEG,
                1000L + counter,
                1600,
                900,
                "Alt " + counter,
                null,
                null,
                "photo-" + counter + ".jpg",
                createdAt);
    }

    @Test
    void anUploadReadsBackWholeByIdAndByHash() {
        Media added = newsroom.image("A tram crossing a bridge at dusk");
        Media loaded = store.find(added.id()).orElseThrow();
        assertEquals(added, loaded);
        assertEquals(MediaType.PNG, loaded.type());
        assertEquals(64, loaded.width());
        assertEquals(48, loaded.height());
        assertEquals(added, store.findBySha256(added.sha256()).orElseThrow());
    }

    @Test
    void everyFieldOfARecordSurvivesTheRoundTrip() {
        Media full = new Media(
                ids.next(),
                "a".repeat(64),
                MediaType.WEBP,
                5_000_000_000L,
                4000,
                3000,
                "A heron on a post",
                "The heron at low tide.",
                new Credit(CreditKind.ILLUSTRATION, "Lee Park", "Studio North"),
                "heron.webp",
                Instant.parse("2026-11-19T08:07:06.543Z"));
        store.insert(full);
        assertEquals(full, store.find(full.id()).orElseThrow());
        Media bare = new Media(
                ids.next(),
                "b".repeat(64),
                MediaType.JPEG,
                10,
                1,
                1,
                null,
                null,
                null,
                null,
                Instant.parse("2026-11-19T08:07:06.544Z"));
        store.insert(bare);
        Media loaded = store.find(bare.id()).orElseThrow();
        assertEquals(bare, loaded);
        assertNull(loaded.defaultCredit());
        assertNull(loaded.alt());
    }

    @Test
    void aCreditWithoutViaKeepsItNull() {
        Media m = new Media(
                ids.next(),
                "c".repeat(64),
                MediaType.PNG,
                10,
                2,
                2,
                "Alt",
                null,
                Credit.photo("Ana Ruiz", null),
                "x.png",
                Instant.parse("2026-11-19T08:00:00Z"));
        store.insert(m);
        assertEquals(
                Credit.photo("Ana Ruiz", null), store.find(m.id()).orElseThrow().defaultCredit());
    }

    @Test
    void unknownIdsAndHashesFindNothing() {
        Media added = newsroom.image("Alt");
        assertTrue(store.find(UNKNOWN).isEmpty());
        assertTrue(store.findBySha256("0".repeat(64)).isEmpty());
        assertTrue(
                store.findBySha256(added.sha256().toUpperCase()).isEmpty(), "hashes match exactly, on both databases");
    }

    @Test
    void describingChangesTheTextButKeepsTheFileFacts() {
        Media added = newsroom.image(null);
        Media other = newsroom.image("Other");
        newsroom.clock.advance(Duration.ofHours(1));
        Media described = newsroom.services
                .mediaService()
                .describe(
                        Actor.SYSTEM,
                        added.id(),
                        "A heron on a post",
                        "The heron at low tide.",
                        Credit.photo("Ana Ruiz", "Lede"));
        assertEquals(described, store.find(added.id()).orElseThrow());
        assertEquals(added.createdAt(), store.find(added.id()).orElseThrow().createdAt());
        assertEquals(other, store.find(other.id()).orElseThrow());
    }

    @Test
    void anUpdateNeverRewritesHashTypeSizeDimensionsOrCreationTime() {
        Media original = record(ids.next(), Instant.parse("2026-11-19T08:00:00Z"));
        store.insert(original);
        store.update(new Media(
                original.id(),
                "f".repeat(64),
                MediaType.PNG,
                1,
                2,
                3,
                "New alt",
                "New caption",
                Credit.photo("Ana Ruiz", null),
                "renamed.jpg",
                Instant.parse("2030-01-01T00:00:00Z")));
        assertEquals(
                new Media(
                        original.id(),
                        original.sha256(),
                        MediaType.JPEG,
                        original.byteSize(),
                        1600,
                        900,
                        "New alt",
                        "New caption",
                        Credit.photo("Ana Ruiz", null),
                        "renamed.jpg",
                        original.createdAt()),
                store.find(original.id()).orElseThrow());
    }

    @Test
    void anUpdateCanClearTheDescription() {
        Media original = new Media(
                ids.next(),
                "d".repeat(64),
                MediaType.JPEG,
                10,
                2,
                2,
                "Alt",
                "Caption",
                Credit.photo("Ana Ruiz", "Lede"),
                "x.jpg",
                Instant.parse("2026-11-19T08:00:00Z"));
        store.insert(original);
        store.update(new Media(
                original.id(),
                original.sha256(),
                original.type(),
                original.byteSize(),
                2,
                2,
                null,
                null,
                null,
                null,
                original.createdAt()));
        Media loaded = store.find(original.id()).orElseThrow();
        assertNull(loaded.alt());
        assertNull(loaded.defaultCaption());
        assertNull(loaded.defaultCredit());
        assertNull(loaded.originalName());
    }

    @Test
    void describingUnknownMediaIsNotFound() {
        assertThrows(
                NotFoundException.class,
                () -> newsroom.services.mediaService().describe(Actor.SYSTEM, UNKNOWN, "Alt", null, null));
    }

    @Test
    void theSameBytesUploadedTwiceAreOneItem() {
        byte[] png = java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        MediaService service = newsroom.services.mediaService();
        Media first = service.add(Actor.SYSTEM, png, "one.png", "A dot", null, null);
        Media second = service.add(Actor.SYSTEM, png, "two.png", "Another dot", null, null);
        assertEquals(first, second);
        assertEquals(List.of(first), store.latest(10, 0));
    }

    @Test
    void aSecondRecordWithTheSameHashIsRefused() {
        Media first = record(ids.next(), Instant.parse("2026-11-19T08:00:00Z"));
        store.insert(first);
        Media clash = new Media(
                ids.next(), first.sha256(), MediaType.PNG, 5, 1, 1, null, null, null, null, first.createdAt());
        assertThrows(RuntimeException.class, () -> store.insert(clash));
        assertEquals(List.of(first), store.latest(10, 0));
    }

    @Test
    void findAllKeepsTheOrderAskedForOnceEachAndLeavesOutUnknownIds() {
        Media a = newsroom.image("A");
        Media b = newsroom.image("B");
        Media c = newsroom.image("C");
        assertEquals(List.of(c, a, b), store.findAll(List.of(c.id(), a.id(), b.id())));
        assertEquals(List.of(b, a), store.findAll(List.of(b.id(), UNKNOWN, a.id(), b.id())));
        assertEquals(List.of(), store.findAll(List.of(UNKNOWN)));
        assertEquals(List.of(), store.findAll(List.of()));
    }

    @Test
    void latestIsNewestFirstAcrossDaysAndPagesWithoutGapsOrRepeats() {
        Instant start = Instant.parse("2026-11-01T09:00:00Z");
        List<Media> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Hours apart across midnight, inserted out of order: the store orders by time, not by insertion.
            Media m = record(ids.next(), start.plus(Duration.ofHours(5L * i)));
            oldestFirst.add(m);
        }
        for (int i : new int[] {3, 0, 6, 1, 5, 2, 4}) {
            store.insert(oldestFirst.get(i));
        }
        List<Media> newestFirst = oldestFirst.reversed();
        assertEquals(newestFirst.subList(0, 3), store.latest(3, 0));
        assertEquals(newestFirst.subList(3, 6), store.latest(3, 3));
        assertEquals(newestFirst.subList(6, 7), store.latest(3, 6));
        assertEquals(List.of(), store.latest(3, 9));
        assertEquals(newestFirst, store.latest(100, 0));
    }

    @Test
    void itemsAddedInTheSameMillisecondListNewestIdFirst() {
        Instant same = Instant.parse("2026-11-01T09:00:00Z");
        String older = ids.next();
        String newer = ids.next();
        Media first = record(older, same);
        Media second = record(newer, same);
        store.insert(second);
        store.insert(first);
        assertEquals(List.of(second, first), store.latest(10, 0));
        assertEquals(List.of(second), store.latest(1, 0));
        assertEquals(List.of(first), store.latest(1, 1));
    }
}
