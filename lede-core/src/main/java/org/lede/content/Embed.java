package org.lede.content;

import org.lede.common.Check;

/** A link to outside material, rendered as a safe link card: no third-party script runs by default. */
public record Embed(String url) implements Block {
    public Embed {
        url = Links.checkWeb(Check.required("url", url));
    }

    @Override
    public String type() {
        return "embed";
    }

    @Override
    public String plainText() {
        return url;
    }
}
