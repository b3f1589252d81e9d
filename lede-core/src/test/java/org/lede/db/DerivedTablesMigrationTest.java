package org.lede.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.author.Author;
import org.lede.common.ConflictException;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Paragraph;
import org.lede.media.Media;
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
 * V26 and V27 on a newsroom that already has stories, as an upgrade meets them: the derived
 * tables they add (bylines by last save, live bylines and tags by first publication, the media
 * each story shows) start out holding every story written before them, so the byline and tag
 * lists and the refusal to delete an image in use see those stories at once. The newsroom is made
 * at the latest version, the two are taken out again (their objects dropped and their history
 * rows deleted), and opening the database applies them once more over the stories.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class DerivedTablesMigrationTest {
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
        Media pictured = before.image("A ferry at the pier");
        Story draft = stories.createDraft(
                Actor.SYSTEM,
                before.publishableDraft("Draft by Ana")
                        .withAuthors(List.of(ana.id()))
                        .withBody(List.of(
                                Paragraph.of("Pictures."),
                                new ImageBlock(pictured.id(), "The ferry.", Credit.photo("Ana Ruiz", "Lede")))));
        String hero = live.draft().hero().mediaId();
        before.services.db().handle(h -> {
            for (String statement : undo()) {
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
            assertEquals(
                    "Cannot delete this image: used by 1 published story: “Live by Ana”. Take it out of them first.",
                    assertThrows(
                                    ConflictException.class,
                                    () -> after.services.mediaService().delete(Actor.SYSTEM, hero))
                            .getMessage(),
                    "a hero set before the upgrade");
            assertEquals(
                    "Cannot delete this image: used by 1 story not published: “Draft by Ana”. Take it out of them"
                            + " first.",
                    assertThrows(
                                    ConflictException.class,
                                    () -> after.services.mediaService().delete(Actor.SYSTEM, pictured.id()))
                            .getMessage(),
                    "an image block written before the upgrade");
        } finally {
            after.close();
        }
    }

    private static List<String> ids(List<StoryView> views) {
        return views.stream().map(StoryView::id).toList();
    }

    /** What V27 and V26 made, taken out again, newest first, and their places in the history and the later ones' with them. */
    private List<String> undo() {
        List<String> triggers = List.of(
                "story_media_block_added ON story_blocks",
                "story_media_block_removed ON story_blocks",
                "story_media_block_changed ON story_blocks",
                "story_media_hero_added ON stories",
                "story_media_hero_changed ON stories",
                "byline_added ON story_authors",
                "byline_removed ON story_authors",
                "author_saved_story_saved ON stories",
                "tag_published_tag_added ON story_tags",
                "tag_published_tag_removed ON story_tags",
                "published_story_moved ON stories");
        List<String> undo = new ArrayList<>();
        for (String trigger : triggers) {
            undo.add("DROP TRIGGER "
                    + (dialect == Dialect.SQLITE ? trigger.substring(0, trigger.indexOf(' ')) : trigger));
        }
        if (dialect == Dialect.POSTGRESQL) {
            // The block triggers run story_media_block_changed(), the hero ones story_media_hero_changed().
            for (String function : List.of(
                    "story_media_block_changed",
                    "story_media_hero_changed",
                    "byline_added",
                    "byline_removed",
                    "author_saved_story_saved",
                    "tag_published_tag_added",
                    "tag_published_tag_removed",
                    "published_story_moved")) {
                undo.add("DROP FUNCTION " + function + "()");
            }
        }
        undo.addAll(List.of(
                "DROP TABLE story_media",
                "DROP TABLE author_saved",
                "DROP TABLE author_published",
                "DROP TABLE tag_published",
                "DROP INDEX stories_by_creator_saved",
                "DROP INDEX stories_by_topic_saved",
                "DROP INDEX stories_by_topic_first_published",
                "DROP INDEX stories_by_kind_first_published",
                // The later migrations go too, or Flyway would refuse V26 and V27 as out of order:
                // opening applies them again, so each must hold when its changes are already there.
                "DELETE FROM flyway_schema_history WHERE installed_rank >= "
                        + "(SELECT installed_rank FROM flyway_schema_history WHERE version = '26')"));
        return undo;
    }
}
