package org.lede.user;

/** Password hashing; the only implementation is Argon2id. */
public interface Passwords {
    String hash(String password);

    boolean matches(String password, String hash);
}
