package org.lede.web.reader;

import java.util.List;
import org.lede.reading.DashboardView;

/** A dashboard page with its structured data. */
public record DashboardPageModel(Page page, DashboardView dashboard, List<String> jsonLd) implements ReaderModel {
    @Override
    public String template() {
        return "reader/dashboard.jte";
    }
}
