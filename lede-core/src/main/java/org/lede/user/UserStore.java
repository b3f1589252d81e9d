package org.lede.user;

import java.util.List;
import java.util.Optional;

public interface UserStore {
    void insert(User user);

    void update(User user);

    Optional<User> find(String id);

    Optional<User> findByEmail(String email);

    List<User> all();

    int count();

    /** Admins that are not disabled. */
    int activeAdmins();

    /**
     * Makes the transaction the only one changing accounts until it ends, so two admins demoting
     * or disabling each other at once cannot both pass the check that one admin remains.
     */
    void lockForAccountChange();
}
