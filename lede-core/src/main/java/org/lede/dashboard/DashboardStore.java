package org.lede.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lede.common.Reference;

public interface DashboardStore {
    void insert(Dashboard dashboard);

    /** Saves when the stored revision is {@code expectedRevision}; returns false and changes nothing otherwise. */
    boolean update(Dashboard dashboard, int expectedRevision);

    Optional<Dashboard> find(String id);

    Optional<Dashboard> findBySlug(String slug);

    List<Dashboard> all();

    /** The ids of the topic's dashboards, in the order of {@link #all()}: a read of their heads alone. */
    List<String> idsInTopic(String topicId);

    /** The stories that pin the dashboard under Go deeper. */
    List<Reference> uses(String id);

    /**
     * Deletes the dashboard with its items when its stored revision is {@code expectedRevision},
     * and keeps its slug as gone; returns false and changes nothing otherwise.
     */
    boolean delete(Dashboard dashboard, int expectedRevision, Instant at);

    /** True when a deleted dashboard had this slug. */
    boolean retired(String slug);
}
