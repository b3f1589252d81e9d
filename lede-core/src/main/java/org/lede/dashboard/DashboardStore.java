package org.lede.dashboard;

import java.util.List;
import java.util.Optional;

public interface DashboardStore {
    void insert(Dashboard dashboard);

    /** Saves when the stored revision is {@code expectedRevision}; returns false and changes nothing otherwise. */
    boolean update(Dashboard dashboard, int expectedRevision);

    Optional<Dashboard> find(String id);

    Optional<Dashboard> findBySlug(String slug);

    List<Dashboard> all();
}
