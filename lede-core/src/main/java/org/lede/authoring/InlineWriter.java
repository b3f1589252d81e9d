package org.lede.authoring;

import java.util.List;
import java.util.regex.Pattern;
import org.lede.content.Inline;
import org.lede.content.Span;

/**
 * Writes inline text so that {@link InlineReader} reads back the same spans. Every literal
 * asterisk and backslash is escaped; underscores, brackets and block markers only where they
 * could be read as markup, so ordinary text stays readable.
 */
final class InlineWriter {
    private static final String BLOCK_MARKERS = "#>-+!<";
    private static final Pattern NUMBERED = Pattern.compile("^\\d+\\.(\\s|$)");

    private InlineWriter() {}

    /**
     * @param opensBlock the text starts a block (paragraph, list item, quote), where a leading
     *     "#", "-", "1." and the like would be read as block syntax, and a leading bold phrase
     *     ending with a colon would be read as a lead-in label
     */
    static String write(Inline inline, boolean opensBlock) {
        List<Span> spans = inline.spans();
        StringBuilder out = new StringBuilder();
        Marks marks = new Marks();
        int i = 0;
        while (i < spans.size()) {
            Span span = spans.get(i);
            if (span.href() != null) {
                marks.switchTo(out, false, false, '*');
                i = writeLink(out, spans, i);
                continue;
            }
            // "**Label:**" at the start of a block means a lead-in; bold text that merely
            // ends with a colon is written with underscores instead.
            boolean looksLikeLabel = i == 0
                    && opensBlock
                    && span.bold()
                    && !span.italic()
                    && span.text().endsWith(":");
            marks.switchTo(out, span.bold(), span.italic(), looksLikeLabel ? '_' : '*');
            out.append(escape(span.text(), false));
            i++;
        }
        marks.switchTo(out, false, false, '*');
        if (opensBlock && !spans.isEmpty() && isPlain(spans.get(0))) {
            escapeBlockMarker(out);
        }
        return out.toString();
    }

    /** Writes the spans from {@code start} that share its link as one link; returns the index after them. */
    private static int writeLink(StringBuilder out, List<Span> spans, int start) {
        String href = spans.get(start).href();
        Marks marks = new Marks();
        out.append('[');
        int i = start;
        while (i < spans.size() && href.equals(spans.get(i).href())) {
            Span span = spans.get(i);
            marks.switchTo(out, span.bold(), span.italic(), '*');
            out.append(escape(span.text(), true));
            i++;
        }
        marks.switchTo(out, false, false, '*');
        out.append("](").append(Escapes.escape(href, "()")).append(')');
        return i;
    }

    private static boolean isPlain(Span span) {
        return !span.bold() && !span.italic() && span.href() == null;
    }

    private static String escape(String text, boolean inLink) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            boolean special = switch (c) {
                case '\\', '*' -> true;
                // A lone underscore inside a word is never markup; one next to another, or
                // at the edge where markup may follow, could be.
                case '_' -> i == 0 || i == last || text.charAt(i - 1) == '_' || text.charAt(i + 1) == '_';
                case '[' -> inLink;
                case ']' -> inLink || (i < last && text.charAt(i + 1) == '(');
                default -> false;
            };
            if (special) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static void escapeBlockMarker(StringBuilder out) {
        if (BLOCK_MARKERS.indexOf(out.charAt(0)) >= 0) {
            out.insert(0, '\\');
            return;
        }
        var numbered = NUMBERED.matcher(out);
        if (numbered.find()) {
            out.insert(numbered.start(1) - 1, '\\');
        }
    }

    /** The styles open at a point of the text, and the mark that opened bold. */
    private static final class Marks {
        private boolean bold;
        private boolean italic;
        private char boldMark = '*';

        /** Writes the marks that switch to the given style; a bold that opens here uses {@code newBoldMark}. */
        void switchTo(StringBuilder out, boolean toBold, boolean toItalic, char newBoldMark) {
            boolean switchBold = bold != toBold;
            boolean switchItalic = italic != toItalic;
            char mark = bold ? boldMark : newBoldMark;
            if (!switchBold || mark == '*') {
                out.append("*".repeat((switchBold ? 2 : 0) + (switchItalic ? 1 : 0)));
            } else {
                // Underscores cannot share a run with asterisks: closing marks first, and italic,
                // which can only have opened inside the bold, closes before it.
                out.append(switchItalic && italic ? "*" : "").append("__").append(switchItalic && !italic ? "*" : "");
            }
            if (switchBold && toBold) {
                boldMark = newBoldMark;
            }
            bold = toBold;
            italic = toItalic;
        }
    }
}
