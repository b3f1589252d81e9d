package org.lede.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import org.lede.Services;
import org.lede.author.Author;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.common.Slugs;
import org.lede.media.Media;
import org.lede.topic.Topic;
import org.lede.user.Actor;

/**
 * {@code lede demo --stories N}: a synthetic archive on top of the demo newsroom, for measuring
 * Lede at the size of a real one. The demo's topics, images and dashboard are loaded first
 * through the services (what is there already is left alone), the byline grows to at least
 * {@link #STAFF} staff and {@link #CONTRIBUTORS} contributors, then the stories go in through
 * {@link ArchiveStore}'s bulk path, with no event each: whatever is derived from stories (the
 * search index, a running server's page cache) is rebuilt or restarted afterwards.
 *
 * <p>A database that already has stories is added to: the run's sequence numbers start after
 * the stories already stored, so its slugs are new, and its stories fill the same twenty years.
 */
public final class DemoArchive {
    /** How far back the archive goes from its newest story. */
    public static final Duration SPAN = Duration.ofDays(20 * 365 + 5);

    public static final int STAFF = 20;
    public static final int CONTRIBUTORS = 5;
    /**
     * Stories a transaction: large enough that commits cost little, small enough that the three
     * batches in flight on SQLite (one written, one waiting, one being made) fit a 200 MiB heap.
     * PostgreSQL holds up to two a core waiting or being copied, and one being made.
     */
    static final int BATCH = 2_000;

    public record Summary(int stories, int first, Duration took) {
        public double perSecond() {
            return stories / Math.max(0.001, took.toNanos() / 1e9);
        }
    }

    private final Services services;
    private final Path mediaDir;
    private final ArchiveStore store;

    public DemoArchive(Services services, Path mediaDir, ArchiveStore store) {
        this.services = services;
        this.mediaDir = mediaDir;
        this.store = store;
    }

    /**
     * Adds {@code count} published stories. The same seed, end and base (a fresh database each
     * time) give the same stories.
     *
     * @param end the newest story's time; the oldest is twenty years before it
     * @param written the number of stories written so far, after each transaction
     */
    public Summary generate(int count, long seed, Instant end, IntConsumer written) {
        return generate(count, seed, end, BATCH, written);
    }

    /** As {@link #generate(int, long, Instant, IntConsumer)}, {@code batch} stories a transaction. */
    Summary generate(int count, long seed, Instant end, int batch, IntConsumer written) {
        if (count < 0) {
            throw new IllegalArgumentException("The number of stories cannot be negative.");
        }
        new DemoContent(services, mediaDir).load();
        ArchiveWords words = ArchiveWords.load();
        ArchiveBase base = base(words);
        long start = System.nanoTime();
        int first = store.storyCount();
        ArchiveStories stories = new ArchiveStories(words, base, seed, first, count, end);
        store.write(stories::story, count, batch, written);
        return new Summary(count, first, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The newsroom the stories refer to, in an order that does not depend on ids or insertion times. */
    ArchiveBase base(ArchiveWords words) {
        List<Topic> topics = services.topics().all().stream()
                .sorted(Comparator.comparing(Topic::slug))
                .toList();
        List<Author> authors = ensureAuthors(words, topics);
        List<Media> images = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            List<Media> page = services.media().latest(500, offset);
            page.stream().filter(m -> m.alt() != null).forEach(images::add);
            if (page.size() < 500) {
                break;
            }
        }
        images.sort(Comparator.comparing(Media::sha256));
        return new ArchiveBase(
                topics,
                authors.stream().filter(a -> !a.contributor()).toList(),
                authors.stream().filter(Author::contributor).toList(),
                images);
    }

    /** Adds staff and contributors with names from the word list until there are enough of each. */
    private List<Author> ensureAuthors(ArchiveWords words, List<Topic> topics) {
        List<Author> authors = new ArrayList<>(services.authors().all());
        long staff = authors.stream().filter(a -> !a.contributor()).count();
        long contributors = authors.size() - staff;
        Set<String> slugs = new LinkedHashSet<>();
        authors.forEach(a -> slugs.add(a.slug()));
        Random names = new Random(42);
        List<String> first = words.list("first-names");
        List<String> last = words.list("last-names");
        int beat = 0;
        while (staff < STAFF || contributors < CONTRIBUTORS) {
            String name = first.get(names.nextInt(first.size())) + " " + last.get(names.nextInt(last.size()));
            String slug = Slugs.slugify(name);
            if (!slugs.add(slug)) {
                continue;
            }
            AuthorFields fields;
            if (staff < STAFF) {
                Topic topic = topics.get(beat++ % topics.size());
                String title = words.list("staff-titles")
                        .get(names.nextInt(words.list("staff-titles").size()));
                fields = new AuthorFields(
                        slug,
                        name,
                        topic.name() + " " + title,
                        name + " covers " + topic.name() + " for Lede.",
                        null,
                        false);
                staff++;
            } else {
                String place = words.list("regions")
                        .get(names.nextInt(words.list("regions").size()));
                fields = new AuthorFields(
                        slug,
                        name,
                        "Contributor",
                        name + " is a fellow at the " + (place.startsWith("the ") ? place.substring(4) : place)
                                + " Policy Institute.",
                        null,
                        true);
                contributors++;
            }
            authors.add(services.authorService().create(Actor.SYSTEM, fields));
        }
        authors.sort(Comparator.comparing(Author::slug));
        return authors;
    }
}
