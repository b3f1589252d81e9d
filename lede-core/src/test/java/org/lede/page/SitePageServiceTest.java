package org.lede.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.StaleRevisionException;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.Paragraph;
import org.lede.outbox.Event;
import org.lede.outbox.Events;
import org.lede.outbox.OutboxEvent;
import org.lede.outbox.PageKeys;
import org.lede.page.SitePageService.Action;
import org.lede.page.SitePageService.SitePageCommand;
import org.lede.page.SitePageService.SitePageFields;
import org.lede.reading.PageLink;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.testing.NewsroomTest;

/** The site's pages through their service and store, with the events and reads that follow, on both databases. */
class SitePageServiceTest extends NewsroomTest {
    private static final List<Block> BODY = List.of(
            Paragraph.of("Lede is a demonstration newsroom."),
            new LeadIn("How we work", Inline.plain("An editor reads every story.")));

    SitePageService service;
    SitePageStore store;
    ReaderQueries reader;

    @BeforeEach
    void setUp() {
        service = newsroom.services.sitePageService();
        store = newsroom.services.sitePages();
        var s = newsroom.services;
        reader = s.readerQueries(new SiteSettings("Test", null, "https://news.example", java.time.ZoneOffset.UTC));
    }

    private static SitePageCommand command(String slug, String title, int position, Action action) {
        return new SitePageCommand(new SitePageFields(slug, title, BODY, position), action);
    }

    private Event lastEvent() {
        OutboxEvent stored = newsroom.services.outbox().after(0, 10_000).getLast();
        return Events.fromOutbox(stored);
    }

    @Test
    void aDraftIsStoredWholeAndShownToNoReader() {
        SitePage draft = service.create(EDITOR, command("about", "About us", 2, Action.SAVE));
        SitePage stored = store.find(draft.id()).orElseThrow();
        assertEquals(draft, stored);
        assertEquals(BODY, stored.body());
        assertFalse(stored.published());
        assertNull(stored.publishedAt());
        assertEquals(1, stored.revision());
        assertEquals(stored, store.findBySlug("about").orElseThrow());

        Event created = lastEvent();
        assertEquals("page.created", created.type());
        assertEquals(Set.of(), created.pageKeys(), "readers see nothing of a draft");
        assertTrue(reader.page("about").isEmpty());
        assertEquals(List.of(), reader.publishedPages());
    }

    @Test
    void publishingPutsThePageOnTheSiteAndInEveryFooter() {
        SitePage draft = service.create(EDITOR, command("about", "About us", 2, Action.SAVE));
        newsroom.clock.advance(Duration.ofMinutes(5));
        SitePage live = service.apply(EDITOR, draft.id(), 1, command("about", "About us", 2, Action.PUBLISH));
        assertTrue(live.published());
        assertEquals(newsroom.clock.instant(), live.publishedAt());
        assertEquals(2, live.revision());

        Event published = lastEvent();
        assertEquals("page.published", published.type());
        assertEquals(Set.of(PageKeys.page("about"), PageKeys.FOOTER), published.pageKeys());
        assertEquals(PageKeys.ALL, PageKeys.FOOTER, "every reader page shows the footer");
        assertEquals(published, Events.fromOutbox(Events.toOutbox(published)), "the event reads back as written");

        assertEquals("About us", reader.page("about").orElseThrow().title());
        assertEquals(BODY, reader.page("about").orElseThrow().body());
        assertEquals(List.of(new PageLink("About us", "/about", newsroom.clock.instant())), reader.publishedPages());
    }

    @Test
    void aBodyEditTouchesOnlyThePageAndAFooterChangeTouchesEveryPage() {
        SitePage live = service.create(EDITOR, command("about", "About us", 1, Action.PUBLISH));
        SitePage edited = service.apply(
                EDITOR,
                live.id(),
                live.revision(),
                new SitePageCommand(
                        new SitePageFields("about", "About us", List.of(Paragraph.of("Shorter.")), 1), Action.SAVE));
        assertEquals("page.updated", lastEvent().type());
        assertEquals(Set.of(PageKeys.page("about")), lastEvent().pageKeys(), "the footer is unchanged");
        assertTrue(edited.published(), "saving a live page keeps it live");

        SitePage renamed = service.apply(
                EDITOR, live.id(), edited.revision(), command("who-we-are", "Who we are", 1, Action.SAVE));
        assertEquals(
                Set.of(PageKeys.page("about"), PageKeys.page("who-we-are"), PageKeys.FOOTER),
                lastEvent().pageKeys());
        assertTrue(reader.page("about").isEmpty(), "the old address is free");
        assertEquals("Who we are", reader.page("who-we-are").orElseThrow().title());

        service.apply(EDITOR, live.id(), renamed.revision(), command("who-we-are", "Who we are", 1, Action.UNPUBLISH));
        assertEquals("page.unpublished", lastEvent().type());
        assertEquals(
                Set.of(PageKeys.page("who-we-are"), PageKeys.FOOTER),
                lastEvent().pageKeys());
        assertTrue(reader.page("who-we-are").isEmpty());
        assertNull(store.find(live.id()).orElseThrow().publishedAt());
    }

