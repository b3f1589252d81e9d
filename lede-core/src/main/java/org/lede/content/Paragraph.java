package org.lede.content;

import java.util.Objects;
import org.lede.common.ValidationException;

/** A paragraph of inline text. It is never empty: an empty paragraph has no written form, not even a blank line. */
public record Paragraph(Inline text) implements Block {
    public Paragraph {
        Objects.requireNonNull(text, "text");
        if (text.spans().isEmpty()) {
            throw new ValidationException("text", "A paragraph must not be empty.");
        }
    }

    public static Paragraph of(String text) {
        return new Paragraph(Inline.plain(text));
    }

    @Override
    public String type() {
        return "paragraph";
    }

    @Override
    public String plainText() {
        return text.text();
    }
}
