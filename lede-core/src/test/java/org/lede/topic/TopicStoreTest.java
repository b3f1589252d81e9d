package org.lede.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.ConflictException;
import org.lede.common.NotFoundException;
import org.lede.db.Dialect;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;

/** The topic store's contract, on SQLite and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class TopicStoreTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    TopicStore store;
    TopicService service;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        store = newsroom.services.topics();
        service = newsroom.services.topicService();
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    @Test
    void aCreatedTopicReadsBackWholeByIdAndBySlug() {
        Topic created = service.create(Actor.SYSTEM, "politics", "Politics & Policy", "Councils and parliaments.", 3);
        assertEquals(created, store.find(created.id()).orElseThrow());
        assertEquals(created, store.findBySlug("politics").orElseThrow());
    }

    @Test
    void aTopicWithoutDescriptionKeepsItNull() {
        Topic created = service.create(Actor.SYSTEM, "weather", "Weather", null, 0);
        assertEquals(null, store.find(created.id()).orElseThrow().description());
    }

    @Test
    void unknownIdsAndSlugsFindNothing() {
        newsroom.topic("politics", "Politics");
        assertTrue(store.find("01JB0000000000000000000000").isEmpty());
        assertTrue(store.findBySlug("sport").isEmpty());
        assertTrue(store.findBySlug("Politics").isEmpty(), "slugs match exactly, on both databases");
    }

    @Test
    void anUpdateRewritesEveryFieldOfThatTopicOnly() {
        Topic transit = newsroom.topic("transit", "Transit");
        Topic sport = newsroom.topic("sport", "Sport");
        Topic changed = new Topic(transit.id(), "getting-around", "Getting around", "Trams and ferries.", 9);
        service.update(Actor.SYSTEM, changed);
        assertEquals(changed, store.find(transit.id()).orElseThrow());
        assertEquals(changed, store.findBySlug("getting-around").orElseThrow());
        assertTrue(store.findBySlug("transit").isEmpty(), "the old slug is free again");
        assertEquals(sport, store.find(sport.id()).orElseThrow());
    }

    @Test
    void updatingAnUnknownTopicIsNotFound() {
        assertThrows(
                NotFoundException.class,
                () -> service.update(Actor.SYSTEM, new Topic("01JB0000000000000000000000", "ghost", "Ghost", null, 1)));
        assertTrue(store.all().isEmpty());
    }

    @Test
    void aSecondTopicWithATakenSlugIsAConflict() {
        Topic first = newsroom.topic("politics", "Politics");
        ConflictException e = assertThrows(
                ConflictException.class,
                () -> store.insert(new Topic("01JB0000000000000000000001", "politics", "Policy", null, 2)));
        assertTrue(e.getMessage().contains("\"politics\""), e.getMessage());
        assertEquals(List.of(first), store.all());
    }

    @Test
    void renamingATopicToATakenSlugIsAConflictAndChangesNothing() {
        Topic politics = newsroom.topic("politics", "Politics");
        Topic sport = newsroom.topic("sport", "Sport");
        ConflictException e = assertThrows(
                ConflictException.class,
                () -> store.update(new Topic(sport.id(), "politics", "Sport", null, sport.position())));
        assertTrue(e.getMessage().contains("\"politics\""), e.getMessage());
        assertEquals(sport, store.find(sport.id()).orElseThrow());
        assertEquals(politics, store.findBySlug("politics").orElseThrow());
    }

    @Test
    void allListsTopicsByPositionThenNameAlphabetically() {
        Topic weather = service.create(Actor.SYSTEM, "weather", "Weather", null, 2);
        Topic economy = service.create(Actor.SYSTEM, "economie", "économie", null, 2);
        Topic arts = service.create(Actor.SYSTEM, "arts", "Arts", null, 2);
        Topic politics = service.create(Actor.SYSTEM, "politics", "Politics", null, 1);
        Topic sport = service.create(Actor.SYSTEM, "sport", "Sport", null, 10);
        assertEquals(List.of(politics, arts, economy, weather, sport), store.all());
    }

    @Test
    void noTopicsIsAnEmptyList() {
        assertEquals(List.of(), store.all());
    }
}
