package org.lede.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.lede.author.AuthorService;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.author.AuthorStore;
import org.lede.authoring.HtmlBlocks;
import org.lede.common.Instants;
import org.lede.common.LedeException;
import org.lede.common.Slugs;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.media.Media;
import org.lede.media.MediaService;
import org.lede.story.Story;
import org.lede.story.StoryCommand;
import org.lede.story.StoryCommand.Action;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryService;
import org.lede.story.StoryStore;
import org.lede.topic.TopicService;
import org.lede.topic.TopicStore;
import org.lede.user.Actor;

/**
 * Brings a WordPress export into the newsroom through the newsroom's own commands: each post
 * becomes a story made by {@link StoryService#createDraft} and then published, scheduled or
 * submitted with {@link StoryService#apply}, its authors and first category through the author
 * and topic services, its images through {@link MediaService} with the upload limits.
 *
 * <p>The file is read twice, streaming both times: first for the site's authors, categories and
 * attachments (a post's featured image usually comes after the post), then for the posts. Each
 * post is one transaction: it is imported whole or not at all. What each post became is
 * remembered by its GUID, so running the same export again finds it and changes nothing.
 */
public final class WxrImporter {
    static final String POST = "wxr-post";
    static final String AUTHOR = "wxr-author";
    static final String TOPIC = "wxr-category";
    static final String MEDIA = "wxr-media";
    private static final String UPLOADS = "/wp-content/uploads/";
    private static final Pattern RESIZED = Pattern.compile("^(.*)-\\d+x\\d+(\\.[A-Za-z0-9]+)$");
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
     * @param mediaDir the export's uploads folder (holding {@code 2024/05/photo.jpg}), or null
     * @param dryRun   read and convert everything, write nothing
     */
    public record Options(Path mediaDir, boolean dryRun, OnError onError) {
        public Options {
            Objects.requireNonNull(onError, "onError");
        }
    }

    /** What became of one item, with every simplification made on the way. */
    public record ItemReport(String sourceId, String title, Outcome outcome, String storyId, List<String> notes) {
        public ItemReport {
            notes = List.copyOf(notes);
        }
    }

    public record Summary(int created, int updated, int skipped, int failed, int comments) {
        public String line() {
            return created + " created, " + updated + " updated, " + skipped + " skipped, " + failed + " failed"
                    + (comments == 0 ? "" : "; " + comments + " comments ignored");
        }
    }

    /** Hears of each item as it is done; {@code position} counts what of the file has been read. */
    public interface Listener {
        void item(ItemReport report);

        default void progress(long position) {}
    }

    /** A file the export names: its address, alt text and caption. */
    private record Attachment(String url, String alt, String caption) {}

    private final Transactions tx;
    private final ImportStore imports;
    private final StoryService stories;
    private final StoryStore storyStore;
    private final AuthorService authors;
    private final AuthorStore authorStore;
    private final TopicService topics;
    private final TopicStore topicStore;
    private final MediaService media;
    private final Clock clock;
    private final Actor actor = Actor.SYSTEM;

    public WxrImporter(
            Transactions tx,
            ImportStore imports,
            StoryService stories,
            StoryStore storyStore,
            AuthorService authors,
            AuthorStore authorStore,
            TopicService topics,
            TopicStore topicStore,
            MediaService media,
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
        this.clock = clock;
    }

