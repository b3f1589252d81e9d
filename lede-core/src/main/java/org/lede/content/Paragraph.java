package org.lede.content;

import java.util.Objects;

public record Paragraph(Inline text) implements Block {
    public Paragraph {
        Objects.requireNonNull(text, "text");
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
