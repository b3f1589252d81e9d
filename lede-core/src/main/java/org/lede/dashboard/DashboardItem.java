package org.lede.dashboard;

import java.util.List;
import org.lede.common.Check;
import org.lede.common.ValidationException;

/** A numbered row of a dashboard: a label ("Politics") and one or more linked headlines. */
public record DashboardItem(String label, List<DashboardEntry> entries) {
    public DashboardItem {
        label = Check.maxLength("label", Check.required("label", label), 60);
        entries = Check.list(entries);
        if (entries.isEmpty()) {
            throw new ValidationException(
                    "entries", "The dashboard item \"" + label + "\" needs at least one headline.");
        }
    }
}
