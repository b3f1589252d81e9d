package org.lede.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.lede.author.AuthorService;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.author.AuthorStore;
import org.lede.authoring.HtmlBlocks;
import org.lede.common.Check;
import org.lede.common.Instants;
import org.lede.common.LedeException;
import org.lede.common.Slugs;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.importing.ImportStore.Imported;
import org.lede.importing.SourceItem.Status;
import org.lede.media.Media;
import org.lede.media.MediaService;
import org.lede.media.MediaStore;
import org.lede.media.MediaType;
import org.lede.page.SitePage;
import org.lede.page.SitePageService;
import org.lede.page.SitePageService.SitePageCommand;
import org.lede.page.SitePageService.SitePageFields;
import org.lede.page.SitePageStore;
import org.lede.story.PublishRules;
import org.lede.story.Story;
import org.lede.story.StoryCommand;
import org.lede.story.StoryCommand.Action;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryService;
import org.lede.story.StoryStatus;
import org.lede.story.StoryStore;
import org.lede.topic.TopicService;
import org.lede.topic.TopicStore;
import org.lede.user.Actor;

/**
 * Brings the items of any export ({@link SourceReader}) into the newsroom through the newsroom's
 * own commands: a story is saved in the state it had at the source by {@link
 * StoryService#importStory}, a page through {@link SitePageService}, authors and topics through
 * their services, images through {@link MediaService} with the upload limits.
 *
 * <p>Each item is one transaction: it is imported whole or not at all, and the image files it
 * added go with it. What each item became is remembered by the source's own id, in a namespace
 * per format, with the source's modification time: a second run leaves unchanged items alone and
 * updates those changed at the source since, through the same commands an editor uses.
 */
public final class Importer {
    private static final String UPLOADS = "/wp-content/uploads/";
    private static final String GHOST_IMAGES = "/content/images/";
    private static final Pattern RESIZED = Pattern.compile("^(.*)-\\d+x\\d+(\\.[A-Za-z0-9]+)$");
    /** How many authors, topics and images a run keeps in memory; a miss costs one query. */
    private static final int CACHE = 10_000;
    /** The most items one transaction writes, and the longest it stays open. */
    private static final int BATCH = 500;

    private static final long BATCH_NANOS = 500_000_000L;

    private static final String DRY_TOPIC = "dry-run-topic";
    private static final String DRY_AUTHOR = "dry-run-author";

    public enum OnError {
        SKIP,
        STOP
    }

    public enum Outcome {
        CREATED,
        UPDATED,
        SKIPPED,
        FAILED
    }

    /**
     * @param format   the export's format ({@code wxr}, {@code rss}, {@code ghost}): the namespace in
     *                 which source ids are matched, so two formats' ids never meet
     * @param mediaDir the export's uploads folder (holding {@code 2024/05/photo.jpg}), or null
     * @param dryRun   read and convert everything and check the publishing rules, write nothing
     */
    public record Options(String format, Path mediaDir, boolean dryRun, OnError onError) {
        public Options {
            Check.required("format", format);
            Objects.requireNonNull(onError, "onError");
        }
    }

