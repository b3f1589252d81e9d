package org.lede.audit;

import java.time.Instant;

/**
 * One change as an admin reads it: "Dana Editor published story tram-vote".
 *
 * @param seq     the outbox position, used to page back from
 * @param actorId the user id, or {@code system} for Lede itself
 * @param action  what was done, in words ("published", "saved")
 * @param kind    what it was done to: story, topic, author, dashboard, media, user or home
 * @param subject the id of that thing
 * @param label   how that thing is known: its slug, a member's email, or null when the event names none
 * @param detail  a qualifier such as "substantive" or the role given, else null
 */
public record AuditEntry(
        long seq,
        Instant at,
        String actorId,
        String actorName,
        String action,
        String kind,
        String subject,
        String label,
        String detail) {}