    /**
     * @param open opens the file from its start; called once per pass
     * @throws ImportFormatException when the file cannot be read as WXR (with line and column), or
     *     when an item fails and {@code onError} is {@link OnError#STOP}
     */
    public Summary run(Supplier<InputStream> open, String source, Options options, Listener listener) {
        Map<String, WxrReader.Author> people = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        Map<String, Attachment> attachments = new HashMap<>();
        try (InputStream in = open.get();
                WxrReader reader = new WxrReader(in, source)) {
            for (WxrReader.Entry entry = reader.next(); entry != null; entry = reader.next()) {
                switch (entry) {
                    case WxrReader.Author a when a.login() != null -> people.put(a.login(), a);
                    case WxrReader.Category c when c.nicename() != null -> categories.put(c.nicename(), c.name());
                    case WxrReader.Item i
                    when "attachment".equals(i.postType()) && i.attachmentUrl() != null ->
                        attachments.put(
                                i.postId(),
                                new Attachment(
                                        i.attachmentUrl(), i.meta().get("_wp_attachment_image_alt"), i.excerpt()));
                    default -> {}
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Pass pass = new Pass(options, people, attachments, listener);
        try (CountingInputStream in = new CountingInputStream(open.get());
                WxrReader reader = new WxrReader(in, source)) {
            for (WxrReader.Entry entry = reader.next(); entry != null; entry = reader.next()) {
                if (entry instanceof WxrReader.Item item) {
                    pass.item(item);
                    listener.progress(in.count());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(pass.created, 0, pass.skipped, pass.failed, pass.comments);
    }

    /** The second pass: one post at a time, each in its own transaction. */
    private final class Pass {
        final Options options;
        final Map<String, WxrReader.Author> people;
        final Map<String, Attachment> attachments;
        final Listener listener;
        int created;
        int skipped;
        int failed;
        int comments;

        Pass(
                Options options,
                Map<String, WxrReader.Author> people,
                Map<String, Attachment> attachments,
                Listener listener) {
            this.options = options;
            this.people = people;
            this.attachments = attachments;
            this.listener = listener;
        }

        void item(WxrReader.Item item) {
            comments += item.comments();
            String sourceId = item.guid() != null ? item.guid() : "post-" + item.postId();
            String title = item.title() == null ? "" : item.title();
            if (!"post".equals(item.postType())) {
                if (!"attachment".equals(item.postType())) {
                    skipped++;
                    listener.item(new ItemReport(
                            sourceId,
                            title,
                            Outcome.SKIPPED,
                            null,
                            List.of("A WordPress " + item.postType() + " is not a post: only posts are imported.")));
                }
                return;
            }
            String known = imports.target(POST, sourceId).orElse(null);
            if (known != null) {
                skipped++;
                listener.item(new ItemReport(
                        sourceId, title, Outcome.SKIPPED, known, List.of("Imported before; left as it is.")));
                return;
            }
            List<String> notes = new ArrayList<>();
            try {
                String storyId = options.dryRun() ? null : tx.inTransaction(() -> post(item, sourceId, notes));
                if (options.dryRun()) {
                    draft(item, notes, true);
                }
                created++;
                listener.item(new ItemReport(sourceId, title, Outcome.CREATED, storyId, notes));
            } catch (LedeException | UncheckedIOException e) {
                failed++;
                List<String> why = new ArrayList<>(notes);
                why.add("Not imported: " + e.getMessage());
                listener.item(new ItemReport(sourceId, title, Outcome.FAILED, null, why));
                if (options.onError() == OnError.STOP) {
                    throw new ImportFormatException(
                            "Stopped at the item on line " + item.line() + " (\"" + title + "\"): " + e.getMessage());
                }
            }
        }

        private String post(WxrReader.Item item, String sourceId, List<String> notes) {
            StoryDraft draft = draft(item, notes, false);
            Story story = stories.createDraft(actor, draft);
            String status = item.status() == null ? "draft" : item.status();
            switch (status) {
                case "publish" -> {
                    Instant at = time(item, notes);
                    try {
                        story = stories.apply(
                                actor, story.id(), story.revision(), new StoryCommand(Action.PUBLISH, null, at, null));
                    } catch (ValidationException e) {
                        notes.add("Published on WordPress, kept as a draft here: " + e.getMessage());
                    }
                }
                case "future" -> {
                    Instant at = time(item, notes);
                    try {
                        story = stories.apply(
                                actor,
                                story.id(),
                                story.revision(),
                                new StoryCommand(Action.SCHEDULE, null, at == null ? now() : at, null));
                    } catch (ValidationException e) {
                        notes.add("Scheduled on WordPress, kept as a draft here: " + e.getMessage());
                    }
                }
                case "pending" ->
                    story = stories.apply(actor, story.id(), story.revision(), StoryCommand.of(Action.SUBMIT, null));
                case "private" -> notes.add("Private on WordPress: imported as a draft, which readers cannot see.");
                case "draft" -> {}
                default -> notes.add("WordPress status \"" + status + "\": imported as a draft.");
            }
            imports.remember(POST, sourceId, story.id(), now());
            String path = oldPath(item.link());
            if (path != null) {
                imports.redirect(path, story.id(), now());
            }
            return story.id();
        }

        private StoryDraft draft(WxrReader.Item item, List<String> notes, boolean dryRun) {
            String headline =
                    Jsoup.parse(item.title() == null ? "" : item.title()).text().strip();
            if (headline.isEmpty()) {
                headline = "Untitled (WordPress post " + item.postId() + ")";
                notes.add("The post had no title: it is called \"" + headline + "\".");
            } else if (headline.length() > StoryDraft.HEADLINE_MAX) {
                headline = headline.substring(0, StoryDraft.HEADLINE_MAX - 1).strip() + "…";
                notes.add("The title was cut to " + StoryDraft.HEADLINE_MAX + " characters.");
            }
            String dek = item.excerpt() == null
                    ? null
                    : Jsoup.parse(item.excerpt()).text().strip();
            if (dek != null && dek.length() > StoryDraft.DEK_MAX) {
                dek = dek.substring(0, StoryDraft.DEK_MAX - 1).strip() + "…";
                notes.add("The excerpt was cut to " + StoryDraft.DEK_MAX + " characters to be the dek.");
            }
            String topicId = null;
            List<String> tags = new ArrayList<>();
            for (WxrReader.Term term : item.terms()) {
                if ("category".equals(term.domain())) {
                    if (topicId == null && !dryRun) {
                        topicId = topic(term);
                    } else {
                        tags.add(term.name());
                    }
                } else if ("post_tag".equals(term.domain())) {
                    tags.add(term.name());
                }
            }
            List<String> authorIds = new ArrayList<>();
            if (item.creator() != null && !item.creator().isBlank() && !dryRun) {
                authorIds.add(author(item.creator()));
            }
            HtmlBlocks.Result body =
                    HtmlBlocks.convert(item.content(), ref -> dryRun ? null : image(ref.src(), ref.alt(), notes));
            notes.addAll(body.report());
            ImageBlock hero = hero(item, notes, dryRun);
            return new StoryDraft(
                    headline,
                    dek,
                    slug(item, notes),
                    topicId,
                    tags,
                    StoryKind.NEWS,
                    authorIds,
                    null,
                    hero,
                    body.blocks());
        }

        private ImageBlock hero(WxrReader.Item item, List<String> notes, boolean dryRun) {
            String thumbnail = item.meta().get("_thumbnail_id");
            if (thumbnail == null) {
                return null;
            }
            Attachment file = attachments.get(thumbnail);
            if (file == null) {
                notes.add("The featured image (attachment " + thumbnail + ") is not in the export.");
                return null;
            }
            // The caption is read as a figure's, so a trailing "Photo: ..." becomes the credit.
            List<HtmlBlocks.ImageRef> figure = HtmlBlocks.convert("<figure><img src=\"featured\"><figcaption>"
                            + (file.caption() == null ? "" : file.caption()) + "</figcaption></figure>")
                    .images();
            String caption = figure.isEmpty() ? null : figure.getFirst().caption();
            Credit credit = figure.isEmpty() ? null : figure.getFirst().credit();
            String mediaId = dryRun ? null : image(file.url(), file.alt(), notes);
            if (mediaId != null) {
                return new ImageBlock(mediaId, caption, credit);
            }
            if (caption == null && credit == null) {
                return null;
            }
            if ("publish".equals(item.status())) {
                notes.add("The featured image's file is missing, so the story goes live without it; its caption"
                        + " was \"" + Objects.toString(caption, "") + "\" and its credit \""
                        + (credit == null ? "" : credit.text())
                        + "\".");
                return null;
            }
            notes.add("The featured image's file is missing: the hero keeps its caption and credit and waits for an"
                    + " image.");
            return ImageBlock.awaitingImage(caption, credit);
        }

        /** The media id for a file of the export, added on first sight; null when it cannot be had. */
        private String image(String url, String alt, List<String> notes) {
            String relative = uploadsPath(url);
            if (relative == null) {
                notes.add("Image " + url + " is not in the uploads folder; downloading images is not supported yet.");
                return null;
            }
            String known = imports.target(MEDIA, relative).orElse(null);
            if (known != null) {
                return known;
            }
            if (options.mediaDir() == null) {
                notes.add("Image " + relative + " was not imported: no --media-dir was given.");
                return null;
            }
            Path file = find(relative);
            if (file == null) {
                notes.add("Image " + relative + " is not in " + options.mediaDir() + ".");
                return null;
            }
            try {
                long size = Files.size(file);
                MediaService.checkSize(size);
                Media added = media.add(
                        actor, Files.readAllBytes(file), file.getFileName().toString(), alt, null, null);
                imports.remember(MEDIA, relative, added.id(), now());
                return added.id();
            } catch (ValidationException e) {
                notes.add("Image " + relative + " was not imported: " + e.getMessage());
                return null;
            } catch (IOException e) {
                notes.add("Image " + relative + " could not be read: " + e.getMessage());
                return null;
            }
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

        private String author(String login) {
            String known = imports.target(AUTHOR, login).orElse(null);
            if (known != null) {
                return known;
            }
            WxrReader.Author person = people.get(login);
            String slug = Slugs.slugify(login);
            String id = authorStore
                    .findBySlug(slug)
                    .map(org.lede.author.Author::id)
                    .orElseGet(() -> authors.create(
                                    actor,
                                    new AuthorFields(
                                            slug,
                                            person != null
                                                            && person.displayName() != null
                                                            && !person.displayName()
                                                                    .isBlank()
                                                    ? person.displayName()
                                                    : login,
                                            null,
                                            person == null ? null : person.bio(),
                                            null,
                                            false))
                            .id());
            imports.remember(AUTHOR, login, id, now());
            return id;
        }

        private String topic(WxrReader.Term term) {
            String key = term.nicename() != null ? term.nicename() : term.name();
            String known = imports.target(TOPIC, key).orElse(null);
            if (known != null) {
                return known;
            }
            String slug = Slugs.slugify(decode(key));
            String id = topicStore
                    .findBySlug(slug)
                    .map(org.lede.topic.Topic::id)
                    .orElseGet(() -> topics.create(
                                    actor,
                                    slug,
                                    term.name(),
                                    null,
                                    topicStore.all().size() + 1)
                            .id());
            imports.remember(TOPIC, key, id, now());
            return id;
        }

        private String slug(WxrReader.Item item, List<String> notes) {
            if (item.postName() == null || item.postName().isBlank()) {
                return null;
            }
            String slug = Slugs.slugify(decode(item.postName()));
            if (slug.isEmpty()) {
                return null;
            }
            if (storyStore.slugOwner(slug).isPresent()) {
                notes.add("The slug \"" + slug + "\" is taken here: the story gets one of its own.");
                return null;
            }
            return slug;
        }
    }

    /** When WordPress published the post: its GMT time, else the RSS date, else its local time read as UTC. */
    private static Instant time(WxrReader.Item item, List<String> notes) {
        Instant gmt = wpTime(item.postDateGmt());
        if (gmt != null) {
            return gmt;
        }
        if (item.pubDate() != null && !item.pubDate().isBlank()) {
            try {
                return ZonedDateTime.parse(item.pubDate(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException e) {
                // Fall through to the local time.
            }
        }
        Instant local = wpTime(item.postDate());
        if (local != null) {
            notes.add("The post has no GMT time: its local time was read as UTC.");
        }
        return local;
    }

    private static Instant wpTime(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** WordPress keeps non-ASCII slugs percent-encoded; a stray "%" is read as itself. */
    private static String decode(String slug) {
        try {
            return URLDecoder.decode(slug, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    /** The path of an address, as old links to it name it; null when it has none worth keeping. */
    static String oldPath(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(link.strip());
            String path = uri.getRawPath();
            if (path == null || path.isEmpty() || path.equals("/")) {
                return null;
            }
            return path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The path after {@code /wp-content/uploads/}, decoded; null for an address elsewhere. */
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
        if (at < 0) {
            return null;
        }
        String relative = path.substring(at + UPLOADS.length());
        return relative.isEmpty() || relative.contains("..") ? null : relative;
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
