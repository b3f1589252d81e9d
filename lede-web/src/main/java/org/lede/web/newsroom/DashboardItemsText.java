package org.lede.web.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lede.common.ValidationException;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;

/**
 * A dashboard's items as lines of text, one item a line:
 * {@code Label: story-slug | second-story-slug | https://example.org/x Title text}.
 * Editing lines is how editors add, remove and reorder items, so the editor works without
 * script. A backslash keeps a following {@code :}, {@code |} or {@code \} literal, which lets
 * any saved dashboard be written out and read back unchanged.
 */
public final class DashboardItemsText {
    private DashboardItemsText() {}

    /** Finds stories by the slugs editors type, and names stories by slug when writing items out. */
    public interface StoryLookup {
        Optional<String> idOfSlug(String slug);

        Optional<String> slugOfId(String id);
    }

    /** @throws ValidationException naming the line (counted as the textarea shows it) and what to fix */
    public static List<DashboardItem> parse(String text, StoryLookup stories) {
        List<DashboardItem> items = new ArrayList<>();
        List<String> lines = text == null ? List.of() : text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                items.add(item(i + 1, line, stories));
            }
        }
        return items;
    }

    private static DashboardItem item(int number, String line, StoryLookup stories) {
        String where = "Line " + number;
        int colon = unescapedIndex(line, ':');
        if (colon < 0) {
            throw new ValidationException(
                    "items",
                    where + " has no label: start it with a label and a colon, as in " + "“Politics: story-slug”.");
        }
        String rawLabel = line.substring(0, colon).strip();
        String rest = line.substring(colon + 1);
        if (rest.startsWith("//") && isScheme(rawLabel)) {
            throw new ValidationException(
                    "items",
                    where + " starts with an address; put a label and a colon before it, " + "as in “More: " + line
                            + " Title”.");
        }
        String label = unescape(rawLabel);
        if (label.isEmpty()) {
            throw new ValidationException(
                    "items", where + " has nothing before the colon; write the item's label there.");
        }
        List<String> pieces = split(rest);
        if (pieces.size() == 1 && pieces.getFirst().isEmpty()) {
            throw new ValidationException(
                    "items", where + ": “" + label + "” needs at least one story slug or address after the colon.");
        }
        List<DashboardEntry> entries = new ArrayList<>();
        for (String piece : pieces) {
            if (piece.isEmpty()) {
                throw new ValidationException("items", where + " has an empty entry: remove the extra “|”.");
            }
            entries.add(entry(where, piece, stories));
        }
        try {
            return new DashboardItem(label, entries);
        } catch (ValidationException e) {
            throw new ValidationException("items", where + ": " + e.getMessage());
        }
    }

    private static DashboardEntry entry(String where, String piece, StoryLookup stories) {
        String lower = piece.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int space = firstSpace(piece);
            String url = space < 0 ? piece : piece.substring(0, space);
            String title = space < 0 ? "" : piece.substring(space).strip();
            if (title.isEmpty()) {
                throw new ValidationException(
                        "items",
                        where + ": the link " + url + " needs a title after the address, as in “" + url
                                + " Full report”.");
            }
            try {
                return DashboardEntry.link(url, title);
            } catch (ValidationException e) {
                throw new ValidationException("items", where + ": " + e.getMessage());
            }
        }
        if (firstSpace(piece) >= 0) {
            throw new ValidationException(
                    "items",
                    where + ": “" + piece + "” is not a story slug, which has no spaces; "
                            + "outside links start with https://.");
        }
        String id = stories.idOfSlug(piece)
                .orElseThrow(() ->
                        new ValidationException("items", where + ": there is no story with the slug “" + piece + "”."));
        return DashboardEntry.story(id);
    }

    /** The items as lines that {@link #parse} reads back to the same items. */
    public static String format(List<DashboardItem> items, StoryLookup stories) {
        StringBuilder out = new StringBuilder();
        for (DashboardItem item : items) {
            out.append(escape(oneLine(item.label()), ":|")).append(':');
            String separator = " ";
            for (DashboardEntry entry : item.entries()) {
                out.append(separator);
                if (entry.storyId() != null) {
                    out.append(stories.slugOfId(entry.storyId()).orElse(entry.storyId()));
                } else {
                    out.append(escape(entry.url(), "|")).append(' ').append(escape(oneLine(entry.title()), "|"));
                }
                separator = " | ";
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean isScheme(String label) {
        return label.equalsIgnoreCase("http") || label.equalsIgnoreCase("https");
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int unescapedIndex(String text, char wanted) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Splits at each unescaped {@code |}, removing the escapes and the spaces around each piece. */
    private static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                piece.append(text.charAt(++i));
            } else if (c == '|') {
                pieces.add(piece.toString().strip());
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString().strip());
        return pieces;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\\' && i + 1 < text.length() ? text.charAt(++i) : c);
        }
        return out.toString();
    }

    private static String escape(String text, String special) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\\' || special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
