package org.lede.content;

import java.util.Objects;
import org.lede.common.Check;
import org.lede.common.ValidationException;

/**
 * Who made an image and through whom it came, kept as data so it can be rendered
 * ("Photo: Mikhail Metzel/TASS via Getty Images") and sent as schema.org {@code creditText}.
 * {@code by} may not contain "/", which separates it from {@code via} in the rendered form.
 */
public record Credit(CreditKind kind, String by, String via) {
    public Credit {
        Objects.requireNonNull(kind, "kind");
        by = Check.required("credit", by);
        via = Check.optional(via);
        if (by.contains("/") || by.contains("\n") || (via != null && via.contains("\n"))) {
            throw new ValidationException(
                    "credit", "A credit's \"by\" may not contain \"/\" or a line break: \"" + by + "\".");
        }
    }

    public static Credit photo(String by, String via) {
        return new Credit(CreditKind.PHOTO, by, via);
    }

    public static Credit illustration(String by, String via) {
        return new Credit(CreditKind.ILLUSTRATION, by, via);
    }

    /** The credit as printed under an image. */
    public String render() {
        return kind.label() + ": " + text();
    }

    /** The credit without its kind, as for schema.org {@code creditText}. */
    public String text() {
        return via == null ? by : by + "/" + via;
    }

    /** Reads the printed form back: "Kind: by/via" or "Kind: by". */
    public static Credit parse(String rendered) {
        String value = Check.required("credit", rendered);
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new ValidationException("credit", "A credit reads \"Photo: Name/Agency\", not \"" + value + "\".");
        }
        CreditKind kind = CreditKind.parse(value.substring(0, colon));
        String rest = value.substring(colon + 1).strip();
        int slash = rest.indexOf('/');
        return slash < 0
                ? new Credit(kind, rest, null)
                : new Credit(kind, rest.substring(0, slash), rest.substring(slash + 1));
    }

    @Override
    public String toString() {
        return render();
    }
}
