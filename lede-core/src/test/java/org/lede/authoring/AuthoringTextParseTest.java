package org.lede.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Span;
import org.lede.content.Subhead;

/** Text as a writer types it: the other spellings parse accepts, what stays literal, and what is an error. */
class AuthoringTextParseTest {
    private static final String MEDIA = AuthoringTextFormatTest.MEDIA;

    private static Paragraph paragraph(Span... spans) {
        return new Paragraph(Inline.of(spans));
    }

    static Stream<Arguments> writerText() {
        return Stream.of(
                Arguments.of(
                        "CRLF line ends and a wrapped paragraph",
                        "The council met\r\non Tuesday.\r\n\r\n## Route\r\n",
                        List.of(Paragraph.of("The council met on Tuesday."), new Subhead("Route"))),
                Arguments.of(
                        "runs of spaces, tabs and indentation",
                        "   The   council\tmet.  ",
                        List.of(Paragraph.of("The council met."))),
                Arguments.of(
                        "underscore bold",
                        "A __tight__ vote.",
                        List.of(paragraph(Span.plain("A "), Span.bold("tight"), Span.plain(" vote.")))),
                Arguments.of(
                        "underscores inside words stay",
                        "snake__case__name and some_file_name",
                        List.of(Paragraph.of("snake__case__name and some_file_name"))),
                Arguments.of(
                        "single underscores are not italics", "_not italic_", List.of(Paragraph.of("_not italic_"))),
                Arguments.of(
                        "an unclosed ** is literal",
                        "Fares rise **next year.",
                        List.of(Paragraph.of("Fares rise **next year."))),
                Arguments.of(
                        "asterisks between spaces are literal",
                        "5 * 3 * 2 = 30",
                        List.of(Paragraph.of("5 * 3 * 2 = 30"))),
                Arguments.of("four asterisks are literal", "a ****b**** c", List.of(Paragraph.of("a ****b**** c"))),
                Arguments.of(
                        "nested italic closing with the bold",
                        "**bold *and italic***",
                        List.of(paragraph(Span.bold("bold "), new Span("and italic", true, true, null)))),
                Arguments.of(
                        "bold around a link makes a bold link",
                        "**see [the map](/map) now**",
                        List.of(paragraph(
                                Span.bold("see "), new Span("the map", true, false, "/map"), Span.bold(" now")))),
                Arguments.of(
                        "brackets without an address are literal",
                        "He [the mayor] agreed. [1]",
                        List.of(Paragraph.of("He [the mayor] agreed. [1]"))),
                Arguments.of(
                        "backslash before a letter is literal",
                        "C:\\Users\\tram",
                        List.of(Paragraph.of("C:\\Users\\tram"))),
                Arguments.of(
                        "escaped block markers",
                        "\\## not a subhead\n\n\\- not a list",
                        List.of(Paragraph.of("## not a subhead"), Paragraph.of("- not a list"))),
                Arguments.of(
                        "a hashtag is a paragraph, and only \"1.\" breaks into one",
                        "#transit\n\nRidership rose in\n2024. A good year.\n1. first",
                        List.of(
                                Paragraph.of("#transit"),
                                Paragraph.of("Ridership rose in 2024. A good year."),
                                new ListBlock(true, List.of(ListItem.of("first"))))),
                Arguments.of(
                        "star and plus bullets, and a wrapped item",
                        "* one\n+ two\n  continues\n- three",
                        List.of(new ListBlock(
                                false,
                                List.of(ListItem.of("one"), ListItem.of("two continues"), ListItem.of("three"))))),
                Arguments.of(
                        "any numbers make an ordered list",
                        "3. c\n7. d",
                        List.of(new ListBlock(true, List.of(ListItem.of("c"), ListItem.of("d"))))),
                Arguments.of(
                        "a list right after a paragraph line",
                        "Three options:\n- tram\n- bus",
                        List.of(
                                Paragraph.of("Three options:"),
                                new ListBlock(false, List.of(ListItem.of("tram"), ListItem.of("bus"))))),
                Arguments.of(
                        "a change of list kind starts a new list",
                        "- a\n1. b",
                        List.of(
                                new ListBlock(false, List.of(ListItem.of("a"))),
                                new ListBlock(true, List.of(ListItem.of("b"))))),
                Arguments.of(
                        "a quote over several lines with attribution",
                        ">We waited\n> long enough.\n> —   Lina Ortiz",
                        List.of(new Quote(Inline.plain("We waited long enough."), "Lina Ortiz"))),
                Arguments.of(
                        "a lead-in label keeps inner spacing and loses its colon",
                        "**The  big picture:** Trams are back.",
                        List.of(new LeadIn("The  big picture", Inline.plain("Trams are back.")))),
                Arguments.of(
                        "a bold phrase ending with a colon without a space after is bold text",
                        "**Note:**now",
                        List.of(paragraph(Span.bold("Note:"), Span.plain("now")))),
                Arguments.of(
                        "an escaped colon makes no label",
                        "**Note\\:** now",
                        List.of(paragraph(Span.bold("Note:"), Span.plain(" now")))),
                Arguments.of(
                        "an image with Unicode caption and credit",
                        "![Aïda Amer at the “U.S.–Iran” talks](media:" + MEDIA
                                + "  \"Photo: Mikhail Metzel/TASS via Getty Images\" )",
                        List.of(new ImageBlock(
                                MEDIA,
                                "Aïda Amer at the “U.S.–Iran” talks",
                                Credit.photo("Mikhail Metzel", "TASS via Getty Images")))),
                Arguments.of(
                        "a subhead reads its escapes",
                        "## Fares \\*and\\* routes",
                        List.of(new Subhead("Fares *and* routes"))),
                Arguments.of(
                        "angle brackets with spaces are text",
                        "<3 the new tram >",
                        List.of(Paragraph.of("<3 the new tram >"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writerText")
    void readsWhatAWriterTypes(String name, String text, List<Block> expected) {
        assertEquals(expected, AuthoringText.parse(text));
    }

    static Stream<Arguments> badText() {
        return Stream.of(
                Arguments.of(
                        "an image whose media id is not an id", "Intro.\n\n![Hall](media:hall-photo)", 3, "hall-photo"),
                Arguments.of(
                        "an image pointing at a web address",
                        "![Hall](https://example.com/hall.jpg)",
                        1,
                        "![caption](media:ID"),
                Arguments.of(
                        "an image with an unknown credit kind",
                        "![Hall](media:" + MEDIA + " \"Photograph: Jane Roe\")",
                        1,
                        "Photograph"),
                Arguments.of("a javascript link", "One.\r\n\r\nSee [this](javascript:alert(1)) now.", 3, "javascript:"),
                Arguments.of("a link without text", "See [](https://example.com).", 1, "no text"),
                Arguments.of(
                        "a link with a space in its address",
                        "See [this](https://example.com/a b).",
                        1,
                        "not a valid address"),
                Arguments.of("a javascript embed", "<javascript:alert(1)>", 1, "javascript:"),
                Arguments.of("an HTML tag on its own line", "Intro.\n\n<b>bold</b>", 3, "embeds a web page"),
                Arguments.of("a first-level heading", "# Headline", 1, "##"),
                Arguments.of("a third-level heading", "A.\n\n### Small", 3, "##"),
                Arguments.of("an empty subhead", "##", 1, "Subhead must not be empty"),
                Arguments.of("a label that is too long", "**" + "x".repeat(61) + ":** text", 1, "60"),
                Arguments.of("an error in the third item of a list", "- a\n- b\n- [c](ftp://x.y)", 3, "ftp://x.y"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badText")
    void rejectsBadTextNamingTheLine(String name, String text, int line, String mentioned) {
        ValidationException e = assertThrows(ValidationException.class, () -> AuthoringText.parse(text));
        assertTrue(e.getMessage().startsWith("Line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }

    @Test
    void parsedTextFormatsToItsCanonicalSpelling() {
        String typed = "* one\n+ two\n\n**the *final* vote**  and __more__\n\n>quoted\n> — A. Writer";

        assertEquals(
                "- one\n- two\n\n**the *final* vote** and **more**\n\n> quoted\n> — A. Writer\n",
                AuthoringText.format(AuthoringText.parse(typed)));
    }
}
