package org.lede.content;

import org.lede.common.Check;
import org.lede.common.ValidationException;

public record Subhead(String text) implements Block {
    public Subhead {
        text = Check.required("subhead", text);
        if (text.contains("\n")) {
            throw new ValidationException("subhead", "A subhead is one line.");
        }
    }

    @Override
    public String type() {
        return "subhead";
    }

    @Override
    public String plainText() {
        return text;
    }
}
