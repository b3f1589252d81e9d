package org.lede.audit;

import java.util.List;

/**
 * A page of the audit log, newest first.
 *
 * @param olderBefore the {@code before} that continues with older entries, or null on the last page
 */
public record AuditPage(List<AuditEntry> entries, Long olderBefore) {}
