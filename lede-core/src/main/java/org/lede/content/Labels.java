package org.lede.content;

import java.util.List;
import org.lede.common.Check;
import org.lede.common.ValidationException;

/** Lead-in labels: the common smart-brevity ones, though any short label is allowed. */
public final class Labels {
    public static final String WHY_IT_MATTERS = "Why it matters";
    public static final String BIG_PICTURE = "The big picture";
    public static final List<String> COMMON = List.of(
            WHY_IT_MATTERS,
            BIG_PICTURE,
            "The bottom line",
            "Between the lines",
            "Driving the news",
            "Yes, but",
            "What's next",
            "What they're saying",
            "By the numbers",
            "Go deeper",
            "Details",
            "Context",
            "Flashback",
            "The other side",
            "Zoom in",
            "Zoom out");
    static final int MAX = 60;

    private Labels() {}

    static String check(String label) {
        Check.maxLength("label", label, MAX);
        if (label.endsWith(":") || label.contains("\n") || label.contains("*")) {
            throw new ValidationException(
                    "label",
                    "A lead-in label is a short phrase without a colon, line break or asterisk: \"" + label + "\".");
        }
        return label;
    }
}