    @Test
    void theFooterFollowsThePositionsEditorsSet() {
        service.create(EDITOR, command("privacy", "Privacy", 3, Action.PUBLISH));
        service.create(EDITOR, command("about", "About", 1, Action.PUBLISH));
        service.create(EDITOR, command("contact", "Contact", 2, Action.SAVE));
        service.create(EDITOR, command("corrections", "Corrections", 2, Action.PUBLISH));
        assertEquals(
                List.of("/about", "/corrections", "/privacy"),
                reader.publishedPages().stream().map(PageLink::url).toList());
        assertEquals(
                List.of("about", "contact", "corrections", "privacy"),
                store.all().stream().map(SitePage::slug).toList(),
                "drafts are listed for editors, in the same order");
    }

    @Test
    void aStaleSaveIsRefusedAndWritesNothing() {
        SitePage page = service.create(EDITOR, command("about", "About us", 1, Action.SAVE));
        SitePage first = service.apply(EDITOR, page.id(), 1, command("about", "About Lede", 1, Action.SAVE));
        long before = newsroom.services.outbox().lastSeq();
        StaleRevisionException stale = assertThrows(
                StaleRevisionException.class,
                () -> service.apply(EDITOR, page.id(), 1, command("about", "Mine", 1, Action.PUBLISH)));
        assertEquals(2, stale.current());
        assertEquals(first, store.find(page.id()).orElseThrow());
        assertEquals(before, newsroom.services.outbox().lastSeq(), "no event");
    }

    @Test
    void slugsOfTheSitesRoutesAreRefused() {
        for (String slug : List.of(
                "topics",
                "authors",
                "dashboards",
                "newsroom",
                "media",
                "api",
                "feed",
                "sitemap",
                "search",
                "robots",
                "2026",
                "123")) {
            ValidationException refused = assertThrows(
                    ValidationException.class,
                    () -> service.create(EDITOR, command(slug, "Clash", 1, Action.PUBLISH)),
                    slug);
            assertEquals("slug", refused.field(), slug);
            assertTrue(refused.getMessage().contains("/" + slug), refused.getMessage());
        }
        SitePage page = service.create(EDITOR, command("about", "About", 1, Action.SAVE));
        assertThrows(
                ValidationException.class,
                () -> service.apply(EDITOR, page.id(), 1, command("topics", "About", 1, Action.SAVE)));
        assertThrows(
                ValidationException.class,
                () -> service.create(EDITOR, command("About Us", "Bad slug", 1, Action.SAVE)),
                "a slug is lower-case letters, digits and hyphens");
        assertEquals(List.of(page), store.all());
    }

    @Test
    void twoPagesCannotShareAnAddress() {
        service.create(EDITOR, command("about", "About", 1, Action.SAVE));
        ConflictException clash = assertThrows(
                ConflictException.class, () -> service.create(EDITOR, command("about", "Other", 2, Action.SAVE)));
        assertTrue(clash.getMessage().contains("/about"), clash.getMessage());
        SitePage other = service.create(EDITOR, command("contact", "Contact", 2, Action.SAVE));
        assertThrows(
                ConflictException.class,
                () -> service.apply(EDITOR, other.id(), 1, command("about", "Contact", 2, Action.SAVE)));
    }

    @Test
    void onlyEditorsAndAdminsWritePages() {
        assertThrows(ForbiddenException.class, () -> service.create(WRITER, command("about", "About", 1, Action.SAVE)));
        SitePage page = service.create(EDITOR, command("about", "About", 1, Action.SAVE));
        assertThrows(
                ForbiddenException.class,
                () -> service.apply(WRITER, page.id(), 1, command("about", "Mine", 1, Action.PUBLISH)));
        assertThrows(
                ForbiddenException.class,
                () -> newsroom.services.newsroomQueries().sitePages(WRITER));
        assertEquals(1, store.find(page.id()).orElseThrow().revision());
    }

    @Test
    void unpublishingADraftIsRefused() {
        SitePage page = service.create(EDITOR, command("about", "About", 1, Action.SAVE));
        assertThrows(
                ConflictException.class,
                () -> service.apply(EDITOR, page.id(), 1, command("about", "About", 1, Action.UNPUBLISH)));
    }
}
