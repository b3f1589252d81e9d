package org.lede.authoring;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.lede.common.Check;
import org.lede.common.ValidationException;
import org.lede.content.Block;

/**
 * The authoring text of a story body: a small subset of CommonMark that maps to blocks and back
 * without loss, {@code parse(format(blocks)).equals(blocks)} for every valid block list.
 *
 * <pre>
 * The Harbor City council voted on Tuesday.          paragraph
 *
 * **Why it matters:** It is the first new line.      lead-in (label without its colon)
 *
 * ## The route                                       subhead
 *
 * - **Politics:** A close vote.                      list; "1." "2." for an ordered one,
 * - Bus lines will change.                           "*" and "+" bullets and any numbers read too
 *
 * &gt; We waited long enough.                           quote
 * &gt; — Lina Ortiz, mayor                              optional attribution line
 *
 * ![A crowd.](media:01HZX3K8QJ5V9W2R7T4N6M8P0A "Photo: Jane Roe/Example Wire")
 *                                                    image: caption, media id, optional credit
 *
 * &lt;https://example.com/video&gt;                        embed
 * </pre>
 *
 * Inline: {@code **bold**}, {@code *italic*}, {@code ***both***}, {@code __bold__},
 * {@code [text](href)} with styled text inside the brackets, and a backslash before any ASCII
 * punctuation to make it literal. Blocks are separated by a blank line; {@link #format} writes
 * each paragraph, item and quote on one line; {@link #parse} joins the lines of a paragraph with a
 * space, accepts CRLF, and also reads a list or quote that starts without a blank line before it.
 *
 * <p>The canonical form, where the text cannot say everything a block can hold:
 * <ul>
 *   <li>Inline text has no whitespace at either end, no runs of whitespace and no line breaks; a
 *       space takes the style its neighbours share, so bold, italic and links begin and end on a
 *       visible character. {@link org.lede.content.Inline} normalizes to this on construction,
 *       as a browser would show the text anyway.</li>
 *   <li>A paragraph is never empty: the record rejects it, since no text could hold it. A quote's
 *       attribution, labels, subheads, captions and credits are one stripped line: the records make
 *       any line break a space.</li>
 *   <li>Only {@code **Label:**} opening a paragraph or list item is a label. Bold text that ends
 *       with a colon in that place is written {@code __Text:__}.</li>
 *   <li>The attribution line is recognised only after the quote's text line, so a quote whose own
 *       words begin with a dash is written on one line and reads back as text.</li>
 *   <li>Two neighbouring lists stay two blocks, because a blank line always ends a block.</li>
 *   <li>Subheads, labels, captions, attributions and credits are plain text: only the backslash,
 *       and the character that would end the field, are escaped there.</li>
 *   <li>Markup opens only before a non-space and closes only after one; without a partner it is
 *       literal, as is everything outside the subset (HTML, code, entities, "_italic_").</li>
 * </ul>
 *
 * Text that cannot be read as blocks throws a {@link org.lede.common.ValidationException} whose
 * message starts with the line number: a heading other than "##", an image line without a valid
 * {@code media:} id or credit, a link or embed to an address that is not allowed (such as
 * {@code javascript:}), a link without text, a label that is too long; and text longer than
 * {@link #MAX_LENGTH}, before any of it is read.
 */
public final class AuthoringText {
    /**
     * The longest story body, in characters of authoring text: about 30,000 words, far beyond any
     * story, and small enough that a save holds the write lock briefly and every revision's copy
     * stays small.
     */
    public static final int MAX_LENGTH = 200_000;

    private AuthoringText() {}

    /** The text of the blocks: one blank line between blocks, and a line end after the last. */
    public static String format(List<Block> blocks) {
        String text = blocks.stream()
                .map(block -> BlockWriter.write(Objects.requireNonNull(block, "block")))
                .collect(Collectors.joining("\n\n"));
        return text.isEmpty() ? text : text + "\n";
    }

    /**
     * The blocks of the text, with control characters other than tab and line feed removed.
     *
     * @throws org.lede.common.ValidationException naming the line, when the text cannot be read; naming the
     *     field {@code body}, when it is longer than {@link #MAX_LENGTH}
     */
    public static List<Block> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw new ValidationException(
                    "body",
                    String.format(
                            Locale.ROOT,
                            "The story is %,d characters long; the most a story can hold is %,d. Shorten it or split it"
                                    + " into two stories.",
                            text.length(),
                            MAX_LENGTH));
        }
        return BlockReader.read(Check.text(text));
    }
}
