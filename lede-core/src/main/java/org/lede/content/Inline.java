package org.lede.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lede.common.Check;

/**
 * Inline text: a list of styled spans. The canonical form makes equal-looking texts equal
 * records, and it is the form the authoring text ({@code org.lede.authoring}) can write and read
 * back without loss:
 * <ul>
 *   <li>no empty spans and no two neighbours of the same style;</li>
 *   <li>no whitespace at the start or end of the text;</li>
 *   <li>a run of whitespace becomes one space, as a browser shows it; a single space character
 *       of another kind (thin space, em space) is kept, since writers put it there on purpose;
 *       a tab or a line break counts as a run;</li>
 *   <li>a space takes the style its two neighbours share, and none next to the edge of a link:
 *       so bold, italic and links start and end on a visible character ({@code "a **b** c"},
 *       never {@code "a** b **c"}), which is where markup can open and close.</li>
 * </ul>
 * The constructor normalizes to this form rather than rejecting, so text from any source fits.
 */
public record Inline(List<Span> spans) {
    public Inline {
        spans = Check.list(spans);
        if (!isCanonical(spans)) {
            spans = canonical(spans);
        }
    }

    public static Inline of(Span... spans) {
        return new Inline(List.of(spans));
    }

    public static Inline plain(String text) {
        return new Inline(List.of(Span.plain(text)));
    }

    /** The text without its styling, as used for word counts, search and summaries. */
    public String text() {
        StringBuilder out = new StringBuilder();
        spans.forEach(s -> out.append(s.text()));
        return out.toString();
    }

    public boolean isBlank() {
        return text().isBlank();
    }

    /**
     * True when {@link #canonical} would give these spans back unchanged, checked in one pass that
     * builds nothing. Text read back from storage is always canonical, and a page of stories reads
     * thousands of spans, so the full rebuild is kept for text that needs it.
     */
    private static boolean isCanonical(List<Span> spans) {
        for (int s = 0; s < spans.size(); s++) {
            if (spans.get(s).text().isEmpty() || (s > 0 && spans.get(s - 1).sameStyle(spans.get(s)))) {
                return false;
            }
        }
        for (int s = 0; s < spans.size(); s++) {
            Span span = spans.get(s);
            String text = span.text();
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (!Character.isWhitespace(c)) {
                    continue;
                }
                boolean atStart = k == 0;
                boolean atEnd = k == text.length() - 1;
                if ((atStart && s == 0)
                        || (atEnd && s == spans.size() - 1)
                        || Character.getType(c) != Character.SPACE_SEPARATOR) {
                    return false;
                }
                Span right = atEnd ? spans.get(s + 1) : span;
                if (Character.isWhitespace(atEnd ? right.text().charAt(0) : text.charAt(k + 1))) {
                    return false;
                }
                Span left = atStart ? spans.get(s - 1) : span;
                if ((left != span || right != span) && !shared(left, right).sameStyle(span)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Span> canonical(List<Span> input) {
        StringBuilder text = new StringBuilder();
        List<Span> owners = new ArrayList<>();
        for (Span span : input) {
            text.append(span.text());
            for (int k = 0; k < span.text().length(); k++) {
                owners.add(span);
            }
        }
        Runs runs = new Runs();
        collapse(
                text,
                (c, before, after) -> runs.add(
                        c, before == after ? owners.get(before) : shared(owners.get(before), owners.get(after))));
        return runs.spans();
    }

    /** Where {@link #collapse} puts a character: from index {@code before} of the raw text, or, for a space, between {@code before} and {@code after}. */
    @FunctionalInterface
    public interface Collapsed {
        void add(char c, int before, int after);
    }

    /**
     * The canonical form's whitespace rule, the one place it is written: no whitespace at either
     * end, and each run of it one space, but for a lone space character of another kind (a thin
     * space), which is kept.
     */
    public static void collapse(CharSequence text, Collapsed out) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.add(c, i, i);
                i++;
                continue;
            }
            int end = i;
            while (end < n && Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (i > 0 && end < n) {
                boolean keep = end - i == 1 && Character.getType(c) == Character.SPACE_SEPARATOR;
                out.add(keep ? c : ' ', i - 1, end);
            }
            i = end;
        }
    }

    /** {@code text} as the canonical form writes it: see {@link #collapse(CharSequence, Collapsed)}. */
    public static String collapse(CharSequence text) {
        if (isCollapsed(text)) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length());
        collapse(text, (c, before, after) -> out.append(c));
        return out.toString();
    }

    /**
     * True when {@link #collapse} would give {@code text} back unchanged: each whitespace
     * character a lone space character between two others. Stored text always is, and a rebuild
     * of the search index collapses every paragraph of the archive.
     */
    private static boolean isCollapsed(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)
                    && (i == 0
                            || i == n - 1
                            || Character.getType(c) != Character.SPACE_SEPARATOR
                            || Character.isWhitespace(text.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    /** The style a space between two characters takes: what both share, and nothing at a link's edge. */
    private static Span shared(Span left, Span right) {
        if (!Objects.equals(left.href(), right.href())) {
            return Span.plain("");
        }
        return new Span("", left.bold() && right.bold(), left.italic() && right.italic(), left.href());
    }

    /** Collects characters into spans, starting a new span only where the style changes. */
    private static final class Runs {
        private final List<Span> spans = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private Span style;

        void add(char c, Span styleOf) {
            if (style != null && !style.sameStyle(styleOf)) {
                flush();
            }
            style = styleOf;
            text.append(c);
        }

        List<Span> spans() {
            flush();
            return List.copyOf(spans);
        }

        private void flush() {
            if (!text.isEmpty()) {
                spans.add(new Span(text.toString(), style.bold(), style.italic(), style.href()));
                text.setLength(0);
            }
        }
    }
}
