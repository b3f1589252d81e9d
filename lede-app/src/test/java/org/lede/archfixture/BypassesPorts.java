package org.lede.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.lede.outbox.OutboxEvent;
import org.lede.story.store.JdbiStoryStore;
import org.lede.web.archfixture.LeakyRoutes;

/**
 * Breaks the adapter rules for ArchitectureTest: SQL, stored JSON, a hand-built outbox envelope and a
 * concrete store outside store/, and a core package that knows a web one (a cycle with LeakyRoutes).
 */
public final class BypassesPorts {
    private final JdbiStoryStore stories;
    private final ObjectMapper json = new ObjectMapper();

    public BypassesPorts(JdbiStoryStore stories) {
        this.stories = stories;
    }

    public int count(Handle h) {
        return h.createQuery("SELECT count(*) FROM stories")
                .mapTo(Integer.class)
                .one();
    }

    public OutboxEvent envelope() {
        return new OutboxEvent(0, "story.published", "x", Map.of(), Instant.EPOCH);
    }

    public void serve(LeakyRoutes routes) {
        routes.toString();
    }

    @Override
    public String toString() {
        return stories + " " + json;
    }
}
