package org.lede.web.newsroom;

import java.time.ZoneId;
import org.lede.audit.AuditPage;

/** The audit log page. */
public record AuditModel(NewsroomPage page, AuditPage log, boolean paged, ZoneId zone) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/audit.jte";
    }
}
