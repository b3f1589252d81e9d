package org.lede.page;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.lede.common.ConflictException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.StaleRevisionException;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.outbox.Event;
import org.lede.outbox.Event.PageAction;
import org.lede.outbox.Outbox;
import org.lede.outbox.PageKeys;
import org.lede.user.Actor;

/**
 * The site's pages. Editors and admins write them; each action is one transaction with one
 * {@code page.*} event, and a save names the revision it was made from, so two editors cannot
 * overwrite each other unseen.
 */
public final class SitePageService {
    /**
     * First path segments the site already answers, or will: a page there would hide the route or
     * be hidden by it. Slugs have no dots, so {@code robots.txt} and {@code sitemap.xml} are
     * covered by their first word.
     */
    public static final Set<String> RESERVED = Set.of(
            "api",
            "assets",
            "atom",
            "authors",
            "dashboards",
            "favicon",
            "feed",
            "feeds",
            "media",
            "newsroom",
            "pages",
            "preview",
            "robots",
            "rss",
            "search",
            "sitemap",
            "sitemaps",
            "static",
            "tags",
            "topics");
    /** Story addresses start with the year; a page named by digits alone could pass for one. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private static final String REFUSAL = "Only editors and admins write the site's pages.";
    private final Transactions tx;
    private final SitePageStore pages;
    private final Outbox outbox;
    private final Clock clock;
    private final Ids ids;

    public SitePageService(Transactions tx, SitePageStore pages, Outbox outbox, Clock clock, Ids ids) {
        this.tx = tx;
        this.pages = pages;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
    }

    /** What an editor writes; the body is in blocks, read from the same authoring text as a story's. */
    public record SitePageFields(String slug, String title, List<Block> body, int position) {}

    /** Besides saving the fields: publish, take off the site, or neither. */
    public enum Action {
        SAVE,
        PUBLISH,
        UNPUBLISH
    }

    /** One newsroom action on a page: the whole form and what to do with it. */
    public record SitePageCommand(SitePageFields fields, Action action) {}

    /** Refuses an actor who may not write pages, for callers that read the form before calling. */
    public void requireEditor(Actor actor) {
        actor.requireEditor(REFUSAL);
    }

    public SitePage create(Actor actor, SitePageCommand command) {
        actor.requireEditor(REFUSAL);
        return tx.inTransaction(() -> {
            SitePageFields f = command.fields();
            checkSlug(f.slug());
            Instant now = Instants.now(clock);
            boolean publish = command.action() == Action.PUBLISH;
            SitePage page = new SitePage(
                    ids.next(),
                    f.slug(),
                    f.title(),
                    f.body(),
                    f.position(),
                    publish,
                    now,
                    now,
                    publish ? now : null,
                    1);
            refuseTaken(page, null);
            pages.insert(page);
            event(actor, publish ? PageAction.PUBLISHED : PageAction.CREATED, null, page);
            return page;
        });
    }

    /**
     * Saves the fields and takes the action, if the page is still at {@code expectedRevision}.
     *
     * @throws StaleRevisionException when someone saved it since; nothing is written
     */
    public SitePage apply(Actor actor, String id, int expectedRevision, SitePageCommand command) {
        actor.requireEditor(REFUSAL);
        return tx.inTransaction(() -> {
            SitePage current = pages.find(id).orElseThrow(() -> new NotFoundException("Page", id));
            if (current.revision() != expectedRevision) {
                throw new StaleRevisionException("page", expectedRevision, current.revision());
            }
            SitePageFields f = command.fields();
            if (!f.slug().equals(current.slug())) {
                checkSlug(f.slug());
            }
            Instant now = Instants.now(clock);
            boolean published = switch (command.action()) {
                case SAVE -> current.published();
                case PUBLISH -> true;
                case UNPUBLISH -> false;
            };
            if (command.action() == Action.UNPUBLISH && !current.published()) {
                throw new ConflictException("This page is not on the site; there is nothing to unpublish.");
            }
            SitePage next = new SitePage(
                    id,
                    f.slug(),
                    f.title(),
                    f.body(),
                    f.position(),
                    published,
                    current.createdAt(),
                    now,
                    command.action() == Action.PUBLISH ? now : published ? current.publishedAt() : null,
                    expectedRevision + 1);
            refuseTaken(next, id);
            if (!pages.update(next, expectedRevision)) {
                throw new StaleRevisionException("page", expectedRevision, expectedRevision + 1);
            }
            event(actor, action(command.action(), current), current, next);
            return next;
        });
    }

    private static PageAction action(Action action, SitePage current) {
        return switch (action) {
            case PUBLISH -> current.published() ? PageAction.UPDATED : PageAction.PUBLISHED;
            case UNPUBLISH -> PageAction.UNPUBLISHED;
            case SAVE -> current.published() ? PageAction.UPDATED : PageAction.EDITED;
        };
    }

    /** Whether the site answers this address itself, so no page may have it. */
    public static boolean isReserved(String slug) {
        return RESERVED.contains(slug) || DIGITS.matcher(slug).matches();
    }

    /** A page may not take an address the site answers already. */
    private static void checkSlug(String slug) {
        if (slug != null && isReserved(slug)) {
            throw new ValidationException(
                    "slug",
                    "The address /" + slug + " belongs to another part of the site (topics, authors, dashboards,"
                            + " feeds, the newsroom, dated stories ...); choose another slug.");
        }
    }

    private void refuseTaken(SitePage page, String ownId) {
        pages.findBySlug(page.slug()).filter(other -> !other.id().equals(ownId)).ifPresent(other -> {
            throw new ConflictException(
                    "The page “" + other.title() + "” already has the address /" + page.slug() + ".");
        });
    }

    /**
     * Names the page's old and new address while readers could see it, and every page when the
     * footer changes: it is on every reader page.
     */
    private void event(Actor actor, PageAction action, SitePage before, SitePage after) {
        Set<String> keys = new LinkedHashSet<>();
        if (before != null && before.published()) {
            keys.add(PageKeys.page(before.slug()));
        }
        if (after.published()) {
            keys.add(PageKeys.page(after.slug()));
        }
        boolean footerChanged = before == null ? after.published() : !before.sameInFooter(after);
        if (footerChanged && (after.published() || (before != null && before.published()))) {
            keys.add(PageKeys.FOOTER);
        }
        outbox.append(new Event.PageChanged(
                action, after.id(), after.slug(), after.revision(), actor.userId(), after.updatedAt(), keys));
    }
}
