package org.lede.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.CreditKind;
import org.lede.content.Embed;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Span;
import org.lede.content.Subhead;

/** Each block and inline style, written as text; every row is also read back to the same block. */
class AuthoringTextFormatTest {
    static final String MEDIA = "01HZX3K8QJ5V9W2R7T4N6M8P0A";

    static Span both(String text) {
        return new Span(text, true, true, null);
    }

    static Paragraph paragraph(Span... spans) {
        return new Paragraph(Inline.of(spans));
    }

    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of(
                        "plain paragraph with Unicode",
                        Paragraph.of("Aïda Amer said the U.S.–Iran talks were “close” but didn’t end."),
                        "Aïda Amer said the U.S.–Iran talks were “close” but didn’t end."),
                Arguments.of(
                        "bold, italic and both",
                        paragraph(
                                Span.plain("A "),
                                Span.bold("big"),
                                Span.plain(", "),
                                Span.italic("small"),
                                Span.plain(" and "),
                                both("mixed"),
                                Span.plain(" vote.")),
                        "A **big**, *small* and ***mixed*** vote."),
                Arguments.of(
                        "bold then italic with nothing between",
                        paragraph(Span.bold("tram"), Span.italic("line")),
                        "**tram***line*"),
                Arguments.of(
                        "italic inside bold",
                        paragraph(Span.bold("the "), both("final"), Span.bold(" vote")),
                        "**the *final* vote**"),
                Arguments.of(
                        "link",
                        paragraph(
                                Span.plain("Read "),
                                Span.link("the plan", "https://harbor.example/plan"),
                                Span.plain(".")),
                        "Read [the plan](https://harbor.example/plan)."),
                Arguments.of(
                        "styled text inside a link",
                        paragraph(new Span("x", true, false, "https://a.b")),
                        "[**x**](https://a.b)"),
                Arguments.of(
                        "link text in two styles, and parentheses in the address",
                        paragraph(
                                new Span("Tram", false, true, "https://wiki.example/Tram_(rail)"),
                                Span.link(" history", "https://wiki.example/Tram_(rail)")),
                        "[*Tram* history](https://wiki.example/Tram_\\(rail\\))"),
                Arguments.of(
                        "brackets inside link text are escaped",
                        paragraph(Span.link("[sic]", "/notes")),
                        "[\\[sic\\]](/notes)"),
                Arguments.of(
                        "literal markup characters are escaped",
                        Paragraph.of("5 * 3 = 15, snake_case, __init__, [sic], a\\b and [x](y)"),
                        "5 \\* 3 = 15, snake_case, \\_\\_init\\_\\_, [sic], a\\\\b and [x\\](y)"),
                Arguments.of("subhead marker at the start", Paragraph.of("# of riders rose."), "\\# of riders rose."),
                Arguments.of("quote marker at the start", Paragraph.of("> not a quote"), "\\> not a quote"),
                Arguments.of("dash at the start", Paragraph.of("-5 degrees at dawn."), "\\-5 degrees at dawn."),
                Arguments.of("plus at the start", Paragraph.of("+1 for the plan."), "\\+1 for the plan."),
                Arguments.of("asterisk at the start", Paragraph.of("* not a bullet"), "\\* not a bullet"),
                Arguments.of("image marker at the start", Paragraph.of("![x](media:y)"), "\\![x\\](media:y)"),
                Arguments.of("embed marker at the start", Paragraph.of("<https://a.b>"), "\\<https://a.b>"),
                Arguments.of("number and dot at the start", Paragraph.of("1. Not a list."), "1\\. Not a list."),
                Arguments.of(
                        "a decimal at the start needs no escape",
                        Paragraph.of("12.5 percent voted."),
                        "12.5 percent voted."),
                Arguments.of(
                        "bold text ending with a colon is not a label",
                        paragraph(Span.bold("Note:"), Span.plain(" the vote is final.")),
                        "__Note:__ the vote is final."),
                Arguments.of(
                        "bold colon text followed by bold italic",
                        paragraph(Span.bold("Note:"), both("now"), Span.plain(" go")),
                        "__Note:*now*__ go"),
                Arguments.of(
                        "lead-in",
                        new LeadIn("Why it matters", Inline.plain("It is the first new line in 60 years.")),
                        "**Why it matters:** It is the first new line in 60 years."),
                Arguments.of(
                        "lead-in with styled text and a label with a colon inside",
                        new LeadIn("Q: and A", Inline.of(Span.italic("Yes"), Span.plain(", mostly."))),
                        "**Q: and A:** *Yes*, mostly."),
                Arguments.of(
                        "lead-in without text",
                        new LeadIn("By the numbers", new Inline(List.of())),
                        "**By the numbers:**"),
                Arguments.of("subhead", new Subhead("Where the line runs"), "## Where the line runs"),
                Arguments.of("subhead with a backslash", new Subhead("Paths \\ roads"), "## Paths \\\\ roads"),
                Arguments.of(
                        "unordered list with a label",
                        new ListBlock(
                                false,
                                List.of(
                                        new ListItem("Politics", Inline.plain("A close vote.")),
                                        ListItem.of("Bus routes change."))),
                        "- **Politics:** A close vote.\n- Bus routes change."),
                Arguments.of(
                        "ordered list",
                        new ListBlock(
                                true, List.of(ListItem.of("Design"), ListItem.of("Funding"), ListItem.of("Build"))),
                        "1. Design\n2. Funding\n3. Build"),
                Arguments.of(
                        "list item of bold text ending with a colon",
                        new ListBlock(
                                false, List.of(new ListItem(null, Inline.of(Span.bold("Cost:"), Span.plain(" high"))))),
                        "- __Cost:__ high"),
                Arguments.of(
                        "list item that starts like a list item",
                        new ListBlock(false, List.of(ListItem.of("- dash"), ListItem.of("2. two"))),
                        "- \\- dash\n- 2\\. two"),
                Arguments.of(
                        "empty list items",
                        new ListBlock(true, List.of(ListItem.of(""), ListItem.of("b"))),
                        "1.\n2. b"),
                Arguments.of(
                        "quote with attribution",
                        new Quote(Inline.plain("We waited long enough."), "Lina Ortiz, mayor"),
                        "> We waited long enough.\n> — Lina Ortiz, mayor"),
                Arguments.of("quote without attribution", new Quote(Inline.plain("Finally."), null), "> Finally."),
                Arguments.of(
                        "quote whose words begin with a dash",
                        new Quote(Inline.plain("— and then nothing."), null),
                        "> — and then nothing."),
                Arguments.of(
                        "quote of only an attribution",
                        new Quote(new Inline(List.of()), "Anonymous"),
                        ">\n> — Anonymous"),
                Arguments.of(
                        "image with caption and credit",
                        new ImageBlock(
                                MEDIA, "A crowd outside the hall.", Credit.parse("Photo: Jane Roe/Example Wire")),
                        "![A crowd outside the hall.](media:" + MEDIA + " \"Photo: Jane Roe/Example Wire\")"),
                Arguments.of(
                        "image with brackets and quotes",
                        new ImageBlock(
                                MEDIA, "The [old] hall", new Credit(CreditKind.GRAPHIC, "Lee \"Doc\" Park", null)),
                        "![The \\[old\\] hall](media:" + MEDIA + " \"Graphic: Lee \\\"Doc\\\" Park\")"),
                Arguments.of(
                        "image with a credit only",
                        new ImageBlock(MEDIA, null, Credit.illustration("Pim Okafor", null)),
                        "![](media:" + MEDIA + " \"Illustration: Pim Okafor\")"),
                Arguments.of("image with neither", new ImageBlock(MEDIA, null, null), "![](media:" + MEDIA + ")"),
                Arguments.of(
                        "embed",
                        new Embed("https://video.example.com/watch?v=a_b"),
                        "<https://video.example.com/watch?v=a_b>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void formatsTheBlock(String name, Block block, String text) {
        assertEquals(text + "\n", AuthoringText.format(List.of(block)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void parsesTheTextBack(String name, Block block, String text) {
        assertEquals(List.of(block), AuthoringText.parse(text));
    }

    @Test
    void blocksAreSeparatedByOneBlankLine() {
        List<Block> blocks = List.of(
                new Subhead("Route"),
                Paragraph.of("One."),
                new ListBlock(false, List.of(ListItem.of("a"))),
                new ListBlock(false, List.of(ListItem.of("b"))));

        String text = AuthoringText.format(blocks);

        assertEquals("## Route\n\nOne.\n\n- a\n\n- b\n", text);
        assertEquals(blocks, AuthoringText.parse(text), "two neighbouring lists stay two lists");
    }

    @Test
    void noBlocksIsNoText() {
        assertEquals("", AuthoringText.format(List.of()));
        assertEquals(List.of(), AuthoringText.parse(""));
        assertEquals(List.of(), AuthoringText.parse("\n \r\n\t\n"));
    }
}
