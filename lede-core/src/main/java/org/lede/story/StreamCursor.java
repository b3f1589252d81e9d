package org.lede.story;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.lede.common.NotFoundException;

/**
 * A place in a reader stream (home, topic, author), which is ordered by time then id, newest
 * first: a story's time is its publish time, a dashboard's its last save. A page reads on "after
 * this item" rather than past an offset, so it costs the same however deep it is, and its address
 * names the same items tomorrow, which a static host and a cache can keep.
 */
public record StreamCursor(Instant at, String id) implements Comparable<StreamCursor> {
    /** Digits only: a key needs no encoding in a path, and a static host never reads a dot in it as a file type. */
    private static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private static final Pattern KEY = Pattern.compile("(\\d{17})-([0-9A-Za-z]{1,64})");

    public StreamCursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The cursor a link carries, as {@link #key()} wrote it; any other text is an address that
     * was never a page, so 404.
     */
    public static StreamCursor parse(String key) {
        var m = KEY.matcher(key);
        if (m.matches()) {
            try {
                return new StreamCursor(KEY_TIME.parse(m.group(1), Instant::from), m.group(2));
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw new NotFoundException("Page", key);
    }

    /** The text form for an address: digits, a hyphen and the id, stored times being whole milliseconds. */
    public String key() {
        return KEY_TIME.format(at) + "-" + id;
    }

    /** Stream order: the newest first, then the greater id, as the databases order (time DESC, id DESC). */
    @Override
    public int compareTo(StreamCursor other) {
        int byTime = other.at.compareTo(at);
        return byTime != 0 ? byTime : other.id.compareTo(id);
    }
}
