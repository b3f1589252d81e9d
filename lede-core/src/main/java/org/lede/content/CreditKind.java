package org.lede.content;

import java.util.Locale;
import org.lede.common.ValidationException;

public enum CreditKind {
    PHOTO("Photo"),
    ILLUSTRATION("Illustration"),
    VIDEO("Video"),
    GRAPHIC("Graphic");

    private final String label;

    CreditKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CreditKind parse(String text) {
        for (CreditKind kind : values()) {
            if (kind.label.equalsIgnoreCase(text.strip())
                    || kind.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new ValidationException(
                "credit", "A credit kind is Photo, Illustration, Video or Graphic, not \"" + text + "\".");
    }
}
