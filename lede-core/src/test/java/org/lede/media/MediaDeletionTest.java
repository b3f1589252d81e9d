package org.lede.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Paragraph;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.outbox.OutboxEvent;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.UpdateKind;
import org.lede.testing.NewsroomTest;

/** Deleting images: refused while anything shows them, and then with their files, on SQLite and PostgreSQL. */
class MediaDeletionTest extends NewsroomTest {

    MediaService service;

    @BeforeEach
    void open() {
        service = newsroom.services.mediaService();
    }

    @Test
    void anUnusedImageGoesWithItsOriginalAndRenditions() {
        Media image = newsroom.image("A harbour crane");
        BlobStore blobs = newsroom.services.blobs();
        // A 64-pixel test image gets no rendition of its own (none is made larger than the original), so one
        // is stored under the renditions' naming to see it go with the image.
        String rendition = Renditions.key(image.sha256(), 320, image.type());
        blobs.put(rendition, new byte[] {1, 2, 3});
        assertTrue(blobs.exists(rendition));

        service.delete(EDITOR, image.id());

        assertTrue(newsroom.services.media().find(image.id()).isEmpty());
        assertFalse(blobs.exists(MediaService.originalKey(image)));
        assertFalse(blobs.exists(rendition));
        OutboxEvent event = newsroom.services.outbox().after(0, 10_000).getLast();
        assertEquals("media.deleted", event.type());
        assertEquals("test.png", event.data().get("name"));
    }

    @Test
    void anImageInUseIsKeptWithItsFilesAndEveryUserIsNamed() {
        Media image = newsroom.image("A tram at dusk");
        var stories = newsroom.services.storyService();
        StoryDraft hero =
                newsroom.publishableDraft("Tram line opens").withBody(List.of(Paragraph.of("The line opened.")));
        Story live = stories.createDraft(
                EDITOR, withHero(hero, new ImageBlock(image.id(), "A tram.", Credit.photo("Ana Ruiz", "Lede"))));
        stories.publish(EDITOR, live.id(), live.revision());
        stories.createDraft(
                EDITOR,
                newsroom.publishableDraft("Tram photos")
                        .withBody(List.of(
                                Paragraph.of("Pictures."),
                                new ImageBlock(image.id(), "Another tram.", Credit.photo("Ana Ruiz", "Lede")))));
        newsroom.services
                .dashboardService()
                .create(
                        EDITOR,
                        new DashboardFields(
                                "trams",
                                "Trams",
                                null,
                                null,
                                new ImageBlock(image.id(), null, Credit.photo("Ana Ruiz", null)),
                                List.of()));
        Author author = newsroom.author("ana-ruiz", "Ana Ruiz");
        newsroom.services
                .authorService()
                .update(
                        EDITOR,
                        new Author(
                                author.id(),
                                author.slug(),
                                author.name(),
                                author.title(),
                                author.bio(),
                                image.id(),
                                false,
                                null));

        ConflictException refused = assertThrows(ConflictException.class, () -> service.delete(EDITOR, image.id()));

        assertEquals(
                "Cannot delete this image: used by 1 published story: “Tram line opens”; 1 story not published:"
                        + " “Tram photos”; 1 dashboard: “Trams”; 1 author: “Ana Ruiz”. Take it out of them first.",
                refused.getMessage());
        assertTrue(newsroom.services.media().find(image.id()).isPresent());
        assertTrue(newsroom.services.blobs().exists(MediaService.originalKey(image)), "files stay with the record");
    }

    @Test
    void anImageTakenOutOfEveryStoryIsFreeToDescribeAndDeleteAgain() {
        Media image = newsroom.image("A tram at dusk");
        Media other = newsroom.image("A bus at noon");
        Credit credit = Credit.photo("Ana Ruiz", "Lede");
        var stories = newsroom.services.storyService();
        Story hero = stories.createDraft(
                EDITOR,
                withHero(newsroom.publishableDraft("Tram line opens"), new ImageBlock(image.id(), "A tram.", credit)));
        hero = stories.publish(EDITOR, hero.id(), hero.revision());
        Story block = stories.createDraft(
                EDITOR,
                newsroom.publishableDraft("Tram photos")
                        .withBody(List.of(
                                Paragraph.of("Pictures."), new ImageBlock(image.id(), "Another tram.", credit))));
        block = stories.publish(EDITOR, block.id(), block.revision());
        assertThrows(
                ForbiddenException.class,
                () -> newsroom.services.mediaService().describe(WRITER, image.id(), "A tram crossing", null, null),
                "a published story shows it");

        stories.update(
                EDITOR,
                hero.id(),
                hero.revision(),
                withHero(hero.draft(), new ImageBlock(other.id(), "A bus.", credit)),
                UpdateKind.MINOR);
        ConflictException refused = assertThrows(ConflictException.class, () -> service.delete(EDITOR, image.id()));
        assertEquals(
                "Cannot delete this image: used by 1 published story: “Tram photos”. Take it out of them first.",
                refused.getMessage(),
                "the hero changed, the block stays");
        stories.update(
                EDITOR,
                block.id(),
                block.revision(),
                block.draft().withBody(List.of(Paragraph.of("Pictures."))),
                UpdateKind.MINOR);

        newsroom.services.mediaService().describe(WRITER, image.id(), "A tram crossing", null, null);
        service.delete(EDITOR, image.id());
        assertTrue(newsroom.services.media().find(image.id()).isEmpty());
        assertThrows(
                ForbiddenException.class,
                () -> newsroom.services.mediaService().describe(WRITER, other.id(), "A bus", null, null),
                "the new hero is the one in use");
    }

    @Test
    void writersCannotDeleteImages() {
        Media image = newsroom.image("A bridge");
        assertThrows(ForbiddenException.class, () -> service.delete(WRITER, image.id()));
        assertTrue(newsroom.services.media().find(image.id()).isPresent());
    }

    private static StoryDraft withHero(StoryDraft d, ImageBlock hero) {
        return new StoryDraft(
                d.headline(),
                d.dek(),
                d.slug(),
                d.topicId(),
                d.tags(),
                d.kind(),
                d.authorIds(),
                d.contributorNote(),
                hero,
                d.body());
    }
}
