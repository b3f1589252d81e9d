package org.lede.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.authoring.AuthoringText;
import org.lede.content.ImageBlock;
import org.lede.db.Dialect;
import org.lede.media.Media;
import org.lede.story.BrevityChecks.Finding;
import org.lede.story.BrevityChecks.Level;
import org.lede.testing.Newsroom;

class BrevityChecksTest {
    @TempDir
    Path dir;

    Newsroom newsroom;
    BrevityChecks checks;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(Dialect.SQLITE, dir);
        checks = newsroom.services.brevityChecks();
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    private static boolean has(BrevityChecks.Report report, Level level, String fragment) {
        return report.checks().stream()
                .anyMatch(c -> c.level() == level && c.message().contains(fragment));
    }

    @Test
    void aWellShapedStoryHasNoErrorsAndCountsItsWords() {
        StoryDraft draft = newsroom.publishableDraft("Council approves the new tram line to the harbor");
        BrevityChecks.Report report = checks.check(draft);
        assertFalse(report.blocksPublishing(), report.checks().toString());
        assertTrue(has(report, Level.OK, "lede is one sentence"));
        assertTrue(has(report, Level.OK, "Why it matters"));
        assertEquals(20, report.words(), "the label counts too");
        assertEquals(1, report.readingMinutes());
    }

    @Test
    void warnsAboutAMultiSentenceLedeAMissingWhyItMattersAndLongParagraphs() {
        String longParagraph = "word ".repeat(70).strip() + ".";
        StoryDraft draft = newsroom.publishableDraft("Council approves the new tram line to the harbor")
                .withBody(AuthoringText.parse(
                        "The vote passed. Work starts soon.\n\nA second paragraph.\n\n" + longParagraph));
        BrevityChecks.Report report = checks.check(draft);
        assertTrue(has(report, Level.WARNING, "The lede has 2 sentences"));
        assertTrue(has(report, Level.WARNING, "Why it matters:"));
        assertTrue(has(report, Level.WARNING, "Paragraph 3 runs 70 words"));
        assertFalse(report.blocksPublishing(), "warnings never block");
    }

    @Test
    void anImageWithoutCreditOrAltIsAnErrorThatBlocksPublishing() {
        Media noAlt = newsroom.image(null);
        StoryDraft base = newsroom.publishableDraft("Council approves the new tram line to the harbor");
        StoryDraft draft = new StoryDraft(
                base.headline(),
                base.dek(),
                null,
                base.topicId(),
                base.tags(),
                base.kind(),
                base.authorIds(),
                null,
                new ImageBlock(noAlt.id(), "A tram", null),
                base.body());
        BrevityChecks.Report report = checks.check(draft);
        assertTrue(report.blocksPublishing());
        List<String> errors = report.checks().stream()
                .filter(c -> c.level() == Level.ERROR)
                .map(Finding::message)
                .toList();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("alt text"));
        assertTrue(errors.get(1).contains("Credit"));
    }
}
