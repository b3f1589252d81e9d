package org.lede.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.ForbiddenException;
import org.lede.db.Dialect;
import org.lede.outbox.OutboxEvent;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.user.User;

@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class AuditServiceTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    AuditService audit;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        audit = newsroom.services.auditService();
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    private User member(Role role) {
        return newsroom.services
                .userService()
                .create(Actor.SYSTEM, role.key() + "@audit.test", "Pat " + role.key(), role, "a long enough password");
    }

    @Test
    void onlyAdminsReadIt() {
        for (Role role : List.of(Role.EDITOR, Role.WRITER, Role.CONTRIBUTOR)) {
            Actor actor = member(role).actor();
            assertThrows(ForbiddenException.class, () -> audit.page(actor, null, 10), role.key());
        }
        assertEquals(
                4, audit.page(member(Role.ADMIN).actor(), null, 10).entries().size(), "four accounts added");
    }

    @Test
    void namesWhoDidWhatToWhichThing() {
        User editor = member(Role.EDITOR);
        var story =
                newsroom.services.storyService().createDraft(editor.actor(), newsroom.publishableDraft("Tram vote"));
        newsroom.services.storyService().publish(editor.actor(), story.id(), story.revision());

        List<AuditEntry> entries = audit.page(Actor.SYSTEM, null, 2).entries();
        AuditEntry published = entries.getFirst();
        assertEquals("Pat editor", published.actorName());
        assertEquals("published", published.action());
        assertEquals("story", published.kind());
        assertEquals(story.id(), published.subject());
        assertEquals("tram-vote", published.label());
        assertEquals("created", entries.get(1).action());
    }

    @Test
    void pagesWalkBackThroughManyEventsWithoutLosingOrRepeatingAny() {
        User writer = member(Role.WRITER);
        long first = newsroom.services.outbox().lastSeq() + 1;
        int appended = 1_234;
        newsroom.services.db().run(() -> {
            for (int i = 0; i < appended; i++) {
                // Events without an actor (none today, but consumers may add some) are not changes by anyone.
                Map<String, String> data =
                        i % 10 == 0 ? Map.of("slug", "t-" + i) : Map.of("slug", "t-" + i, "actor", writer.id());
                newsroom.services
                        .outbox()
                        .append(new OutboxEvent(0, "topic.saved", "T" + i, data, newsroom.clock.instant()));
            }
        });
        List<String> seen = new ArrayList<>();
        Long before = null;
        do {
            AuditPage page = audit.page(Actor.SYSTEM, before, 200);
            page.entries().stream().filter(e -> e.seq() >= first).forEach(e -> seen.add(e.label()));
            before = page.olderBefore();
        } while (before != null);
        List<String> expected = new ArrayList<>();
        for (int i = appended - 1; i >= 0; i--) {
            if (i % 10 != 0) {
                expected.add("t-" + i);
            }
        }
        assertEquals(expected, seen);
    }

    @Test
    void anEmptyOrExhaustedLogHasNoOlderPage() {
        User admin = member(Role.ADMIN);
        AuditPage page = audit.page(admin.actor(), null, 50);
        assertEquals(1, page.entries().size(), "the admin's own account");
        assertNull(page.olderBefore());
        assertEquals(List.of(), audit.page(admin.actor(), 1L, 50).entries());
    }
}
