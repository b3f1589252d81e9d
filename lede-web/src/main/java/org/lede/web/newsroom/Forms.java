package org.lede.web.newsroom;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.lede.common.Check;
import org.lede.common.ValidationException;

/** Reading newsroom form fields into values, with messages a writer can act on. */
final class Forms {
    private Forms() {}

    /**
     * A field as typed, or an empty string when the form did not send it, so a refused form shows it
     * back as sent; without control characters, which the records would remove anyway.
     */
    static String value(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : Check.text(value);
    }

    /** A field's trimmed text, or null when it is missing or blank. */
    static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static int revision(Context ctx) {
        String value = ctx.formParam("revision");
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(
                    "revision", "The form lost track of which version you edited; reload the story.");
        }
    }

    static List<String> commaList(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** A {@code datetime-local} value, read in the site's zone. */
    static Instant localTime(Context ctx, String name, ZoneId zone) {
        String value = text(ctx, name);
        if (value == null) {
            throw new ValidationException(name, "Choose a date and time.");
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "\"" + value + "\" is not a date and time.");
        }
    }

    /** A positive page number from the query, 1 when it is missing or not a number. */
    static int pageNumber(String raw) {
        try {
            return raw == null ? 1 : Math.max(1, Integer.parseInt(raw.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
