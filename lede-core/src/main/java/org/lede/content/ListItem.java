package org.lede.content;

import java.util.Objects;
import org.lede.common.Check;

/** One list item; it may open with its own bold label ("Politics: ..."), else {@code label} is null. */
public record ListItem(String label, Inline text) {
    public ListItem {
        label = label == null ? null : Labels.check(Check.required("label", label));
        Objects.requireNonNull(text, "text");
    }

    public static ListItem of(String text) {
        return new ListItem(null, Inline.plain(text));
    }

    public String plainText() {
        return label == null ? text.text() : label + ": " + text.text();
    }
}
