package org.lede.story;

import java.util.Locale;
import org.lede.common.ValidationException;

public enum StoryKind {
    NEWS,
    ANALYSIS,
    OPINION,
    EXPLAINER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StoryKind parse(String key) {
        for (StoryKind kind : values()) {
            if (kind.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new ValidationException(
                "kind", "A story's kind is news, analysis, opinion or explainer, not \"" + key + "\".");
    }
}