    /**
     * What became of one item, with every simplification made on the way.
     *
     * @param type    whether it became a story or a site page
     * @param storyId the id of the story or site page it became; null when none
     */
    public record ItemReport(
            String sourceId, String title, SourceItem.Type type, Outcome outcome, String storyId, List<String> notes) {
        public ItemReport {
            notes = List.copyOf(notes);
        }

        /**
         * The report file's lines for this item, as {@code lede import --report} and the newsroom's
         * import page write them: outcome, source id, title and story or page id, tab-separated, then
         * each note indented by a tab.
         */
        public void writeTo(BufferedWriter out) {
            try {
                out.write(outcome.name().toLowerCase(Locale.ROOT) + "\t" + sourceId + "\t"
                        + title.replace('\t', ' ').replace('\n', ' ') + "\t"
                        + (storyId == null ? "-" : storyId));
                out.newLine();
                for (String note : notes) {
                    out.write("\t" + note.replace('\n', ' '));
                    out.newLine();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * @param notes what the reader left out that is no item (menus, settings ...), one line a kind
     */
    public record Summary(int created, int updated, int skipped, int failed, int comments, List<String> notes) {
        public Summary {
            notes = List.copyOf(notes);
        }

        public String line() {
            return created + " created, " + updated + " updated, " + skipped + " skipped, " + failed + " failed"
                    + (comments == 0 ? "" : "; " + comments + " comments ignored")
                    + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        }
    }

    /** Hears of each item as it is done; {@code position} counts what of the file has been read. */
    public interface Listener {
        void item(ItemReport report);

        default void progress(long position) {}
    }

    private final Transactions tx;
    private final ImportStore imports;
    private final StoryService stories;
    private final StoryStore storyStore;
    private final AuthorService authors;
    private final AuthorStore authorStore;
    private final TopicService topics;
    private final TopicStore topicStore;
    private final MediaService media;
    private final MediaStore mediaStore;
    private final PublishRules rules;
    private final SitePageService pages;
    private final SitePageStore pageStore;
    private final RemoteImages remote;
    private final Clock clock;
    private final Actor actor = Actor.SYSTEM;

    /** @param remote fetches images at http(s) addresses; null to report them as not downloaded */
    public Importer(
            Transactions tx,
            ImportStore imports,
            StoryService stories,
            StoryStore storyStore,
            AuthorService authors,
            AuthorStore authorStore,
            TopicService topics,
            TopicStore topicStore,
            MediaService media,
            MediaStore mediaStore,
            PublishRules rules,
            SitePageService pages,
            SitePageStore pageStore,
            RemoteImages remote,
            Clock clock) {
        this.tx = tx;
        this.imports = imports;
        this.stories = stories;
        this.storyStore = storyStore;
        this.authors = authors;
        this.authorStore = authorStore;
        this.topics = topics;
        this.topicStore = topicStore;
        this.media = media;
        this.mediaStore = mediaStore;
        this.rules = rules;
        this.pages = pages;
        this.pageStore = pageStore;
        this.remote = remote;
        this.clock = clock;
    }

    /**
     * Imports every item the reader gives, in order; the caller owns and closes the reader.
     *
     * <p>Items are written a batch at a time, each in a savepoint of the batch's transaction, so
     * one item is still written whole or not at all while the run pays for a commit per batch
     * rather than per item; a batch is short ({@link #BATCH} items, {@link #BATCH_NANOS}), so
     * a server sharing the database waits little for it. Reports are handed on once their batch
     * has committed.
     *
     * @throws ImportFormatException when the file cannot be read (with line and column), or when
     *     an item fails and {@code onError} is {@link OnError#STOP}; what came before is kept
     */
    public Summary run(SourceReader reader, Options options, Listener listener) {
        Run run = new Run(options, listener);
        boolean more = true;
        while (more) {
            Batch batch = new Batch();
            try {
                more = options.dryRun() ? run.batch(reader, batch) : tx.inTransaction(() -> run.batch(reader, batch));
            } catch (RuntimeException e) {
                batch.added.forEach(media::discardUnsaved);
                throw e;
            }
            run.committed(batch);
            if (batch.stop != null) {
                throw batch.stop;
            }
        }
        return new Summary(run.created, run.updated, run.skipped, run.failed, run.comments, reader.notes());
    }

    /** A map that forgets its eldest entry past {@link #CACHE}, so a run's memory stays bounded. */
    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHE;
            }
        };
    }

    /** What one transaction did, kept until it commits. */
    private static final class Batch {
        final Map<String, String> authors = new HashMap<>();
        final Map<String, String> topics = new HashMap<>();
        final Map<String, String> media = new HashMap<>();
        final List<Media> added = new ArrayList<>();
        final List<ItemReport> reports = new ArrayList<>();
        int created;
        int updated;
        int skipped;
        int failed;
        int comments;
        long position;
        /** Why the run stops after this batch, or null. */
        RuntimeException stop;
    }

    /** One run: its counts and caches. Nothing of an item is kept once it is done. */
    private final class Run {
        final Options options;
        final Listener listener;
        final String storyKind;
        final String pageKind;
        final String authorKind;
        final String topicKind;
        final String mediaKind;
        /** Ids of what committed transactions made or found, by the source's key. */
        final Map<String, String> authorIds = bounded();

        final Map<String, String> topicIds = bounded();
        final Map<String, String> mediaIds = bounded();
        int created;
        int updated;
        int skipped;
        int failed;
        int comments;

        Run(Options options, Listener listener) {
            this.options = options;
            this.listener = listener;
            this.storyKind = options.format() + "-post";
            this.pageKind = options.format() + "-page";
            this.authorKind = options.format() + "-author";
            this.topicKind = options.format() + "-category";
            this.mediaKind = options.format() + "-media";
        }

        /** Imports items into the batch until it is full; false once the reader is done or the run stops. */
        boolean batch(SourceReader reader, Batch batch) {
            long start = System.nanoTime();
            for (int n = 0; n < BATCH && System.nanoTime() - start < BATCH_NANOS; n++) {
                SourceItem item;
                try {
                    item = reader.next();
                } catch (RuntimeException e) {
                    // The items read before are kept: the batch commits, then the run stops.
                    batch.stop = e;
                    return false;
                }
                if (item == null) {
                    return false;
                }
                item(item, batch);
                batch.position = reader.position();
                if (batch.stop != null) {
                    return false;
                }
            }
            return true;
        }

        void committed(Batch batch) {
            authorIds.putAll(batch.authors);
            topicIds.putAll(batch.topics);
            mediaIds.putAll(batch.media);
            created += batch.created;
            updated += batch.updated;
            skipped += batch.skipped;
            failed += batch.failed;
            comments += batch.comments;
            batch.reports.forEach(listener::item);
            listener.progress(batch.position);
        }

        void item(SourceItem item, Batch batch) {
            batch.comments += item.comments();
            String title = item.title() == null ? "" : item.title();
            boolean page = item.type() == SourceItem.Type.PAGE;
            Imported known = imports.imported(page ? pageKind : storyKind, item.sourceId())
                    .orElse(null);
            if (known != null && !changedSince(item, known)) {
                batch.skipped++;
                batch.reports.add(new ItemReport(
                        item.sourceId(),
                        title,
                        item.type(),
                        Outcome.SKIPPED,
                        known.targetId(),
                        List.of("Imported before; unchanged.")));
                return;
            }
            Item work = new Item(item, batch);
            try {
                String id;
                if (options.dryRun()) {
                    id = known == null ? null : known.targetId();
                    if (page) {
                        work.pageFields(known == null ? null : known.targetId());
                    } else {
                        work.status(work.draft());
                    }
                } else {
                    id = tx.inSavepoint(() -> page ? work.page(known) : work.story(known));
                    batch.authors.putAll(work.newAuthors);
                    batch.topics.putAll(work.newTopics);
                    batch.media.putAll(work.newMedia);
                    batch.added.addAll(work.added);
                }
                if (known == null) {
                    batch.created++;
                } else {
                    batch.updated++;
                }
                batch.reports.add(new ItemReport(
                        item.sourceId(),
                        title,
                        item.type(),
                        known == null ? Outcome.CREATED : Outcome.UPDATED,
                        id,
                        work.notes));
            } catch (LedeException | UncheckedIOException e) {
                work.added.forEach(media::discardUnsaved);
                batch.failed++;
                List<String> why = new ArrayList<>(work.notes);
                why.add("Not imported: " + e.getMessage());
                batch.reports.add(new ItemReport(item.sourceId(), title, item.type(), Outcome.FAILED, null, why));
                if (options.onError() == OnError.STOP) {
                    batch.stop = new ImportFormatException(
                            "Stopped at the item" + (item.line() > 0 ? " on line " + item.line() : "") + " (\"" + title
                                    + "\"): " + e.getMessage());
                }
            }
        }

        /** What becomes of one item; made again for each, so nothing of it outlives it. */
        private final class Item {
            final SourceItem item;
            final List<String> notes;
            final Map<String, String> newAuthors = new HashMap<>();
            final Map<String, String> newTopics = new HashMap<>();
            final Map<String, String> newMedia = new HashMap<>();
            /** Files added in this item's transaction, whose bytes must go if it rolls back. */
            final List<Media> added = new ArrayList<>();
            /** What a dry run would have added, so the publishing rules can be checked against it. */
            final Map<String, Media> imagined = new HashMap<>();

            final Batch batch;

            Item(SourceItem item, Batch batch) {
                this.item = item;
                this.batch = batch;
                this.notes = new ArrayList<>(item.notes());
            }

            String story(Imported known) {
                StoryDraft draft = draft();
                Placed placed = status(draft);
                String id;
                if (known == null) {
                    Story story = stories.importStory(actor, draft, placed.status(), placed.at());
                    if (draft.slug() != null && !draft.slug().equals(story.slug())) {
                        notes.add("The slug \"" + draft.slug() + "\" is taken here: the story is at \"" + story.slug()
                                + "\".");
                    }
                    id = story.id();
                } else {
                    id = update(known.targetId(), draft, placed);
                }
                imports.remember(storyKind, item.sourceId(), id, item.modified(), now());
                redirects(id);
                return id;
            }

            /** Brings a story imported before up to date with its source, as an editor would. */
            private String update(String id, StoryDraft draft, Placed placed) {
                Story current = storyStore
                        .find(id)
                        .orElseThrow(() -> new ValidationException(
                                "story", "It was imported before and has been deleted here since."));
                StoryDraft next = draft.withSlug(current.slug());
                StoryCommand command;
                if (current.status() == StoryStatus.PUBLISHED) {
                    notes.add("Changed at the source since the last import: saved here as a minor update.");
                    command = StoryCommand.of(Action.UPDATE_MINOR, next);
                } else if (current.status() == StoryStatus.UNPUBLISHED || current.status() == StoryStatus.ARCHIVED) {
                    notes.add("Changed at the source since the last import; it was taken off the site here, so"
                            + " its text is saved and it stays off.");
                    command = StoryCommand.of(Action.SAVE, next);
                } else if (placed.status() == StoryStatus.PUBLISHED) {
                    command = new StoryCommand(Action.PUBLISH, next, placed.at(), null);
                } else if (placed.status() == StoryStatus.SCHEDULED) {
                    command = new StoryCommand(Action.SCHEDULE, next, placed.at(), null);
                } else {
                    command = StoryCommand.of(Action.SAVE, next);
                }
                return stories.apply(actor, id, current.revision(), command).id();
            }

            String page(Imported known) {
                SitePageFields fields = pageFields(known == null ? null : known.targetId());
                boolean publish = item.status() == Status.PUBLISHED;
                SitePage page;
                if (known == null) {
                    page = pages.create(
                            actor,
                            new SitePageCommand(
                                    fields, publish ? SitePageService.Action.PUBLISH : SitePageService.Action.SAVE));
                } else {
                    SitePage current = pageStore
                            .find(known.targetId())
                            .orElseThrow(() -> new ValidationException(
                                    "page", "It was imported before and has been deleted here since."));
                    page = pages.apply(
                            actor,
                            current.id(),
                            current.revision(),
                            new SitePageCommand(
                                    fields,
                                    publish && !current.published()
                                            ? SitePageService.Action.PUBLISH
                                            : SitePageService.Action.SAVE));
                }
                imports.remember(pageKind, item.sourceId(), page.id(), item.modified(), now());
                redirects(page.id());
                return page.id();
            }

            /** A page's fields; for a page imported before, its slug and place in the footer stay. */
            SitePageFields pageFields(String id) {
                String title = headline(SitePage.TITLE_MAX);
                HtmlBlocks.Result body = HtmlBlocks.convert(item.html(), this::bodyImage);
                notes.addAll(body.report());
                if (item.featured() != null) {
                    notes.add("The page's featured image " + item.featured().url() + " is left out: pages have none.");
                }
                switch (item.status()) {
                    case PUBLISHED, DRAFT -> {}
                    default ->
                        notes.add("The page was " + item.status().name().toLowerCase(java.util.Locale.ROOT)
                                + " at the source: it is kept as a draft here.");
                }
                SitePage current = id == null ? null : pageStore.find(id).orElse(null);
                if (current != null) {
                    return new SitePageFields(current.slug(), title, body.blocks(), current.position());
                }
                return new SitePageFields(
                        pageSlug(title), title, body.blocks(), pageStore.all().size() + 1);
            }

            private String pageSlug(String title) {
                String base = item.slug() == null ? "" : Slugs.slugify(decode(item.slug()));
                if (base.isEmpty()) {
                    base = Slugs.slugify(title);
                }
                if (base.isEmpty()) {
                    base = "page";
                }
                String slug = base;
                for (int n = 2;
                        SitePageService.isReserved(slug)
                                || pageStore.findBySlug(slug).isPresent();
                        n++) {
                    slug = base + "-" + n;
                }
                if (!slug.equals(base)) {
                    notes.add("The address /" + base + " is "
                            + (SitePageService.isReserved(base) ? "the site's own" : "another page's")
                            + ": the page is at /" + slug + ".");
                }
                return slug;
            }

            private void redirects(String id) {
                List<String> paths = new ArrayList<>();
                List<String> addresses = new ArrayList<>();
                addresses.add(item.link());
                addresses.addAll(item.aliases());
                for (String address : addresses) {
                    String path = oldAddress(address);
                    if (path != null && !paths.contains(path)) {
                        paths.add(path);
                    }
                }
                imports.redirect(paths, id, now());
            }

            StoryDraft draft() {
                String headline = headline(StoryDraft.HEADLINE_MAX);
                String dek = text(item.excerpt());
                if (dek != null && dek.isEmpty()) {
                    dek = null;
                }
                if (dek != null && dek.length() > StoryDraft.DEK_MAX) {
                    dek = dek.substring(0, StoryDraft.DEK_MAX - 1).strip() + "…";
                    notes.add("The excerpt was cut to " + StoryDraft.DEK_MAX + " characters to be the dek.");
                }
                String topicId = null;
                List<String> tags = new ArrayList<>();
                for (String category : item.categories()) {
                    if (topicId == null && !category.isBlank()) {
                        topicId = topic(category);
                    } else {
                        tags.add(category);
                    }
                }
                tags.addAll(item.tags());
                List<String> authorList = new ArrayList<>();
                for (SourceItem.Person person : item.authors()) {
                    if (!person.key().isBlank()) {
                        authorList.add(author(person));
                    }
                }
                HtmlBlocks.Result body = HtmlBlocks.convert(item.html(), this::bodyImage);
                notes.addAll(body.report());
                return new StoryDraft(
                        headline, dek, slug(), topicId, tags, StoryKind.NEWS, authorList, null, hero(), body.blocks());
            }

            /** The state the story takes here, and when it goes live; the publishing rules decide. */
            Placed status(StoryDraft draft) {
                Status source = item.status();
                Instant at = item.published();
                if (source == Status.PUBLISHED && at != null && at.isAfter(now())) {
                    notes.add("Published at the source with a time still to come: scheduled here.");
                    source = Status.SCHEDULED;
                }
                switch (source) {
                    case PUBLISHED, SCHEDULED -> {
                        Function<String, Optional<Media>> library =
                                options.dryRun() ? id -> Optional.ofNullable(imagined.get(id)) : mediaStore::find;
                        List<ValidationException> problems = rules.archiveProblems(draft, library);
                        if (!problems.isEmpty()) {
                            notes.add((source == Status.PUBLISHED ? "Published" : "Scheduled")
                                    + " at the source, kept as a draft here: "
                                    + problems.getFirst().getMessage());
                            return new Placed(StoryStatus.DRAFT, null);
                        }
                        for (ValidationException wanted : rules.problems(draft, library)) {
                            notes.add("Goes live as at the source; the next update asks for this: "
                                    + wanted.getMessage());
                        }
                        return source == Status.PUBLISHED
                                ? new Placed(StoryStatus.PUBLISHED, at)
                                : new Placed(StoryStatus.SCHEDULED, at == null ? now() : at);
                    }
                    case SUBMITTED -> {
                        return new Placed(StoryStatus.IN_REVIEW, null);
                    }
                    case PRIVATE -> {
                        notes.add("Private at the source: imported as a draft, which readers cannot see.");
                        return new Placed(StoryStatus.DRAFT, null);
                    }
                    default -> {
                        return new Placed(StoryStatus.DRAFT, null);
                    }
                }
            }

            private String headline(int max) {
                String headline = text(item.title());
                if (headline == null || headline.isEmpty()) {
                    headline = "Untitled (" + item.sourceId() + ")";
                    if (headline.length() > max) {
                        headline = headline.substring(0, max - 1).strip() + "…";
                    }
                    notes.add("The item had no title: it is called \"" + headline + "\".");
                } else if (headline.length() > max) {
                    headline = headline.substring(0, max - 1).strip() + "…";
                    notes.add("The title was cut to " + max + " characters.");
                }
                return headline;
            }

            private String slug() {
                if (item.slug() == null || item.slug().isBlank()) {
                    return null;
                }
                String slug = Slugs.slugify(decode(item.slug()));
                return slug.isEmpty() ? null : slug;
            }

            private ImageBlock hero() {
                SourceItem.Image featured = item.featured();
                if (featured == null) {
                    return null;
                }
                // The caption is read as a figure's, so a trailing "Photo: ..." becomes the credit.
                List<HtmlBlocks.ImageRef> figure = HtmlBlocks.convert("<figure><img src=\"featured\"><figcaption>"
                                + (featured.caption() == null ? "" : featured.caption())
                                + "</figcaption></figure>")
                        .images();
                String caption = figure.isEmpty() ? null : figure.getFirst().caption();
                Credit credit = figure.isEmpty() ? null : figure.getFirst().credit();
                String mediaId = image(featured.url(), featured.alt());
                if (mediaId != null) {
                    return new ImageBlock(mediaId, caption, credit);
                }
                if (caption == null && credit == null) {
                    return null;
                }
                if (item.status() == Status.PUBLISHED) {
                    notes.add("The featured image's file is missing, so the story goes live without it; its"
                            + " caption was \"" + Objects.toString(caption, "") + "\" and its credit \""
                            + (credit == null ? "" : credit.text()) + "\".");
                    return null;
                }
                notes.add("The featured image's file is missing: the hero keeps its caption and credit and waits"
                        + " for an image.");
                return ImageBlock.awaitingImage(caption, credit);
            }

            private String bodyImage(HtmlBlocks.ImageRef ref) {
                return image(ref.src(), ref.alt());
            }

            /** The media id for an image the item names, added on first sight; null when it cannot be had. */
            private String image(String url, String alt) {
                String relative = uploadsPath(url);
                boolean fromUploads = relative != null && options.mediaDir() != null;
                String key = fromUploads ? relative : url.strip();
                String known = known(key);
                if (known != null) {
                    return known;
                }
                if (fromUploads) {
                    Path file = find(relative);
                    if (file == null) {
                        notes.add("Image " + relative + " is not in " + options.mediaDir() + ".");
                        return null;
                    }
                    if (options.dryRun()) {
                        return imagine(key, alt, file.getFileName().toString());
                    }
                    try {
                        MediaService.checkSize(Files.size(file));
                        return add(
                                key,
                                Files.readAllBytes(file),
                                file.getFileName().toString(),
                                alt);
                    } catch (IOException e) {
                        notes.add("Image " + relative + " could not be read: " + e.getMessage());
                        return null;
                    } catch (ValidationException e) {
                        notes.add("Image " + relative + " was not imported: " + e.getMessage());
                        return null;
                    }
                }
                if (remote == null || !isHttp(url)) {
                    notes.add("Image " + url + " was not imported: "
                            + (relative != null
                                    ? "no --media-dir was given."
                                    : "it is not in the uploads folder, and this import does not download"
                                            + " images."));
                    return null;
                }
                if (options.dryRun()) {
                    notes.add("Image " + url + " is downloaded in a real run.");
                    return imagine(key, alt, url);
                }
                RemoteImages.Fetched fetched = remote.fetch(url, notes).orElse(null);
                if (fetched == null) {
                    return null;
                }
                try {
                    return add(key, fetched.bytes(), fetched.name(), alt);
                } catch (ValidationException e) {
                    notes.add("Image " + url + " was not imported: " + e.getMessage());
                    return null;
                }
            }

            private String known(String key) {
                String id = mediaIds.get(key);
                if (id == null) {
                    id = batch.media.get(key);
                }
                if (id == null) {
                    id = newMedia.get(key);
                }
                if (id == null && !options.dryRun()) {
                    id = imports.target(mediaKind, key).orElse(null);
                    if (id != null) {
                        mediaIds.put(key, id);
                    }
                }
                return id;
            }

            private String add(String key, byte[] bytes, String name, String alt) {
                Media file = media.add(actor, bytes, name, alt, null, null);
                added.add(file);
                imports.remember(mediaKind, key, file.id(), now());
                newMedia.put(key, file.id());
                return file.id();
            }

            /** A stand-in for a file a dry run would add, with the alt text it would have. */
            private String imagine(String key, String alt, String name) {
                // An id of the first millisecond of 1970, which no real item has.
                String id = "%026d".formatted(imagined.size() + 1);
                imagined.put(
                        id,
                        new Media(
                                id,
                                id,
                                MediaType.JPEG,
                                0,
                                1,
                                1,
                                alt == null || alt.isBlank() ? null : alt,
                                null,
                                null,
                                name,
                                now()));
                newMedia.put(key, id);
                return id;
            }

            /** The file, or the original that WordPress resized ({@code photo-300x200.jpg} is {@code photo.jpg}). */
            private Path find(String relative) {
                Path root = options.mediaDir().toAbsolutePath().normalize();
                for (String candidate :
                        new String[] {relative, RESIZED.matcher(relative).replaceFirst("$1$2")}) {
                    Path file = root.resolve(candidate).normalize();
                    if (file.startsWith(root) && Files.isRegularFile(file)) {
                        return file;
                    }
                }
                return null;
            }

            private String author(SourceItem.Person person) {
                if (options.dryRun()) {
                    return DRY_AUTHOR;
                }
                String id = authorIds.get(person.key());
                if (id == null) {
                    id = batch.authors.get(person.key());
                }
                if (id == null) {
                    id = newAuthors.get(person.key());
                }
                if (id != null) {
                    return id;
                }
                id = imports.target(authorKind, person.key()).orElse(null);
                if (id != null) {
                    authorIds.put(person.key(), id);
                    return id;
                }
                String slug = Slugs.slugify(
                        decode(person.slug() != null && !person.slug().isBlank() ? person.slug() : person.key()));
                String name = person.name() != null && !person.name().isBlank() ? person.name() : person.key();
                String bio = text(person.bio());
                String made = authorStore
                        .findBySlug(slug)
                        .map(org.lede.author.Author::id)
                        .orElseGet(() -> authors.create(
                                        actor,
                                        new AuthorFields(
                                                slug,
                                                name,
                                                null,
                                                bio == null || bio.isEmpty() ? null : bio,
                                                null,
                                                false))
                                .id());
                imports.remember(authorKind, person.key(), made, now());
                newAuthors.put(person.key(), made);
                return made;
            }

            private String topic(String name) {
                if (options.dryRun()) {
                    return DRY_TOPIC;
                }
                String key = name.strip();
                String id = topicIds.get(key);
                if (id == null) {
                    id = batch.topics.get(key);
                }
                if (id == null) {
                    id = newTopics.get(key);
                }
                if (id != null) {
                    return id;
                }
                id = imports.target(topicKind, key).orElse(null);
                if (id != null) {
                    topicIds.put(key, id);
                    return id;
                }
                String slug = Slugs.slugify(text(key));
                String made = topicStore
                        .findBySlug(slug)
                        .map(org.lede.topic.Topic::id)
                        .orElseGet(() -> topics.create(
                                        actor,
                                        slug,
                                        text(key),
                                        null,
                                        topicStore.all().size() + 1)
                                .id());
                imports.remember(topicKind, key, made, now());
                newTopics.put(key, made);
                return made;
            }
        }
    }

    /** The state a story takes here and when it goes live; null for a draft. */
    private record Placed(StoryStatus status, Instant at) {}

    /** Whether the source changed the item since it was last imported; unknown times count as unchanged. */
    private static boolean changedSince(SourceItem item, Imported known) {
        return item.modified() != null
                && known.modified() != null
                && item.modified().isAfter(known.modified());
    }

    /** Text of a bit of HTML, entities decoded; the parser runs only when there is markup to read. */
    private static String text(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip();
        }
        return Jsoup.parse(html).text().strip();
    }

