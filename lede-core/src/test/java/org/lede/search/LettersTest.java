package org.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LettersTest {
    /** Every code point, so the ASCII answers and the rest agree with Character at each boundary. */
    @Test
    void everyCodePointIsClassifiedAsCharacterClassifiesIt() {
        for (int c = Character.MIN_CODE_POINT; c <= Character.MAX_CODE_POINT; c++) {
            if (Letters.letterOrDigit(c) != Character.isLetterOrDigit(c)
                    || Letters.letter(c) != Character.isLetter(c)) {
                assertEquals(
                        Character.isLetterOrDigit(c),
                        Letters.letterOrDigit(c),
                        "letter or digit U+" + Integer.toHexString(c));
                assertEquals(Character.isLetter(c), Letters.letter(c), "letter U+" + Integer.toHexString(c));
            }
        }
    }
}
