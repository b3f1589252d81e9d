package org.lede.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lede.common.ConflictException;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.user.UserService;

/**
 * One newsroom account per role for trying the demo, each with a random password that is shown
 * only when the account is made: the demo may run on a reachable address, so there is no known
 * password to guess.
 */
public final class DemoAccounts {
    public static final String DOMAIN = "demo.lede.test";
    private final UserService users;

    public DemoAccounts(UserService users) {
        this.users = users;
    }

    /** An account made now, with the only copy of its password. */
    public record Created(String email, Role role, String password) {}

    public static String email(Role role) {
        return role.key() + "@" + DOMAIN;
    }

    /** Creates the accounts that are missing and returns them; those already there are left alone. */
    public List<Created> ensure() {
        List<Created> created = new ArrayList<>();
        for (Role role : Role.values()) {
            String email = email(role);
            String password = UserService.randomToken();
            String key = role.key();
            String name = "Demo " + key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
            try {
                users.create(Actor.SYSTEM, email, name, role, password);
                created.add(new Created(email, role, password));
            } catch (ConflictException alreadyThere) {
                // Kept as it is: its password was shown when it was made, and may have been changed since.
            }
        }
        return created;
    }
}
