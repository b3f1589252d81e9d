package org.lede.authoring;

import java.util.ArrayList;
import java.util.List;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Subhead;

/**
 * Turns plain text pasted from a news page in the "smart brevity" style into blocks, so a story
 * copied from a browser keeps its lead-ins and lists instead of arriving as a wall of text.
 *
 * <p>Read from the top: an optional "# " headline, then an optional caption line that ends with
 * a credit ("A crowd outside the hall. Photo: Jane Roe/Example Wire"). Then the body: blank
 * lines separate paragraphs; a paragraph that opens with a short label and ": " is a lead-in;
 * lines opening with a bullet or a number form lists, whose items may carry a label too. A last
 * short paragraph that reads as a contributor bio is kept apart, and a line reading exactly
 * "Go deeper" ends the story: what follows it is the page's related-story cards.
 *
 * <p>Non-breaking spaces become spaces and runs of spaces collapse; curly quotes and dashes are
 * kept as they are. The text is taken as plain: asterisks and brackets are words, not markup.
 */
public final class PasteStructurer {
    static final String END_OF_STORY = "Go deeper";
    /** The longest headline proposed from a lede, in characters. */
    static final int HEADLINE_FROM_LEDE = 120;

    /**
     * What was found; the headline, hero caption, credit and bio line are null when absent.
     *
     * @param report what reading HTML simplified or left out ({@link HtmlBlocks}); empty for plain text
     */
    public record Structured(
            String headline,
            String heroCaption,
            Credit heroCredit,
            List<Block> body,
            String bioLine,
            List<String> report) {
        public Structured {
            body = List.copyOf(body);
            report = List.copyOf(report);
        }
    }

    private PasteStructurer() {}

    public static Structured structure(String plainText) {
        List<String> lines = PasteLines.clean(plainText);
        int end = lines.indexOf(END_OF_STORY);
        if (end >= 0) {
            lines = lines.subList(0, end);
        }
        int i = PasteLines.skipBlank(lines, 0);
        String headline = null;
        if (i < lines.size() && lines.get(i).startsWith("# ")) {
            headline = lines.get(i).substring(2).strip();
            i = PasteLines.skipBlank(lines, i + 1);
        }
        String heroCaption = null;
        Credit heroCredit = null;
        PasteLines.Hero hero = i < lines.size() ? PasteLines.hero(lines.get(i)) : null;
        if (hero != null) {
            heroCaption = hero.caption();
            heroCredit = hero.credit();
            i++;
        }
        List<Block> body = body(lines.subList(i, lines.size()));
        String bio = bio(body);
        return new Structured(headline, heroCaption, heroCredit, body, bio, List.of());
    }

    /**
     * The same reading of HTML (a word processor's or a web page's clipboard): {@link HtmlBlocks}
     * makes the blocks, an opening {@code h1} is the headline, and the plain-text rules then find
     * what the markup did not say: a caption line with its credit at the top, labels and bullets
     * typed as text, the bio line at the end and the "Go deeper" cut.
     */
    public static Structured structureHtml(String html) {
        HtmlBlocks.Result converted = HtmlBlocks.convert(html);
        List<String> report = new ArrayList<>(converted.report());
        List<Block> body = plainRules(converted.blocks());
        for (int i = 0; i < body.size(); i++) {
            Block block = body.get(i);
            if ((block instanceof Paragraph || block instanceof Subhead)
                    && block.plainText().equals(END_OF_STORY)) {
                report.add("\"" + END_OF_STORY + "\" and what follows left out: the page's related stories");
                body = new ArrayList<>(body.subList(0, i));
                break;
            }
        }
        String heroCaption = null;
        Credit heroCredit = null;
        PasteLines.Hero hero = !body.isEmpty() && body.getFirst() instanceof Paragraph first
                ? PasteLines.hero(first.plainText())
                : null;
        if (hero != null) {
            heroCaption = hero.caption();
            heroCredit = hero.credit();
            body.removeFirst();
        }
        String bio = bio(body);
        return new Structured(converted.title(), heroCaption, heroCredit, body, bio, report);
    }

    /**
     * A headline proposed from the lede: its first sentence, cut at a word to at most 120
     * characters, never ending in an ellipsis or a dangling comma, so it reads as a headline.
     */
    public static String proposedHeadline(List<Block> body) {
        String lede = body.stream()
                .filter(b -> b instanceof Paragraph)
                .map(Block::plainText)
                .findFirst()
                .orElse(body.isEmpty() ? "" : body.getFirst().plainText())
                .strip();
        int end = lede.indexOf(". ");
        String sentence = end > 0 ? lede.substring(0, end) : lede;
        if (sentence.length() > HEADLINE_FROM_LEDE) {
            int space = sentence.lastIndexOf(' ', HEADLINE_FROM_LEDE);
            sentence = sentence.substring(0, space > 0 ? space : HEADLINE_FROM_LEDE);
        }
        int cut = sentence.length();
        while (cut > 0 && " .,;:…-–—".indexOf(sentence.charAt(cut - 1)) >= 0) {
            cut--;
        }
        return sentence.substring(0, cut);
    }

