package org.lede.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceTest {
    @Test
    void eachKindIsCountedAndItsFirstTenNamed() {
        List<Reference> uses = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            uses.add(Reference.story("S" + i, true));
        }
        uses.add(new Reference(Reference.Kind.DASHBOARD, "D"));
        assertEquals(
                "used by 11 published stories: “S1”, “S2”, “S3”, “S4”, “S5”, “S6”, “S7”, “S8”, “S9”, “S10”, and 1"
                        + " more; 1 dashboard: “D”.",
                Reference.describe(uses));
    }

    @Test
    void usersCountedAndNotNamedAddToTheirKindsCount() {
        List<Reference> uses = List.of(
                Reference.story("A", false), Reference.more(Reference.Kind.OTHER_STORY, 4), Reference.story("B", true));
        assertEquals(
                "used by 1 published story: “B”; 5 stories not published: “A”, and 4 more.", Reference.describe(uses));
    }

    @Test
    void storiesSharingAHeadlineEachCountAndTheHeadlineIsNamedOnce() {
        assertEquals(
                "used by 2 published stories: “A”, and 1 more.",
                Reference.describe(List.of(Reference.story("A", true), Reference.story("A", true))));
    }

    @Test
    void aRefusalNamesWhatToChangeAndNothingIsRefusedWithoutUsers() {
        Reference.refuseWhileUsed("it", List.of(), "Never mind.");
        ConflictException refused = assertThrows(
                ConflictException.class,
                () -> Reference.refuseWhileUsed(
                        "it", List.of(new Reference(Reference.Kind.AUTHOR, "Ana")), "Take it off first."));
        assertEquals("Cannot delete it: used by 1 author: “Ana”. Take it off first.", refused.getMessage());
    }
}
