package org.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProperNamesTest {

    @Test
    void runsOfCapitalizedWordsMidSentenceAreNames() {
        assertEquals(
                List.of("Hassan Rouhani", "New York", "Bank of England"),
                ProperNames.in("On Monday the talks with Hassan Rouhani moved to New York and the Bank of England."));
    }

    @Test
    void aSentencesFirstWordIsANameOnlyWhenCapitalizedElsewhere() {
        assertEquals(List.of("Lagos"), ProperNames.in("Officials met. Lagos is big. They left Lagos."));
        assertEquals(List.of(), ProperNames.in("Officials met. Prices rose."));
        assertEquals(List.of("Amara Diallo"), ProperNames.in("Amara Diallo won."));
        assertEquals(List.of("White House"), ProperNames.in("The White House spoke."));
    }

    @Test
    void punctuationEndsANameAndJoinersNeedANameOnBothSides() {
        assertEquals(List.of("Paris", "France"), ProperNames.in("We flew to Paris, France in May of."));
        assertEquals(List.of("Charles de Gaulle"), ProperNames.in("It is named for Charles de Gaulle of 1944."));
    }

    @Test
    void acronymsCountButSingleLettersDoNot() {
        assertEquals(List.of("NATO"), ProperNames.in("The leaders of NATO said I would go."));
        assertEquals(List.of(), ProperNames.in(""));
        assertEquals(List.of(), ProperNames.in(null));
    }

    @Test
    void namesAreListedOnceInOrderOfFirstAppearance() {
        assertEquals(
                List.of("Kenya", "Uganda"),
                ProperNames.in("Rain fell in Kenya and Uganda.\nThen it fell in Kenya again."));
    }
}
