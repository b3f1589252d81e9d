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
}
