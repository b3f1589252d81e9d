package org.lede.user;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.lede.common.Check;
import org.lede.common.ValidationException;

/** A newsroom account. {@code passwordHash} is an Argon2id PHC string, never the password. */
public record User(
        String id, String email, String name, Role role, String passwordHash, boolean disabled, Instant createdAt) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public User {
        Objects.requireNonNull(id, "id");
        email = normalizeEmail(email);
        name = Check.maxLength("name", Check.required("name", name), 120);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static String normalizeEmail(String email) {
        String value =
                Check.maxLength("email", Check.required("email", email), 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(value).matches()) {
            throw new ValidationException("email", "\"" + email + "\" is not an email address.");
        }
        return value;
    }

    public Actor actor() {
        return new Actor(id, role);
    }
}
