package org.lede.web.reader;

import org.lede.reading.DashboardView;

/** A dashboard page. */
public record DashboardPageModel(Page page, DashboardView dashboard) implements ReaderModel {
    @Override
    public String template() {
        return "reader/dashboard.jte";
    }
}
