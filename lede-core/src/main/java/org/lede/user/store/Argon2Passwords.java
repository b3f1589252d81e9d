package org.lede.user.store;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.lede.user.Passwords;

/** Argon2id at OWASP's minimum parameters; hashes carry their own parameters, so they can be raised later. */
public final class Argon2Passwords implements Passwords {
    private final Argon2Function argon2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    @Override
    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
