package org.lede.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CheckTest {
    @Test
    void oneLineLosesControlCharactersAndBreaksLinesWithSpaces() {
        assertEquals("Ferry fares frozen", Check.required("headline", "Ferry\u0000 fares\u0007 \u001bfrozen\u007f"));
        assertEquals("Ferry fares frozen", Check.line("Ferry\r\nfares\tfrozen"));
        assertEquals("a b c", Check.line("a\u2028b\u2029c"));
        assertEquals("ab", Check.line("a\u0085b"), "C1 controls too");
        assertNull(Check.optional("\u0000\u0007\n"), "nothing but controls is nothing");
        assertThrows(ValidationException.class, () -> Check.required("headline", "\u0000"));
    }

    @Test
    void bidiFormattingIsKeptForRightToLeftWriters() {
        String hebrew = "\u05E9\u05DC\u05D5\u05DD \u2066Lede\u2069 \u202Eabc\u202C \u200F";
        assertEquals(hebrew.strip(), Check.optional(hebrew));
    }

    @Test
    void manyLinesKeepTabsAndLineFeedsOnly() {
        assertEquals("one\n\ttwo\nthree\nfour", Check.text("one\r\n\ttwo\rthree\u2028fo\u0000u\u001br"));
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String text = "The council voted on Tuesday.";
        assertSame(text, Check.line(text));
        assertSame(text, Check.text(text));
    }
}
