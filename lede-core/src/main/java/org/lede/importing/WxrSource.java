package org.lede.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.TreeMap;
import java.util.function.Supplier;
import org.lede.importing.SourceItem.Image;
import org.lede.importing.SourceItem.Person;
import org.lede.importing.SourceItem.Status;
import org.lede.importing.SourceItem.Type;

/**
 * A WordPress export (WXR) as import items. The file is read twice, streaming both times: first,
 * when this is made, for the site's authors and attachments (a post's featured image usually
 * comes after the post), then item by item. Posts become stories and pages site pages;
 * attachments are read as the images they are; every other kind of record (menu items,
 * revisions, reusable blocks, custom types) is left out and counted in {@link #notes}.
 */
public final class WxrSource implements SourceReader {
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Image> attachments = new HashMap<>();
    private final Map<String, Integer> leftOut = new TreeMap<>();
    private final CountingInputStream in;
    private final WxrReader reader;

    /**
     * @param open   opens the file from its start; called twice
     * @param source how messages name the file
     * @throws ImportFormatException when the file cannot be read as WXR, with line and column
     */
    public WxrSource(Supplier<InputStream> open, String source) {
        try (InputStream first = open.get();
                WxrReader pass = new WxrReader(first, source)) {
            for (WxrReader.Entry entry = pass.next(); entry != null; entry = pass.next()) {
                switch (entry) {
                    case WxrReader.Author a
                    when a.login() != null ->
                        people.put(a.login(), new Person(a.login(), a.displayName(), a.bio(), null));
                    case WxrReader.Item i
                    when "attachment".equals(i.postType()) && i.attachmentUrl() != null ->
                        attachments.put(
                                i.postId(),
                                new Image(i.attachmentUrl(), i.meta().get("_wp_attachment_image_alt"), i.excerpt()));
                    default -> {}
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.in = new CountingInputStream(open.get());
        this.reader = new WxrReader(in, source);
    }

    @Override
    public SourceItem next() {
        for (WxrReader.Entry entry = reader.next(); entry != null; entry = reader.next()) {
            if (!(entry instanceof WxrReader.Item item)) {
                continue;
            }
            String postType = item.postType() == null ? "" : item.postType();
            switch (postType) {
                case "post" -> {
                    return item(item, Type.STORY);
                }
                case "page" -> {
                    return item(item, Type.PAGE);
                }
                case "attachment" -> {}
                default -> leftOut.merge(postType.isEmpty() ? "untyped" : postType, 1, Integer::sum);
            }
        }
        return null;
    }

    private SourceItem item(WxrReader.Item item, Type type) {
        List<String> notes = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (WxrReader.Term term : item.terms()) {
            if ("category".equals(term.domain())) {
                categories.add(term.name());
            } else if ("post_tag".equals(term.domain())) {
                tags.add(term.name());
            }
        }
        List<Person> authors = new ArrayList<>();
        if (item.creator() != null && !item.creator().isBlank()) {
            authors.add(people.getOrDefault(item.creator(), new Person(item.creator(), null, null, null)));
        }
        Image featured = null;
        String thumbnail = item.meta().get("_thumbnail_id");
        if (thumbnail != null) {
            featured = attachments.get(thumbnail);
            if (featured == null) {
                notes.add("The featured image (attachment " + thumbnail + ") is not in the export.");
            }
        }
        List<String> aliases = new ArrayList<>();
        if (item.postId() != null && !item.postId().isBlank()) {
            aliases.add("/?" + (type == Type.PAGE ? "page_id=" : "p=")
                    + item.postId().strip());
        }
        return new SourceItem(
                item.guid() != null ? item.guid() : "post-" + item.postId(),
                type,
                item.title(),
                item.excerpt(),
                item.content(),
                item.postName(),
                status(item.status(), notes),
                published(item, notes),
                wpTime(item.modifiedGmt()),
                authors,
                categories,
                tags,
                featured,
                item.link(),
                aliases,
                item.comments(),
                notes,
                item.line());
    }

    private static Status status(String status, List<String> notes) {
        return switch (status == null ? "draft" : status) {
            case "publish" -> Status.PUBLISHED;
            case "future" -> Status.SCHEDULED;
            case "pending" -> Status.SUBMITTED;
            case "private" -> Status.PRIVATE;
            case "draft" -> Status.DRAFT;
            default -> {
                notes.add("WordPress status \"" + status + "\": imported as a draft.");
                yield Status.DRAFT;
            }
        };
    }

    /** When WordPress published the post: its GMT time, else the RSS date, else its local time read as UTC. */
    private static Instant published(WxrReader.Item item, List<String> notes) {
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

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        leftOut.forEach((type, count) -> notes.add(count + " WordPress " + type + " record" + (count == 1 ? "" : "s")
                + " left out: only posts, pages and their images are imported"));
        return notes;
    }

    @Override
    public long position() {
        return in.count();
    }

    @Override
    public void close() {
        try (in) {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
