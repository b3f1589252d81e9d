package org.lede.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.lede.Services;
import org.lede.author.Author;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.Paragraph;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryService;
import org.lede.topic.Topic;
import org.lede.user.Actor;

/** A test newsroom on a fresh database: the services plus helpers that make valid content. */
public final class Newsroom implements AutoCloseable {
    public final TestClock clock = TestClock.at("2026-11-20T12:00:00Z");
    public final Services services;
    private int counter;

    public Newsroom(Dialect dialect, Path dir) {
        this(TestDatabases.open(dialect, dir), dir);
    }

    /** A newsroom over a database already opened, whose media live under {@code dir}. */
    public Newsroom(Database db, Path dir) {
        this.services = Services.create(db, dir.resolve("media"), clock);
    }

    public Topic topic(String slug, String name) {
        return services.topicService().create(Actor.SYSTEM, slug, name, null, ++counter);
    }

    public Author author(String slug, String name) {
        return services.authorService()
                .create(
                        Actor.SYSTEM,
                        new AuthorFields(slug, name, "Reporter", name + " covers the city.", null, false));
    }

    public Media image(String alt) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(++counter % 64, 0, 0xFFFFFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services.mediaService().add(Actor.SYSTEM, out.toByteArray(), "test.png", alt, null, null);
    }

    /** A draft that passes every publishing rule. */
    public StoryDraft publishableDraft(String headline) {
        Topic topic = topic("topic-" + (counter + 1), "Topic " + (counter + 1));
        Author author = author("author-" + (counter + 1), "Author " + (counter + 1));
        Media hero = image("A tram crossing a bridge at dusk");
        return new StoryDraft(
                headline,
                "A one-sentence dek.",
                null,
                topic.id(),
                List.of("transit"),
                StoryKind.NEWS,
                List.of(author.id()),
                null,
                new ImageBlock(hero.id(), "A tram at dusk.", Credit.photo("Ana Ruiz", "Lede")),
                List.of(
                        Paragraph.of("The council voted on Tuesday to extend the tram line."),
                        new LeadIn("Why it matters", Inline.plain("The line would reach two new districts."))));
    }

    /** A publishable draft in {@code topic} with {@code tags}, whose body is the one paragraph {@code text}. */
    public StoryDraft draft(String headline, Topic topic, List<String> tags, String text) {
        StoryDraft base = publishableDraft(headline);
        return new StoryDraft(
                headline,
                base.dek(),
                null,
                topic.id(),
                tags,
                base.kind(),
                base.authorIds(),
                null,
                base.hero(),
                List.of(Paragraph.of(text)));
    }

    /** {@link #draft} published at {@code at} (the clock is left there): what Go deeper's tests vary. */
    public Story publishAt(String at, String headline, Topic topic, List<String> tags, String text) {
        clock.set(Instant.parse(at));
        return publish(draft(headline, topic, tags, text));
    }

    /** {@link #publishableDraft} published now, by the system. */
    public Story publish(String headline) {
        return publish(publishableDraft(headline));
    }

    private Story publish(StoryDraft draft) {
        StoryService stories = services.storyService();
        Story created = stories.createDraft(Actor.SYSTEM, draft);
        return stories.publish(Actor.SYSTEM, created.id(), created.revision());
    }

    /** A dashboard of {@code topic} (none when null) with one item listing {@code listed}. */
    public Dashboard dashboard(String slug, Topic topic, Story listed) {
        return services.dashboardService()
                .create(
                        Actor.SYSTEM,
                        new DashboardFields(
                                slug,
                                "Dashboard " + slug,
                                null,
                                topic == null ? null : topic.id(),
                                null,
                                List.of(new DashboardItem("Lead", List.of(DashboardEntry.story(listed.id()))))));
    }

    @Override
    public void close() {
        // Renditions are written after an upload returns; they must land before the test's folder goes.
        services.mediaService().close();
        services.goDeeper().close();
        services.search().close();
        services.db().close();
    }
}
