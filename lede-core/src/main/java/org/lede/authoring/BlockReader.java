package org.lede.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.Embed;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Subhead;

/** Reads authoring text into blocks, line by line; errors name the line where the block starts. */
final class BlockReader {
    private static final Pattern HEADING = Pattern.compile("(#{1,6})(?:\\s+(.*))?", Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("([-*+]|(\\d{1,9})\\.)(?:\\s+(.*))?", Pattern.DOTALL);
    private static final String IMAGE_FORM = "An image is written ![caption](media:ID \"Photo: By/Via\").";

    private record Line(int number, String text) {
        boolean isBlank() {
            return text.isEmpty();
        }
    }

    /** A list item while its lines are collected. */
    private record PendingItem(int line, StringBuilder raw) {}

    private record Labelled(String label, String rest) {}

    private final List<Line> lines = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();

    private BlockReader(String text) {
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new Line(i + 1, raw[i].strip()));
        }
    }

    static List<Block> read(String text) {
        BlockReader reader = new BlockReader(text);
        reader.readAll();
        return List.copyOf(reader.blocks);
    }

    private void readAll() {
        int i = 0;
        while (i < lines.size()) {
            Line line = lines.get(i);
            String text = line.text();
            if (line.isBlank()) {
                i++;
            } else if (HEADING.matcher(text).matches()) {
                blocks.add(subhead(line));
                i++;
            } else if (isImage(text)) {
                blocks.add(at(line.number(), () -> image(line)));
                i++;
            } else if (isEmbed(text)) {
                blocks.add(at(line.number(), () -> embed(text)));
                i++;
            } else if (text.startsWith(">")) {
                i = quote(i);
            } else if (ITEM.matcher(text).matches()) {
                i = list(i);
            } else {
                i = paragraph(i);
            }
        }
    }

    private static Subhead subhead(Line line) {
        Matcher heading = HEADING.matcher(line.text());
        heading.matches();
        if (heading.group(1).length() != 2) {
            throw new ValidationException(
                    "text",
                    "Line " + line.number()
                            + ": A subhead starts with \"## \"; other headings are not part of a story (write \\# for a literal #).");
        }
        String text = heading.group(2) == null ? "" : heading.group(2);
        return at(line.number(), () -> new Subhead(Escapes.unescape(text)));
    }

    private static Embed embed(String text) {
        try {
            return new Embed(text.substring(1, text.length() - 1));
        } catch (ValidationException e) {
            throw new ValidationException("url", "A line in angle brackets embeds a web page. " + e.getMessage());
        }
    }

    private static boolean isImage(String text) {
        return text.startsWith("![") && text.endsWith(")");
    }

    private static boolean isEmbed(String text) {
        return text.length() > 2
                && text.startsWith("<")
                && text.endsWith(">")
                && text.chars().noneMatch(Character::isWhitespace);
    }

    /** Whether a line starts a block of its own even without a blank line before it. */
    private static boolean interrupts(String text) {
        if (HEADING.matcher(text).matches() || isImage(text) || isEmbed(text) || text.startsWith(">")) {
            return true;
        }
        // As in CommonMark, only a non-empty item, and for numbered lists only "1.", breaks into
        // a paragraph: a wrapped line such as "2024. The year ..." stays part of its paragraph.
        Matcher item = ITEM.matcher(text);
        return item.matches()
                && item.group(3) != null
                && (item.group(2) == null || item.group(2).equals("1"));
    }

    private int paragraph(int start) {
        Line first = lines.get(start);
        StringBuilder raw = new StringBuilder(first.text());
        int i = start + 1;
        while (i < lines.size()
                && !lines.get(i).isBlank()
                && !interrupts(lines.get(i).text())) {
            raw.append(' ').append(lines.get(i).text());
            i++;
        }
        blocks.add(at(first.number(), () -> {
            Labelled labelled = labelled(raw.toString());
            return labelled == null
                    ? new Paragraph(inline(raw.toString()))
                    : new LeadIn(labelled.label(), inline(labelled.rest()));
        }));
        return i;
    }

    private int quote(int start) {
        List<String> texts = new ArrayList<>();
        int i = start;
        while (i < lines.size() && lines.get(i).text().startsWith(">")) {
            texts.add(lines.get(i).text().substring(1).strip());
            i++;
        }
        String attribution = null;
        String last = texts.get(texts.size() - 1);
        // The attribution line can only follow the text: a one-line quote that begins with a
        // dash is text, which is how a quote whose own words begin with a dash is written.
        if (texts.size() > 1 && last.startsWith(BlockWriter.DASH) && last.length() > 1) {
            attribution = Escapes.unescape(last.substring(1).strip());
            texts.remove(texts.size() - 1);
        }
        String raw = String.join(" ", texts);
        String by = attribution;
        blocks.add(at(lines.get(start).number(), () -> new Quote(inline(raw), by)));
        return i;
    }

    private int list(int start) {
        boolean ordered = ordered(lines.get(start).text());
        List<PendingItem> pending = new ArrayList<>();
        int i = start;
        while (i < lines.size() && !lines.get(i).isBlank()) {
            Line line = lines.get(i);
            Matcher item = ITEM.matcher(line.text());
            if (item.matches()) {
                if (ordered(line.text()) != ordered) {
                    break;
                }
                pending.add(
                        new PendingItem(line.number(), new StringBuilder(item.group(3) == null ? "" : item.group(3))));
            } else if (interrupts(line.text())) {
                break;
            } else {
                pending.get(pending.size() - 1).raw().append(' ').append(line.text());
            }
            i++;
        }
        List<ListItem> items = new ArrayList<>();
        for (PendingItem item : pending) {
            items.add(at(item.line(), () -> listItem(item.raw().toString().strip())));
        }
        blocks.add(new ListBlock(ordered, items));
        return i;
    }

    private static boolean ordered(String text) {
        Matcher item = ITEM.matcher(text);
        return item.matches() && item.group(2) != null;
    }

    private static ListItem listItem(String raw) {
        Labelled labelled = labelled(raw);
        return labelled == null
                ? new ListItem(null, inline(raw))
                : new ListItem(labelled.label(), inline(labelled.rest()));
    }

    /**
     * Splits off a "**Label:**" that opens a block: exactly two asterisks, a label, an unescaped
     * colon right before the closing two asterisks, then a space or the end. Anything else,
     * including "__Label:__", is ordinary bold text.
     */
    private static Labelled labelled(String raw) {
        if (!raw.startsWith("**") || raw.startsWith("***")) {
            return null;
        }
        int i = 2;
        boolean colon = false;
        while (i < raw.length() && raw.charAt(i) != '*') {
            if (Escapes.isEscape(raw, i)) {
                colon = false;
                i += 2;
            } else {
                colon = raw.charAt(i) == ':';
                i++;
            }
        }
        int end = i;
        while (end < raw.length() && raw.charAt(end) == '*') {
            end++;
        }
        if (!colon || end - i != 2 || (end < raw.length() && !Character.isWhitespace(raw.charAt(end)))) {
            return null;
        }
        String label = Escapes.unescape(raw.substring(2, i - 1)).strip();
        return label.isEmpty() ? null : new Labelled(label, raw.substring(end).strip());
    }

    private static ImageBlock image(Line line) {
        String text = line.text();
        int captionEnd = Escapes.indexOfUnescaped(text, ']', 2);
        if (captionEnd < 0 || !text.startsWith("(media:", captionEnd + 1)) {
            throw new ValidationException("mediaId", IMAGE_FORM);
        }
        int last = text.length() - 1;
        int idStart = captionEnd + "](media:".length();
        int i = idStart;
        while (i < last && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        String mediaId = text.substring(idStart, i);
        i = skipSpaces(text, i);
        String title = null;
        if (i < last && text.charAt(i) == '"') {
            int titleEnd = Escapes.indexOfUnescaped(text, '"', i + 1);
            if (titleEnd < 0) {
                throw new ValidationException("credit", IMAGE_FORM);
            }
            title = Escapes.unescape(text.substring(i + 1, titleEnd));
            i = skipSpaces(text, titleEnd + 1);
        }
        if (i != last) {
            throw new ValidationException("mediaId", IMAGE_FORM);
        }
        Credit credit = title == null || title.isBlank() ? null : Credit.parse(title);
        return new ImageBlock(mediaId, Escapes.unescape(text.substring(2, captionEnd)), credit);
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Inline inline(String raw) {
        return new Inline(InlineReader.read(raw));
    }

    /** Runs {@code make}, putting the line number in front of any validation message. */
    private static <T> T at(int line, Supplier<T> make) {
        try {
            return make.get();
        } catch (ValidationException e) {
            String message =
                    e.getMessage().startsWith("Line ") ? e.getMessage() : "Line " + line + ": " + e.getMessage();
            throw new ValidationException(e.field(), message);
        }
    }
}