    /** Takes a last paragraph that reads as a contributor bio off the body. */
    private static String bio(List<Block> body) {
        // A bio needs a story before it: a short last paragraph of a three-paragraph note is
        // more likely its ending than its author.
        if (body.size() > 3 && body.getLast() instanceof Paragraph last && PasteLines.isBio(last.plainText())) {
            body.removeLast();
            return last.plainText();
        }
        return null;
    }

    /** Unstyled paragraphs read by the plain-text rules: typed bullets become lists, typed labels lead-ins. */
    private static List<Block> plainRules(List<Block> blocks) {
        List<Block> out = new ArrayList<>();
        List<ListItem> items = new ArrayList<>();
        boolean ordered = false;
        for (Block block : blocks) {
            boolean plain = block instanceof Paragraph p
                    && p.text().spans().stream().noneMatch(sp -> sp.bold() || sp.italic() || sp.isLink());
            PasteLines.Item item = plain ? PasteLines.item(block.plainText()) : null;
            if (item != null) {
                if (!items.isEmpty() && item.ordered() != ordered) {
                    flushList(items, ordered, out);
                }
                ordered = item.ordered();
                items.add(listItem(item.text()));
                continue;
            }
            flushList(items, ordered, out);
            PasteLines.Labelled labelled = plain ? PasteLines.labelled(block.plainText()) : null;
            out.add(labelled == null ? block : new LeadIn(labelled.label(), Inline.plain(labelled.rest())));
        }
        flushList(items, ordered, out);
        return out;
    }

    /** One line per thing found, for a writer to check what the paste became. */
    public static String describe(Structured structured) {
        List<String> out = new ArrayList<>();
        if (structured.headline() != null) {
            out.add("headline: " + structured.headline());
        }
        Credit credit = structured.heroCredit();
        if (structured.heroCaption() != null) {
            out.add("hero caption: " + structured.heroCaption() + (credit == null ? "" : " (" + credit.render() + ")"));
        } else if (credit != null) {
            out.add("hero credit: " + credit.render());
        }
        List<Block> body = structured.body();
        List<String> labels = body.stream()
                .filter(LeadIn.class::isInstance)
                .map(b -> ((LeadIn) b).label())
                .toList();
        List<String> lists = body.stream()
                .filter(ListBlock.class::isInstance)
                .map(b -> (ListBlock) b)
                .map(l -> l.items().size()
                        + (l.items().size() == 1 ? " item, " : " items, ")
                        + (l.ordered() ? "ordered" : "unordered"))
                .toList();
        out.add("paragraphs: "
                + body.stream().filter(Paragraph.class::isInstance).count());
        out.add("lead-ins: " + labels.size() + (labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")"));
        out.add("lists: " + lists.size() + (lists.isEmpty() ? "" : " (" + String.join("; ", lists) + ")"));
        List<String> others = body.stream()
                .filter(b -> !(b instanceof Paragraph || b instanceof LeadIn || b instanceof ListBlock))
                .map(Block::type)
                .toList();
        if (!others.isEmpty()) {
            out.add("other blocks: " + others.size() + " (" + String.join(", ", others) + ")");
        }
        if (structured.bioLine() != null) {
            out.add("bio line: " + structured.bioLine());
        }
        structured.report().forEach(line -> out.add("simplified: " + line));
        return String.join("\n", out);
    }

    private static List<Block> body(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        List<ListItem> items = new ArrayList<>();
        boolean ordered = false;
        for (String line : lines) {
            PasteLines.Item item = PasteLines.item(line);
            if (line.isEmpty()) {
                // A blank line ends a paragraph but not a list: pages often space their items.
                flushParagraph(paragraph, blocks);
            } else if (item != null) {
                flushParagraph(paragraph, blocks);
                if (!items.isEmpty() && item.ordered() != ordered) {
                    flushList(items, ordered, blocks);
                }
                ordered = item.ordered();
                items.add(listItem(item.text()));
            } else {
                flushList(items, ordered, blocks);
                paragraph.add(line);
            }
        }
        flushParagraph(paragraph, blocks);
        flushList(items, ordered, blocks);
        return blocks;
    }

    private static void flushParagraph(List<String> lines, List<Block> blocks) {
        if (lines.isEmpty()) {
            return;
        }
        String text = String.join(" ", lines);
        lines.clear();
        PasteLines.Labelled labelled = PasteLines.labelled(text);
        blocks.add(labelled == null ? Paragraph.of(text) : new LeadIn(labelled.label(), Inline.plain(labelled.rest())));
    }

    private static void flushList(List<ListItem> items, boolean ordered, List<Block> blocks) {
        if (!items.isEmpty()) {
            blocks.add(new ListBlock(ordered, items));
            items.clear();
        }
    }

    private static ListItem listItem(String text) {
        PasteLines.Labelled labelled = PasteLines.labelled(text);
        return labelled == null ? ListItem.of(text) : new ListItem(labelled.label(), Inline.plain(labelled.rest()));
    }
}
