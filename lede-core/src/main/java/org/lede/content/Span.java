package org.lede.content;

import java.util.Objects;
import org.lede.common.Check;
import org.lede.common.ValidationException;

/**
 * A run of inline text with one style: plain, bold, italic or both, optionally a link.
 * There is no raw HTML: templates escape {@code text}, and {@code href} is limited to safe schemes.
 */
public record Span(String text, boolean bold, boolean italic, String href) {
    public Span {
        text = Check.line(Objects.requireNonNull(text, "text"));
        if (href != null) {
            href = Links.check(href);
        }
    }

    public static Span plain(String text) {
        return new Span(text, false, false, null);
    }

    public static Span bold(String text) {
        return new Span(text, true, false, null);
    }

    public static Span italic(String text) {
        return new Span(text, false, true, null);
    }

    public static Span link(String text, String href) {
        return new Span(text, false, false, href);
    }

    public boolean isLink() {
        return href != null;
    }

    /** True when both spans carry the same style and link, so they can be merged into one. */
    public boolean sameStyle(Span other) {
        return bold == other.bold && italic == other.italic && Objects.equals(href, other.href);
    }

    static void requireText(Span span) {
        if (span.text.isEmpty()) {
            throw new ValidationException("text", "A span of inline text must not be empty.");
        }
    }
}
