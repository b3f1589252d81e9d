package org.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProperNamesTest {

    @Test
    void runsOfCapitalizedWordsMidSentenceAreNames() {
        assertEquals(
                List.of("Hassan Rouhani", "New York", "Bank of England"),
                ProperNames.in("On Monday the talks with Hassan Rouhani moved to New York and the Bank of England."));
        assertEquals(List.of("Hassan Rouhani"), ProperNames.in("Talks with Hassan Rouhani"));
    }

    @Test
    void aSentencesFirstWordIsANameOnlyWhenCapitalizedElsewhere() {
        assertEquals(List.of("Lagos"), ProperNames.in("Officials met. Lagos is big. They left Lagos."));
        assertEquals(List.of(), ProperNames.in("Officials met. Prices rose."));
        assertEquals(List.of("Amara Diallo"), ProperNames.in("Amara Diallo won."));
        assertEquals(List.of("White House"), ProperNames.in("The White House spoke."));
        // Listed where first seen, though only a later mention shows the first one is a name.
        assertEquals(
                List.of("Lagos", "Abuja"), ProperNames.in("Lagos is big. Abuja is too. They left Abuja and Lagos."));
    }

    @Test
    void punctuationEndsANameAndJoinersNeedANameOnBothSides() {
        assertEquals(List.of("Paris", "France"), ProperNames.in("We flew to Paris, France in May of."));
        assertEquals(List.of("Charles de Gaulle"), ProperNames.in("It is named for Charles de Gaulle of 1944."));
        // The longest joiners, and a word just longer than they are, which joins nothing.
        assertEquals(
                List.of("Ludwig van Beethoven", "Khalid bin Rashed", "Ana", "Lopez"),
                ProperNames.in("We heard Ludwig van Beethoven and Khalid bin Rashed, then Ana dela Lopez."));
        assertEquals(List.of("Maria de la Cruz"), ProperNames.in("It was Maria de la Cruz who spoke."));
        assertEquals(List.of("Rome"), ProperNames.in("We left Rome of de la old."));
    }

    @Test
    void acronymsCountButSingleLettersAndShoutedWordsDoNot() {
        assertEquals(List.of("NATO"), ProperNames.in("The leaders of NATO said I would go."));
        assertEquals(List.of("EU", "G7"), ProperNames.in("Leaders of the EU and the G7 said DON'T panic, A to Z."));
        assertEquals(List.of(), ProperNames.in(""));
        assertEquals(List.of(), ProperNames.in(null));
    }

    /** Every ASCII character and some beyond it inside a name's word: the word goes on or ends there. */
    @Test
    void aWordIsLettersAndDigitsAsJavaClassifiesThemJoinedByInnerApostrophesAndHyphens() {
        eachCharacter(c -> {
            String word = "Ab" + Character.toString(c) + "Cd";
            // Before a letter an apostrophe or a hyphen is inside the word; a space joins two words of a name.
            boolean whole = Character.isLetterOrDigit(c) || c == '\'' || c == '’' || c == '-' || c == ' ';
            assertEquals(
                    whole,
                    ProperNames.in("Reports name " + word + " today.").contains(word),
                    () -> "U+" + Integer.toHexString(c));
        });
    }

    @Test
    void anApostropheOrHyphenJoinsAWordOnlyBeforeALetter() {
        eachCharacter(c -> {
            String word = "Ab-" + Character.toString(c) + "d";
            assertEquals(
                    Character.isLetter(c),
                    ProperNames.in("Reports name " + word + " today.").contains(word),
                    () -> "U+" + Integer.toHexString(c));
        });
        assertEquals(List.of("O’Brien", "Smith-Jones"), ProperNames.in("It was O’Brien and Smith-Jones."));
        assertEquals(List.of("Smith", "Jones"), ProperNames.in("Signed by Smith- and Jones'"));
    }

    private static void eachCharacter(IntConsumer check) {
        IntStream extra =
                IntStream.of(0xA0, 0xDF, 0xE9, 0xC9, 0x416, 0x4E2D, 0x663, 0x2014, 0x2019, 0x1D400, 0x1D7CE, 0x1F600);
        IntStream.concat(IntStream.range(0, 0x80), extra).forEach(check);
    }

    @Test
    void namesAreListedOnceInOrderOfFirstAppearance() {
        assertEquals(
                List.of("Kenya", "Uganda"),
                ProperNames.in("Rain fell in Kenya and Uganda.\nThen it fell in Kenya again."));
    }
}
