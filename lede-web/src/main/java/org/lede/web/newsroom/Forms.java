package org.lede.web.newsroom;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.lede.common.ValidationException;

/** Reading newsroom form fields into values, with messages a writer can act on. */
final class Forms {
    private Forms() {
    }

    static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static int revision(Context ctx) {
        String value = ctx.formParam("revision");
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("revision", "The form lost track of which version you edited; reload the story.");
        }
    }

    static List<String> commaList(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
}
