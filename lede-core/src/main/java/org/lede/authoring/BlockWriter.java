package org.lede.authoring;

import java.util.ArrayList;
import java.util.List;
import org.lede.content.Block;
import org.lede.content.Embed;
import org.lede.content.ImageBlock;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Subhead;

/** Writes one block as the lines of its authoring text. */
final class BlockWriter {
    /** Opens the last line of a quote to mark it as the attribution. */
    static final String DASH = "—";

    private BlockWriter() {}

    static String write(Block block) {
        return switch (block) {
            case Paragraph p -> InlineWriter.write(p.text(), true);
            case LeadIn l -> labelled(l.label(), InlineWriter.write(l.text(), false));
            case Subhead s -> "## " + Escapes.escape(s.text(), "");
            case ListBlock l -> list(l);
            case Quote q -> quote(q);
            case ImageBlock i -> image(i);
            case Embed e -> "<" + e.url() + ">";
        };
    }

    private static String labelled(String label, String text) {
        String mark = "**" + Escapes.escape(label, "") + ":**";
        return text.isEmpty() ? mark : mark + " " + text;
    }

    private static String list(ListBlock list) {
        List<String> lines = new ArrayList<>();
        int number = 1;
        for (ListItem item : list.items()) {
            String marker = list.ordered() ? number++ + "." : "-";
            String text = item.label() == null
                    ? InlineWriter.write(item.text(), true)
                    : labelled(item.label(), InlineWriter.write(item.text(), false));
            lines.add(text.isEmpty() ? marker : marker + " " + text);
        }
        return String.join("\n", lines);
    }

    private static String quote(Quote quote) {
        String text = InlineWriter.write(quote.text(), true);
        String first = text.isEmpty() ? ">" : "> " + text;
        return quote.attribution() == null
                ? first
                : first + "\n> " + DASH + " " + Escapes.escape(quote.attribution(), "");
    }

    private static String image(ImageBlock image) {
        StringBuilder out = new StringBuilder("![");
        if (image.caption() != null) {
            out.append(Escapes.escape(image.caption(), "[]"));
        }
        out.append("](media:").append(image.mediaId());
        if (image.credit() != null) {
            out.append(" \"")
                    .append(Escapes.escape(image.credit().render(), "\""))
                    .append('"');
        }
        return out.append(')').toString();
    }
}
