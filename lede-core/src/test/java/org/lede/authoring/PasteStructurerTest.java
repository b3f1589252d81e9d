package org.lede.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.CreditKind;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Span;
import org.lede.content.Subhead;

class PasteStructurerTest {
    private static String fixture(String name) throws IOException {
        try (InputStream in = PasteStructurerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ListItem item(String label, String text) {
        return new ListItem(label, Inline.plain(text));
    }

    private static LeadIn leadIn(String label, String text) {
        return new LeadIn(label, Inline.plain(text));
    }

    @Test
    void aNewsPageBecomesCaptionLedeLeadInsListsAndBio() throws IOException {
        PasteStructurer.Structured s = PasteStructurer.structure(fixture("tram-vote.txt"));

        assertNull(s.headline());
        assertEquals(
                "Riders wait at the Millbrook Road stop on the first morning of the trial service.", s.heroCaption());
        assertEquals(Credit.photo("Aïda Amer", "Harbor City Ledger"), s.heroCredit());
        List<Block> expected = List.of(
                Paragraph.of("The Harbor City council voted 7–2 on Tuesday to build a tram line from the old ferry"
                        + " terminal to the university."),
                leadIn(
                        "Why it matters",
                        "It is the first new rail line in the city in 60 years, and it replaces"
                                + " the busiest bus route in the region."),
                leadIn(
                        "The big picture",
                        "Port cities of Harbor City’s size have been reviving streetcars to pull"
                                + " growth back toward their centers."),
                Paragraph.of("Council members weighed three routes before the vote:"),
                new ListBlock(
                        false,
                        List.of(
                                ListItem.of("The waterfront route, the cheapest, along Quay Street."),
                                ListItem.of("The “university loop,” which adds two stops near campus."),
                                ListItem.of("The hospital route, which the transit board favored."))),
                Paragraph.of("What’s next, in order:"),
                new ListBlock(
                        true,
                        List.of(
                                item("Design", "Engineers will present detailed plans by March."),
                                item("Funding", "The city will apply for a state grant in the spring."),
                                item("Construction", "Work could start in 2027 if the grant comes through."))),
                leadIn("The bottom line", "Councilmember Tomás Reyes called the vote “the easy part.”"));
        assertEquals(expected, s.body());
        assertEquals("Marta Lindqvist covers transportation and city hall for the Harbor City Ledger.", s.bioLine());
    }

    @Test
    void goDeeperAndTheCardsAfterItAreDropped() throws IOException {
        PasteStructurer.Structured s = PasteStructurer.structure(fixture("tram-vote.txt"));

        String all = AuthoringText.format(s.body()) + s.bioLine();
        for (String chrome : List.of("Go deeper", "congestion fee", "Ferry ridership", "3 hours ago")) {
            assertEquals(-1, all.indexOf(chrome), chrome);
        }
    }

    @Test
    void describeListsWhatWasFound() throws IOException {
        String described = PasteStructurer.describe(PasteStructurer.structure(fixture("tram-vote.txt")));

        assertEquals("""
                hero caption: Riders wait at the Millbrook Road stop on the first morning of the trial service.\
                 (Photo: Aïda Amer/Harbor City Ledger)
                paragraphs: 3
                lead-ins: 3 (Why it matters, The big picture, The bottom line)
                lists: 2 (3 items, unordered; 3 items, ordered)
                bio line: Marta Lindqvist covers transportation and city hall for the Harbor City Ledger.""", described);
    }

    @Test
    void aHeadlineHyphenBulletsAndSpeechAfterAColon() throws IOException {
        PasteStructurer.Structured s = PasteStructurer.structure(fixture("orchard-frost.txt"));

        assertEquals("Valley growers bet on a late-blooming apple", s.headline());
        assertEquals("Frost cloth over young trees at the Greenhollow orchard.", s.heroCaption());
        assertEquals(new Credit(CreditKind.ILLUSTRATION, "Pim Okafor", null), s.heroCredit());
        List<Block> expected = List.of(
                Paragraph.of("Greenhollow, a 40-acre family orchard in the Ashby Valley, is replacing a third of its"
                        + " trees with a variety that blooms two weeks later."),
                leadIn(
                        "Driving the news",
                        "A second spring in a row of late frosts wiped out most of the valley’s" + " early blossoms."),
                leadIn("Between the lines", "Growers are hedging, not abandoning the old varieties."),
                Paragraph.of("The co-op chair said: “We can’t plant for the last century’s weather.”"),
                Paragraph.of("Three changes the co-op is making:"),
                new ListBlock(
                        false,
                        List.of(
                                ListItem.of("Pooling money for wind machines that stir warmer air over the rows"),
                                ListItem.of("Sharing one frost-alert service instead of five"),
                                ListItem.of("Testing the new variety on two farms before anyone else plants it"))),
                Paragraph.of("The first harvest from the new trees is expected in 2029."));
        assertEquals(expected, s.body());
        assertNull(s.bioLine(), "a closing sentence that opens with \"The\" is not a bio");
    }

    @Test
    void structuredBodiesSurviveTheAuthoringText() throws IOException {
        for (String name : List.of("tram-vote.txt", "orchard-frost.txt")) {
            List<Block> body = PasteStructurer.structure(fixture(name)).body();
            assertEquals(body, AuthoringText.parse(AuthoringText.format(body)), name);
        }
    }

    @Test
    void aBioNeedsThreeBlocksBeforeIt() {
        String text =
                "The council met.\n\nIt voted 7–2.\n\nJane Roe directs the Coastal Program at the Harbor Institute.";

        PasteStructurer.Structured s = PasteStructurer.structure(text);

        assertNull(s.bioLine());
        assertEquals(
                Paragraph.of("Jane Roe directs the Coastal Program at the Harbor Institute."),
                s.body().getLast());
        assertEquals(
                "Jane Roe directs the Coastal Program at the Harbor Institute.",
                PasteStructurer.structure(
                                "One.\n\nTwo.\n\nThree.\n\nJane Roe directs the Coastal Program at the Harbor Institute.")
                        .bioLine());
    }

    @Test
    void aLastParagraphThatIsNotABioStaysInTheBody() {
        String story = "One.\n\nTwo.\n\nThree.\n\n";
        for (String last : List.of(
                "Mayor Lina Ortiz said the line would open in 2030.",
                "Jane Roe directs the Coastal Program. She lives in Harbor City.",
                "Jane Roe directs the Coastal Program at the Harbor Institute",
                "Jane Roe " + "writes about ports and the people who work in them, ".repeat(4) + "mostly.",
                "Credits: Jane Roe edited this story.")) {
            PasteStructurer.Structured s = PasteStructurer.structure(story + last);
            assertNull(s.bioLine(), last);
            assertEquals(4, s.body().size(), last);
        }
    }

    @Test
    void aBioMayHaveInitialsAndAbbreviations() {
        String bio = "J. Aïda García-López is a former U.S. Navy officer and a fellow at the Harbor Institute.";

        assertEquals(
                bio,
                PasteStructurer.structure("One.\n\nTwo.\n\nThree.\n\n" + bio).bioLine());
    }

    @Test
    void labelsAreShortCapitalisedPhrasesBeforeAColonAndMoreText() {
        List<Block> body = PasteStructurer.structure("""
                Yes, but: The grant is not certain.

                East end zoning fight: Two neighborhoods oppose the depot.

                Six words is far too long here: so this stays a paragraph.

                lowercase start: stays a paragraph.

                Note:

                At 10:30 p.m. the vote closed.""").body();

        assertEquals(
                List.of(
                        leadIn("Yes, but", "The grant is not certain."),
                        leadIn("East end zoning fight", "Two neighborhoods oppose the depot."),
                        Paragraph.of("Six words is far too long here: so this stays a paragraph."),
                        Paragraph.of("lowercase start: stays a paragraph."),
                        Paragraph.of("Note:"),
                        Paragraph.of("At 10:30 p.m. the vote closed.")),
                body);
    }

    @Test
    void aCommonLabelMayIntroduceAQuotation() {
        List<Block> body = PasteStructurer.structure(
                        "What they’re saying: “It’s about time,” one rider said.\n\nThe mayor said: “Not yet.”")
                .body();

        assertEquals(
                List.of(
                        leadIn("What they’re saying", "“It’s about time,” one rider said."),
                        Paragraph.of("The mayor said: “Not yet.”")),
                body);
    }

    @Test
    void listMarkersOfEveryKindAndTheirLabels() {
        List<Block> body = PasteStructurer.structure("""
                Intro.
                    · Politics: The vote split along party lines.
                * Money: The line costs $310 million.
                - plain item
                1) First
                2. Second""").body();

        assertEquals(
                List.of(
                        Paragraph.of("Intro."),
                        new ListBlock(
                                false,
                                List.of(
                                        item("Politics", "The vote split along party lines."),
                                        item("Money", "The line costs $310 million."),
                                        ListItem.of("plain item"))),
                        new ListBlock(true, List.of(ListItem.of("First"), ListItem.of("Second")))),
                body);
    }

    @Test
    void whitespaceIsCleanedButQuotesAndDashesAreKept() {
        PasteStructurer.Structured s = PasteStructurer.structure(
                "It\u00a0was  a\t“close” vote —\u202fsome say ‘too close’ –\r\nbut it passed.\r\n");

        assertEquals(List.of(Paragraph.of("It was a “close” vote — some say ‘too close’ – but it passed.")), s.body());
    }

    @Test
    void aFirstLineWithoutACreditIsNotACaption() {
        PasteStructurer.Structured s = PasteStructurer.structure(
                "The photo desk met on Monday.\n\nPhoto: editors chose three frames.\n\nVideo: a long one follows.");

        assertNull(s.heroCaption());
        assertNull(s.heroCredit());
        assertEquals(Paragraph.of("The photo desk met on Monday."), s.body().getFirst());
    }

    @Test
    void aSentenceAfterPhotoColonIsNotACredit() {
        PasteStructurer.Structured s = PasteStructurer.structure(
                "The show, titled Photo: A Life in Frames, opens Friday.\n\nTickets are free.");

        assertNull(s.heroCredit());
        assertEquals(2, s.body().size());
    }

    @Test
    void aCreditAloneGivesNoCaptionAndIsDescribed() {
        PasteStructurer.Structured s = PasteStructurer.structure("Video: Sam Lee/Harbor TV\n\nThe tram ran.");

        assertNull(s.heroCaption());
        assertEquals(new Credit(CreditKind.VIDEO, "Sam Lee", "Harbor TV"), s.heroCredit());
        assertEquals("""
                hero credit: Video: Sam Lee/Harbor TV
                paragraphs: 1
                lead-ins: 0
                lists: 0""", PasteStructurer.describe(s));
    }

    @Test
    void aProposedHeadlineIsTheLedesFirstSentenceCutAtAWordWithoutAnEllipsis() {
        assertEquals(
                "Ferries run late",
                PasteStructurer.proposedHeadline(
                        List.of(new Subhead("Not this"), Paragraph.of("Ferries run late. The board voted."))));
        assertEquals("Ferries run late", PasteStructurer.proposedHeadline(List.of(Paragraph.of("Ferries run late…"))));
        assertEquals(
                "Ferries run late", PasteStructurer.proposedHeadline(List.of(Paragraph.of("Ferries run late..."))));
        String words = "word ".repeat(22) + "commas, and more words that go on";
        assertEquals("word ".repeat(22) + "commas", PasteStructurer.proposedHeadline(List.of(Paragraph.of(words))));
        String one = "x".repeat(130);
        assertEquals("x".repeat(120), PasteStructurer.proposedHeadline(List.of(Paragraph.of(one))));
        assertEquals(
                "Only a list",
                PasteStructurer.proposedHeadline(List.of(new ListBlock(false, List.of(ListItem.of("Only a list."))))));
        assertEquals("", PasteStructurer.proposedHeadline(List.of()));
    }

    @Test
    void htmlFromAWordProcessorReadsAsThePlainTextWould() {
        PasteStructurer.Structured s = PasteStructurer.structureHtml("""
                <html><head><style>p{}</style></head><body>
                <h1>Tram line <i>approved</i></h1>
                <p class=MsoNormal>Riders wait at the stop. Photo: Aïda Amer/Harbor City Ledger</p>
                <p class=MsoNormal>The council voted 7–2 on Tuesday.</p>
                <p><b>Why it matters:</b> It is the first new line in 60 years.</p>
                <p>The big picture: Port cities revive streetcars.</p>
                <p class=MsoListParagraph><!--[if !supportLists]-->·&nbsp;<!--[endif]-->The waterfront route.</p>
                <p class=MsoListParagraph>· The university loop.</p>
                <p>1. First</p><p>2. Second</p>
                <ul><li>Real list</li></ul>
                <p><i>· Styled bullets stay paragraphs</i></p>
                <p>Jane Roe covers transit for the Ledger.</p>
                <h2>Go deeper</h2><p>Related story</p>
                </body></html>""");

        assertEquals("Tram line approved", s.headline());
        assertEquals("Riders wait at the stop.", s.heroCaption());
        assertEquals(Credit.photo("Aïda Amer", "Harbor City Ledger"), s.heroCredit());
        assertEquals("Jane Roe covers transit for the Ledger.", s.bioLine());
        assertEquals(
                List.of(
                        Paragraph.of("The council voted 7–2 on Tuesday."),
                        leadIn("Why it matters", "It is the first new line in 60 years."),
                        leadIn("The big picture", "Port cities revive streetcars."),
                        new ListBlock(
                                false,
                                List.of(ListItem.of("The waterfront route."), ListItem.of("The university loop."))),
                        new ListBlock(true, List.of(ListItem.of("First"), ListItem.of("Second"))),
                        new ListBlock(false, List.of(ListItem.of("Real list"))),
                        new Paragraph(Inline.of(Span.italic("· Styled bullets stay paragraphs")))),
                s.body());
        assertEquals(
                List.of(
                        "stylesheet left out: the site has its own",
                        "comment left out (2 times)",
                        "\"Go deeper\" and what follows left out: the page's related stories"),
                s.report());
        assertTrue(PasteStructurer.describe(s).contains("simplified: comment left out (2 times)"));
    }

    @Test
    void htmlWithoutCaptionOrBioKeepsEveryParagraph() {
        PasteStructurer.Structured s =
                PasteStructurer.structureHtml("<p>Just one line.</p><p>Jane Roe covers transit.</p>");

        assertNull(s.headline());
        assertNull(s.heroCaption());
        assertNull(s.bioLine());
        assertEquals(List.of(Paragraph.of("Just one line."), Paragraph.of("Jane Roe covers transit.")), s.body());
        assertEquals(
                List.of(), PasteStructurer.structureHtml("<ul><li>a</li></ul>").report());
    }
}
