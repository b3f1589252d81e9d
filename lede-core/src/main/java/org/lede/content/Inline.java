package org.lede.content;

import java.util.ArrayList;
import java.util.List;
import org.lede.common.Check;

/**
 * Inline text: a list of styled spans. The canonical form has no empty spans and no two
 * neighbours of the same style, so equal-looking texts are equal records.
 */
public record Inline(List<Span> spans) {
    public Inline {
        List<Span> merged = new ArrayList<>();
        for (Span span : Check.list(spans)) {
            if (span.text().isEmpty()) {
                continue;
            }
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).sameStyle(span)) {
                Span prev = merged.get(last);
                merged.set(last, new Span(prev.text() + span.text(), span.bold(), span.italic(), span.href()));
            } else {
                merged.add(span);
            }
        }
        spans = List.copyOf(merged);
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
}
