package org.lede.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.common.ValidationException;
import org.lede.content.Inline;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Span;

/** The canonical form the content records keep, so that the text form can hold every valid value. */
class InlineCanonicalFormTest {
    @Test
    void whitespaceRunsAndLineBreaksBecomeOneSpaceAndTheEndsAreTrimmed() {
        Inline inline = Inline.of(Span.plain(" \tThe  council\n"), Span.plain("\r\nmet. "));

        assertEquals(List.of(Span.plain("The council met.")), inline.spans());
    }

    @Test
    void plainTextCollapsesByTheSameRuleWhetherOrNotItIsAlreadyCollapsed() {
        assertEquals("The council met.", Inline.collapse("The council met."));
        assertEquals("10\u2009000 riders", Inline.collapse("10\u2009000 riders"));
        assertEquals("a", Inline.collapse("a"));
        assertEquals("", Inline.collapse(""));
        assertEquals("a b", Inline.collapse(" a b"));
        assertEquals("a b", Inline.collapse("a b "));
        assertEquals("a b", Inline.collapse("a  b"));
        assertEquals("a b", Inline.collapse("a\tb"));
        assertEquals("a b", Inline.collapse("a\u2009\u2009b"));
        assertEquals("", Inline.collapse(" "));
    }

    @Test
    void aSingleThinOrNonBreakingSpaceIsKept() {
        assertEquals(
                "10\u2009000 riders\u00a0a day",
                Inline.plain("10\u2009000 riders\u00a0a day").text());
        assertEquals("a b", Inline.plain("a\u2009 b").text());
    }

    @Test
    void spacesAtTheEdgeOfAStyleMoveOutside() {
        Inline inline =
                Inline.of(Span.plain("a"), Span.bold(" b "), Span.plain("c"), Span.link(" d ", "/x"), Span.plain("e"));

        assertEquals(
                List.of(Span.plain("a "), Span.bold("b"), Span.plain(" c "), Span.link("d", "/x"), Span.plain(" e")),
                inline.spans());
    }

    @Test
    void aSpaceBetweenTwoBoldWordsIsBold() {
        Inline inline = Inline.of(Span.bold("the"), Span.plain(" "), new Span("final", true, true, null));

        assertEquals(List.of(Span.bold("the "), new Span("final", true, true, null)), inline.spans());
    }

    @Test
    void aSpaceNextToALinkIsPlain() {
        Inline inline = Inline.of(Span.italic("read "), new Span("this", false, true, "/x"), Span.italic(" now"));

        assertEquals(
                List.of(
                        Span.italic("read"),
                        Span.plain(" "),
                        new Span("this", false, true, "/x"),
                        Span.plain(" "),
                        Span.italic("now")),
                inline.spans());
        assertEquals("*read* [*this*](/x) *now*\n", AuthoringText.format(List.of(new Paragraph(inline))));
    }

    @Test
    void anEmptyParagraphIsRejected() {
        assertThrows(ValidationException.class, () -> new Paragraph(Inline.plain(" \n ")));
    }

    @Test
    void anAttributionIsOneLine() {
        assertEquals("Lina Ortiz, mayor", new Quote(Inline.plain("Yes."), "Lina Ortiz,\nmayor").attribution());
    }

    @Test
    void textAlreadyInCanonicalFormIsKeptAsItIs() {
        List<Span> spans = List.of(
                Span.plain("10\u2009000 riders "),
                Span.bold("a day"),
                Span.plain(" and "),
                new Span("more", false, true, "/x"),
                Span.plain("."));

        assertEquals(spans, new Inline(spans).spans());
        List<Span> boldSpace = List.of(Span.bold("the "), new Span("end", true, true, null));
        assertEquals(boldSpace, new Inline(boldSpace).spans());
    }

    @Test
    void emptySpansGoAndNeighboursOfOneStyleMerge() {
        assertEquals(
                List.of(Span.plain("a b")),
                Inline.of(Span.plain("a"), Span.bold(""), Span.plain(" b")).spans());
        assertEquals(
                List.of(Span.bold("ab")),
                Inline.of(Span.bold("a"), Span.bold("b")).spans());
    }

    @Test
    void aLoneTabOrLineSeparatorBecomesASpace() {
        assertEquals("a b", Inline.plain("a\tb").text());
        assertEquals("a b", Inline.plain("a\u2028b").text());
    }

    @Test
    void spacesMeetingAtTheEdgeOfTwoSpansBecomeOne() {
        assertEquals(
                List.of(Span.plain("a "), Span.bold("b")),
                Inline.of(Span.plain("a "), Span.bold(" b")).spans());
        assertEquals(
                List.of(Span.plain("a "), Span.bold("b")),
                Inline.of(Span.plain("a\u2009"), Span.bold(" b")).spans());
    }

    @Test
    void aSpaceEndingOrStartingASpanTakesTheStyleItsNeighboursShare() {
        assertEquals(
                List.of(Span.bold("a"), Span.plain(" b")),
                Inline.of(Span.bold("a "), Span.plain("b")).spans());
        assertEquals(
                List.of(Span.plain("a "), Span.bold("b")),
                Inline.of(Span.plain("a"), Span.bold(" b")).spans());
        assertEquals(
                List.of(Span.plain("a "), Span.italic("b")),
                Inline.of(Span.plain("a"), Span.bold(" "), Span.italic("b")).spans());
    }

    @Test
    void aSpaceAtEitherEndGoes() {
        assertEquals(List.of(Span.bold("a")), Inline.of(Span.bold(" a")).spans());
        assertEquals(List.of(Span.bold("a")), Inline.of(Span.bold("a ")).spans());
    }
}