    /** Sources keep non-ASCII slugs percent-encoded; a stray "%" is read as itself. */
    private static String decode(String slug) {
        try {
            return URLDecoder.decode(slug, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    private static boolean isHttp(String url) {
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /**
     * The address as old links name it: the path with its query (WordPress's {@code /?p=42}), as
     * sent; null when it names no more than the site's home.
     */
    static String oldAddress(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(link.strip());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
                return path + "?" + uri.getRawQuery();
            }
            return path.equals("/") ? null : path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The path after WordPress's {@code /wp-content/uploads/} or Ghost's {@code /content/images/},
     * decoded; null for an address elsewhere.
     */
    static String uploadsPath(String url) {
        if (url == null) {
            return null;
        }
        String path;
        try {
            path = URI.create(url.strip()).getPath();
        } catch (IllegalArgumentException e) {
            path = url;
        }
        if (path == null) {
            return null;
        }
        int at = path.indexOf(UPLOADS);
        String relative;
        if (at >= 0) {
            relative = path.substring(at + UPLOADS.length());
        } else {
            at = path.indexOf(GHOST_IMAGES);
            if (at < 0) {
                return null;
            }
            relative = path.substring(at + GHOST_IMAGES.length());
            // Ghost serves resized copies as size/w600/[format/webp/]2024/05/x.jpg: the original is 2024/05/x.jpg.
            String[] segments = relative.split("/", -1);
            int from = 0;
            while (from + 2 < segments.length && (segments[from].equals("size") || segments[from].equals("format"))) {
                from += 2;
            }
            relative = String.join("/", java.util.Arrays.copyOfRange(segments, from, segments.length));
        }
        return relative.isEmpty() || relative.contains("..") ? null : relative;
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
