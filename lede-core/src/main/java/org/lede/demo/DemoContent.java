package org.lede.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lede.Services;
import org.lede.author.Author;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.authoring.AuthoringText;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.media.Media;
import org.lede.media.MediaService;
import org.lede.page.SitePageService;
import org.lede.page.SitePageService.SitePageCommand;
import org.lede.page.SitePageService.SitePageFields;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.UpdateKind;
import org.lede.topic.Topic;
import org.lede.user.Actor;

/**
 * A small newsroom written for Lede: topics, staff and outside contributors, stories in the
 * smart-brevity shape with generated illustrations, and a dashboard. Loading goes through the
 * same services as the newsroom, with a clock set back to each story's publish time, so the
 * demo has real revisions and events. Anything already present (by slug) is left alone, so
 * loading twice duplicates nothing.
 */
public final class DemoContent {
    private static final String ROOT = "/org/lede/demo/stories/";
    private static final String PAGES = "/org/lede/demo/pages/";

    private record PageSeed(String slug, String title) {}

    private static final List<PageSeed> SITE_PAGES =
            List.of(new PageSeed("about", "About Lede"), new PageSeed("corrections-policy", "Corrections policy"));

    private record TopicSeed(String slug, String name, String description) {}

    private static final List<TopicSeed> TOPICS = List.of(
            new TopicSeed("politics", "Politics & Policy", "Legislatures, campaigns and the rules they write."),
            new TopicSeed("world", "World", "News from beyond our borders."),
            new TopicSeed("health", "Health", "Medicine, public health and the cost of care."),
            new TopicSeed("technology", "Technology", "How new tools change work and daily life."),
            new TopicSeed("climate", "Climate & Energy", "Weather, energy and the changing landscape."),
            new TopicSeed("business", "Business", "Companies, markets and the local economy."));

    private static final List<AuthorFields> AUTHORS = List.of(
            new AuthorFields(
                    "nora-lindqvist",
                    "Nora Lindqvist",
                    "Politics reporter",
                    "Nora Lindqvist covers the statehouse and city hall.",
                    null,
                    false),
            new AuthorFields(
                    "tomas-okafor",
                    "Tomás Okafor",
                    "World editor",
                    "Tomás Okafor edits world coverage and writes about diplomacy.",
                    null,
                    false),
            new AuthorFields(
                    "priya-raman",
                    "Priya Raman",
                    "Health reporter",
                    "Priya Raman reports on hospitals, public health and health costs.",
                    null,
                    false),
            new AuthorFields(
                    "jonah-mercer",
                    "Jonah Mercer",
                    "Contributor",
                    "Jonah Mercer directs the Coastal Resilience Program at the Harrow Institute.",
                    null,
                    true),
            new AuthorFields(
                    "elena-vasquez-mora",
                    "Elena Vasquez-Mora",
                    "Contributor",
                    "Elena Vasquez-Mora is a water-policy fellow at the Meridian Center for Transboundary Resources.",
                    null,
                    true));

    private final Services live;
    private final Path mediaDir;

    public DemoContent(Services live, Path mediaDir) {
        this.live = live;
        this.mediaDir = mediaDir;
    }

    /** Loads what is missing and returns how many stories were added. */
    public int load() {
        Instant now = live.clock().instant();
        ShiftedClock clock = new ShiftedClock(now);
        Services at = Services.create(live.db(), mediaDir, clock);
        // These services have image workers of their own: their renditions are written before loading returns.
        try (MediaService images = at.mediaService()) {
            return load(at, clock, now);
        }
    }

