package org.lede.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.author.Author;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.reading.StoryView;
import org.lede.story.PublishedFilter;
import org.lede.story.Story;
import org.lede.story.StoryFilter;
import org.lede.testing.Newsroom;
import org.lede.testing.TestDatabases;
import org.lede.user.Actor;

/**
 * V26 on a newsroom that already has stories, as an upgrade meets it: the derived tables it adds
 * (bylines by last save, live bylines and tags by first publication) start out holding every
 * story written before it, so the byline and tag lists show them at once. The newsroom is made at
 * the latest version, V26 is taken out again (its objects dropped and its history row deleted),
 * and opening the database applies it once more over the stories.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class ListIndexesMigrationTest {
    private static final SiteSettings SITE =
            new SiteSettings("Test Ledger", "News in brief.", "https://news.example", ZoneId.of("UTC"));

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @Test
    void theListsOfAnUpgradedNewsroomShowTheStoriesWrittenBeforeIt() {
        DatabaseUrl url = TestDatabases.url(dialect, dir);
        Newsroom before = new Newsroom(Database.open(url), dir);
        Author ana = before.author("ana-ruiz", "Ana Ruiz");
        var stories = before.services.storyService();
        Story live = stories.createDraft(
                Actor.SYSTEM, before.publishableDraft("Live by Ana").withAuthors(List.of(ana.id())));
        live = stories.publish(Actor.SYSTEM, live.id(), live.revision());
        Story draft = stories.createDraft(
                Actor.SYSTEM, before.publishableDraft("Draft by Ana").withAuthors(List.of(ana.id())));
        before.services.db().handle(h -> {
            for (String statement : undoV26()) {
                h.execute(statement);
            }
            return null;
        });
        before.close();

        Newsroom after = new Newsroom(Database.open(url), dir);
        try {
            StoryFilter byAna = new StoryFilter(null, false, null, ana.id(), null, null);
            assertEquals(
                    List.of(draft.id(), live.id()),
                    after.services.newsroomQueries().stories(Actor.SYSTEM, byAna, null, true, 10).stories().stream()
                            .map(Story::id)
                            .toList(),
                    "the newsroom's byline list, by last save");
            ReaderQueries reader = after.services.readerQueries(SITE);
            assertEquals(
                    List.of(live.id()),
                    ids(reader.published(new PublishedFilter(null, ana.id(), null, null, null), null, 10)),
                    "the content API's byline list, live stories only");
            assertEquals(
                    List.of(live.id()),
                    ids(reader.published(new PublishedFilter(null, null, "transit", null, null), null, 10)),
                    "the content API's tag list, live stories only");
        } finally {
            after.close();
        }
    }

    private static List<String> ids(List<StoryView> views) {
        return views.stream().map(StoryView::id).toList();
    }

    /** What V26 made, taken out again, and its place in the history with it. */
    private List<String> undoV26() {
        List<String> triggers = List.of(
                "author_saved_byline_added ON story_authors",
                "author_saved_byline_removed ON story_authors",
                "author_saved_story_saved ON stories",
                "author_published_byline_added ON story_authors",
                "author_published_byline_removed ON story_authors",
                "tag_published_tag_added ON story_tags",
                "tag_published_tag_removed ON story_tags",
                "published_story_moved ON stories");
        List<String> undo = new java.util.ArrayList<>();
        for (String trigger : triggers) {
            String name = trigger.substring(0, trigger.indexOf(' '));
            if (dialect == Dialect.SQLITE) {
                undo.add("DROP TRIGGER " + name);
            } else {
                undo.add("DROP TRIGGER " + trigger);
                undo.add("DROP FUNCTION " + name + "()");
            }
        }
        undo.addAll(List.of(
                "DROP TABLE author_saved",
                "DROP TABLE author_published",
                "DROP TABLE tag_published",
                "DROP INDEX stories_by_creator_saved",
                "DROP INDEX stories_by_topic_saved",
                "DROP INDEX stories_by_topic_first_published",
                "DROP INDEX stories_by_kind_first_published",
                "DELETE FROM flyway_schema_history WHERE version = '26'"));
        return undo;
    }
}
