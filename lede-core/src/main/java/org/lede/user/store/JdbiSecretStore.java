package org.lede.user.store;

import java.security.SecureRandom;
import java.util.Base64;
import org.lede.db.Database;
import org.lede.user.SecretStore;

/** Server secrets in the {@code server_secrets} table, 256 random bits each. */
public final class JdbiSecretStore implements SecretStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    public JdbiSecretStore(Database db) {
        this.db = db;
    }

    @Override
    public String secret(String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // Two servers starting at once may both make one; the first stored wins and both read it back.
        return db.handle(h -> {
            h.execute(
                    "INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    name,
                    fresh);
            return h.createQuery("SELECT value FROM server_secrets WHERE name = ?")
                    .bind(0, name)
                    .mapTo(String.class)
                    .one();
        });
    }
}
