package org.lede.content;

import java.util.Objects;
import org.lede.common.Check;

/** A quotation; {@code attribution} ("Jane Doe, mayor") may be null, and is one line. */
public record Quote(Inline text, String attribution) implements Block {
    public Quote {
        Objects.requireNonNull(text, "text");
        attribution = Check.optional(attribution);
    }

    @Override
    public String type() {
        return "quote";
    }

    @Override
    public String plainText() {
        return attribution == null ? text.text() : text.text() + " (" + attribution + ")";
    }
}