    private int load(Services at, ShiftedClock clock, Instant now) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (int i = 0; i < TOPICS.size(); i++) {
            TopicSeed seed = TOPICS.get(i);
            int position = i + 1;
            topics.put(
                    seed.slug(),
                    live.topics()
                            .findBySlug(seed.slug())
                            .orElseGet(() -> at.topicService()
                                    .create(Actor.SYSTEM, seed.slug(), seed.name(), seed.description(), position)));
        }
        Map<String, Author> authors = new LinkedHashMap<>();
        for (AuthorFields form : AUTHORS) {
            authors.put(
                    form.slug(),
                    live.authors()
                            .findBySlug(form.slug())
                            .orElseGet(() -> at.authorService().create(Actor.SYSTEM, form)));
        }
        int added = 0;
        Map<String, Story> stories = new LinkedHashMap<>();
        for (String file : read(ROOT + "index.txt")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList()) {
            DemoStory seed = DemoStory.parse(file, read(ROOT + file));
            var existing = live.stories().findBySlug(seed.slug());
            if (existing.isPresent()) {
                stories.put(seed.slug(), existing.get());
                continue;
            }
            stories.put(seed.slug(), publish(at, clock, now, seed, topics, authors));
            added++;
        }
        if (live.dashboards().findBySlug("storm-idris").isEmpty()) {
            clock.set(now.minus(Duration.ofMinutes(15)));
            Media art = at.mediaService()
                    .add(
                            Actor.SYSTEM,
                            DemoImages.jpeg("storm", 1600, 900),
                            "storm-idris.jpg",
                            "Abstract illustration of dark storm clouds and slanted rain in blue and grey",
                            null,
                            null);
            at.dashboardService()
                    .create(
                            Actor.SYSTEM,
                            new DashboardFields(
                                    "storm-idris",
                                    "Storm Idris dashboard",
                                    "The storm, the response and what comes next, in one place.",
                                    topics.get("politics").id(),
                                    new ImageBlock(art.id(), null, Credit.illustration("Maren Holt", "Lede")),
                                    List.of(
                                            item("Politics", stories, "storm-idris-emergency-declaration"),
                                            item("Health", stories, "storm-idris-hospitals-brace"),
                                            item("World", stories, "storm-idris-veloria-ferries"))));
        }
        for (int i = 0; i < SITE_PAGES.size(); i++) {
            PageSeed seed = SITE_PAGES.get(i);
            if (live.sitePages().findBySlug(seed.slug()).isEmpty()) {
                clock.set(now.minus(Duration.ofDays(30)));
                at.sitePageService()
                        .create(
                                Actor.SYSTEM,
                                new SitePageCommand(
                                        new SitePageFields(
                                                seed.slug(),
                                                seed.title(),
                                                AuthoringText.parse(read(PAGES + seed.slug() + ".txt")),
                                                i + 1),
                                        SitePageService.Action.PUBLISH));
            }
        }
        return added;
    }

    private static DashboardItem item(String label, Map<String, Story> stories, String... slugs) {
        List<DashboardEntry> entries = new ArrayList<>();
        for (String slug : slugs) {
            entries.add(DashboardEntry.story(stories.get(slug).id()));
        }
        return new DashboardItem(label, entries);
    }

    private Story publish(
            Services at,
            ShiftedClock clock,
            Instant now,
            DemoStory seed,
            Map<String, Topic> topics,
            Map<String, Author> authors) {
        Instant published = now.minus(seed.publishedAgo());
        clock.set(published.minus(Duration.ofMinutes(30)));
        Media hero = at.mediaService()
                .add(
                        Actor.SYSTEM,
                        DemoImages.jpeg(seed.heroKey(), 1600, 900),
                        seed.heroKey() + ".jpg",
                        seed.heroAlt(),
                        seed.heroCaption(),
                        seed.heroCredit());
        Topic topic = topics.get(seed.topic());
        if (topic == null) {
            throw new IllegalStateException("Demo story " + seed.slug() + " names an unknown topic " + seed.topic());
        }
        List<String> authorIds = seed.authors().stream()
                .map(slug -> {
                    Author author = authors.get(slug);
                    if (author == null) {
                        throw new IllegalStateException(
                                "Demo story " + seed.slug() + " names an unknown author " + slug);
                    }
                    return author.id();
                })
                .toList();
        StoryDraft draft = new StoryDraft(
                seed.headline(),
                seed.dek(),
                seed.slug(),
                topic.id(),
                seed.tags(),
                seed.kind(),
                authorIds,
                seed.contributorNote(),
                new ImageBlock(hero.id(), seed.heroCaption(), seed.heroCredit()),
                AuthoringText.parse(seed.body()));
        Story story = at.storyService().createDraft(Actor.SYSTEM, draft);
        story = at.storyService().schedule(Actor.SYSTEM, story.id(), story.revision(), published);
        clock.set(published);
        story = at.storyService().publishDue().stream()
                .filter(s -> s.slug().equals(seed.slug()))
                .findFirst()
                .orElseThrow();
        if (seed.updatedAgo() != null) {
            clock.set(now.minus(seed.updatedAgo()));
            story = at.storyService()
                    .update(Actor.SYSTEM, story.id(), story.revision(), story.draft(), UpdateKind.SUBSTANTIVE);
        }
        return story;
    }

    static String read(String resource) {
        try (InputStream in = DemoContent.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock the loader sets to the moment each demo action should appear to have happened. */
    private static final class ShiftedClock extends Clock {
        private Instant now;

        ShiftedClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** One story file: {@code key: value} header lines, a blank line, then the body in authoring text. */
    record DemoStory(
            String slug,
            String headline,
            String dek,
            String topic,
            List<String> authors,
            List<String> tags,
            StoryKind kind,
            String heroKey,
            String heroAlt,
            String heroCaption,
            Credit heroCredit,
            Duration publishedAgo,
            Duration updatedAgo,
            String contributorNote,
            String body) {

        static DemoStory parse(String file, String text) {
            String normalized = text.replace("\r\n", "\n");
            int split = normalized.indexOf("\n\n");
            if (split < 0) {
                throw new IllegalStateException("Demo story " + file + " has no blank line after its header");
            }
            Map<String, String> header = new LinkedHashMap<>();
            for (String line : normalized.substring(0, split).split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    header.put(
                            line.substring(0, colon).strip(),
                            line.substring(colon + 1).strip());
                }
            }
            String slug = file.replaceFirst("^\\d+-", "").replaceFirst("\\.md$", "");
            return new DemoStory(
                    slug,
                    header.get("headline"),
                    header.get("dek"),
                    header.get("topic"),
                    list(header.get("authors")),
                    list(header.get("tags")),
                    StoryKind.parse(header.getOrDefault("kind", "news")),
                    header.get("hero"),
                    header.get("hero-alt"),
                    header.get("hero-caption"),
                    Credit.parse(header.get("hero-credit")),
                    ago(header.get("published")),
                    header.containsKey("updated") ? ago(header.get("updated")) : null,
                    header.get("contributor-note"),
                    normalized.substring(split + 2));
        }

        private static List<String> list(String value) {
            return value == null ? List.of() : List.of(value.split("\\s*,\\s*"));
        }

        /** "45m", "5h", "2d". */
        static Duration ago(String value) {
            long n = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalStateException("A demo time reads 45m, 5h or 2d, not " + value);
            };
        }
    }
}
