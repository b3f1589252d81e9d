package org.lede.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * PostgreSQL planner settings for the statements of one piece of work. They are set with
 * {@code set_config(..., true)}, so they are the transaction's alone (the work must run in one),
 * and the values in force before are restored after, so a caller's own statements in the same
 * transaction plan as before. Two round trips, whatever the number of settings.
 */
public final class PlannerSettings {
    private PlannerSettings() {}

    public static <T> T with(Handle h, Map<String, String> settings, Supplier<T> work) {
        List<String> names = List.copyOf(settings.keySet());
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add("current_setting(:name" + i + ") AS before" + i + ", set_config(:name" + i + ", :value" + i
                    + ", true) AS now" + i);
        }
        Query set = h.createQuery("SELECT " + String.join(", ", columns));
        for (int i = 0; i < names.size(); i++) {
            set.bind("name" + i, names.get(i)).bind("value" + i, settings.get(names.get(i)));
        }
        Map<String, Object> before = set.mapToMap().one();
        try {
            return work.get();
        } finally {
            List<String> restores = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                restores.add("set_config(:name" + i + ", :before" + i + ", true) AS now" + i);
            }
            Query restore = h.createQuery("SELECT " + String.join(", ", restores));
            for (int i = 0; i < names.size(); i++) {
                restore.bind("name" + i, names.get(i)).bind("before" + i, (String) before.get("before" + i));
            }
            restore.mapToMap().one();
        }
    }
}
