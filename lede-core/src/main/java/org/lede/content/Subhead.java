package org.lede.content;

import org.lede.common.Check;

public record Subhead(String text) implements Block {
    public Subhead {
        text = Check.required("subhead", text);
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
