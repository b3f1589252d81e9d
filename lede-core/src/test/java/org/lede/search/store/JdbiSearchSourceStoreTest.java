package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.search.SearchSourceStore.StoryText;
import org.lede.story.Story;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;

/** The search index's reads of stories, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class JdbiSearchSourceStoreTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    Database db;
    JdbiSearchSourceStore sources;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        db = newsroom.services.db();
        sources = new JdbiSearchSourceStore(db);
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    @Test
    void aStoryReadsBackWithItsBlocksInOrderItsLeadInsTagsAndAuthors() {
        Story story = publish("Tram line to reach two districts");
        List<StoryText> texts = sources.storyTexts(List.of(story.id(), "01HS0000000000000000000000"));
        assertEquals(1, texts.size(), "a missing id is skipped");
        StoryText text = texts.getFirst();
        assertEquals(story.id(), text.id());
        assertEquals("Tram line to reach two districts", text.headline());
        assertEquals(
                List.of(
                        "The council voted on Tuesday to extend the tram line.",
                        "The line would reach two new districts."),
                text.blocks());
        assertEquals(List.of("Why it matters"), text.leadIns());
        assertEquals(List.of("transit"), text.tags());
        assertEquals(story.draft().authorIds(), text.authorIds());
        assertEquals("published", text.status());
    }

    private Story publish(String headline) {
        var stories = newsroom.services.storyService();
        Story draft = stories.createDraft(Actor.SYSTEM, newsroom.publishableDraft(headline));
        return stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }
}
