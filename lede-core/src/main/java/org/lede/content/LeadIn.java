package org.lede.content;

import java.util.Objects;
import org.lede.common.Check;

/** A paragraph that opens with a bold label such as "Why it matters". The label is kept without its colon. */
public record LeadIn(String label, Inline text) implements Block {
    public LeadIn {
        label = Labels.check(Check.required("label", label));
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
        return "lead-in";
    }

    @Override
    public String plainText() {
        return label + ": " + text.text();
    }
}
