package org.lede.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void aSlugIsItsOwnSlug() {
        assertEquals("city-council-2026", Slugs.slugify("city-council-2026"));
    }

    @Test
    void textIsFoldedToLowerCaseAsciiWithSingleHyphens() {
        assertEquals("aida-s-new-home", Slugs.slugify("  Aïda:  s New   Home! "));
        assertEquals("mayors-plan", Slugs.slugify("Mayor’s plan"));
        assertEquals("a-b", Slugs.slugify("a--b"));
        assertEquals("a-b", Slugs.slugify("-a-b-"));
        assertEquals("abc", Slugs.slugify("ABC"));
        assertEquals("untitled", Slugs.slugify("!!!"));
        assertEquals("untitled", Slugs.slugify(null));
    }

    @Test
    void aLongSlugIsCutAtAWordWithinTheLimit() {
        String word = "abcdefghi-";
        String eightyOne = word.repeat(8) + "x";

        assertEquals(word.repeat(7) + "abcdefghi", Slugs.slugify(eightyOne));
        assertEquals(word.repeat(7) + "abcdefghi", Slugs.slugify(word.repeat(8).substring(0, 79)));
        String eighty = word.repeat(7) + "abcdefghij";
        assertEquals(eighty, Slugs.slugify("A" + eighty.substring(1)), "a slug of exactly the limit is kept whole");
    }

    @Test
    void checkRejectsWhatIsNotASlug() {
        assertEquals("a-b", Slugs.check("slug", "a-b"));
        assertEquals("a".repeat(80), Slugs.check("slug", "a".repeat(80)));
        assertThrows(ValidationException.class, () -> Slugs.check("slug", "A-b"));
        assertThrows(ValidationException.class, () -> Slugs.check("slug", "a--b"));
        assertThrows(ValidationException.class, () -> Slugs.check("slug", "a".repeat(81)));
        assertThrows(ValidationException.class, () -> Slugs.check("slug", null));
    }
}
