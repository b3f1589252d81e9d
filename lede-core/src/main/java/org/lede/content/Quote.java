package org.lede.content;

import java.util.Objects;
import org.lede.common.Check;
import org.lede.common.ValidationException;

/** A quotation; {@code attribution} ("Jane Doe, mayor") may be null, and is one line. */
public record Quote(Inline text, String attribution) implements Block {
    public Quote {
        Objects.requireNonNull(text, "text");
        attribution = Check.optional(attribution);
        if (attribution != null && attribution.contains("\n")) {
            throw new ValidationException("attribution", "An attribution is one line.");
        }
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
