package org.lede.story;

import java.time.Instant;
import java.util.Objects;
import org.lede.common.Check;

/** A correction shown on the story page: when it was made and what it says. */
public record Correction(Instant at, String text) {
    public Correction {
        Objects.requireNonNull(at, "at");
        text = Check.maxLength("correction", Check.required("correction", text), 1000);
    }
}
