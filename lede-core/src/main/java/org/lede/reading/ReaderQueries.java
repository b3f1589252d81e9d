package org.lede.reading;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lede.author.Author;
import org.lede.author.AuthorStore;
import org.lede.content.Block;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.Labels;
import org.lede.content.LeadIn;
import org.lede.content.Paragraph;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardStore;
import org.lede.media.Media;
import org.lede.media.MediaStore;
import org.lede.page.SitePage;
import org.lede.page.SitePageStore;
import org.lede.related.RelatedContent;
import org.lede.related.RelatedContent.Related;
import org.lede.related.RelatedContent.RelatedDashboard;
import org.lede.related.RelatedContent.RelatedStory;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryStatus;
import org.lede.story.StoryStore;
import org.lede.topic.Topic;
import org.lede.topic.TopicStore;

/**
 * The read side of the reader site: builds page and card views from published state only.
 * Drafts, scheduled and unpublished stories are invisible here.
 */
public final class ReaderQueries {
    public static final int PAGE_SIZE = 10;
    public static final int TOP_STORIES = 3;
    public static final int GO_DEEPER = 5;
    private final StoryStore stories;
    private final TopicStore topics;
    private final AuthorStore authors;
    private final MediaStore media;
    private final DashboardStore dashboards;
    private final RelatedContent related;
    private final SiteSettings site;
    private final Clock clock;
    private final SitePageStore pages;

    public ReaderQueries(
            StoryStore stories,
            TopicStore topics,
            AuthorStore authors,
            MediaStore media,
            DashboardStore dashboards,
            RelatedContent related,
            SiteSettings site,
            Clock clock,
            SitePageStore pages) {
        this.stories = stories;
        this.topics = topics;
        this.authors = authors;
        this.media = media;
        this.dashboards = dashboards;
        this.related = related;
        this.site = site;
        this.clock = clock;
        this.pages = pages;
    }

    public SiteSettings site() {
        return site;
    }

    public Instant now() {
        return clock.instant();
    }

    public List<Topic> topics() {
        return topics.all();
    }

    /** The published site page at {@code /{slug}}, or empty for a draft or no page. */
    public Optional<PageView> page(String slug) {
        return pages.findBySlug(slug).filter(SitePage::published).map(this::pageView);
    }

    /**
     * The published site pages in the order editors set: the footer's links, and with their last
     * change, a sitemap's entries.
     */
    public List<PageLink> publishedPages() {
        return pages.published().stream()
                .map(p -> new PageLink(p.title(), Urls.page(p.slug()), p.updatedAt()))
                .toList();
    }

    private PageView pageView(SitePage page) {
        List<String> mediaIds = page.body().stream()
                .filter(b -> b instanceof ImageBlock)
                .map(b -> ((ImageBlock) b).mediaId())
                .toList();
        Map<String, Figure> figures = media.findAll(mediaIds).stream().collect(Collectors.toMap(Media::id, Figure::of));
        return new PageView(page.slug(), Urls.page(page.slug()), page.title(), page.body(), figures, page.updatedAt());
    }

    /** The live story with this slug, or empty. */
    public Optional<StoryView> story(String slug) {
        return stories.findBySlug(slug).filter(Story::isLive).map(this::view);
    }

    /** How an unsaved draft would look on its page, for the newsroom's live preview. */
    public StoryView preview(StoryDraft draft) {
        Instant now = clock.instant();
        StoryDraft shown = draft.slug() == null ? draft.withSlug("preview") : draft;
        return view(new Story(
                "preview",
                shown,
                StoryStatus.PUBLISHED,
                now,
                now,
                null,
                now,
                now,
                null,
                0,
                List.of(),
                List.of(),
                null));
    }

    /** The address of the live story that was published under this slug before an editor changed it. */
    public Optional<String> movedStory(String oldSlug) {
        return stories.findByOldSlug(oldSlug).filter(Story::isLive).map(s -> Urls.story(s, site.zone()));
    }

    /**
     * A stored story of any status as its page would show it if it went live now, for a signed
     * preview link; one that was published before keeps its dates.
     */
    public StoryView previewOf(Story story) {
        Instant now = clock.instant();
        Instant first = story.firstPublishedAt() == null ? now : story.firstPublishedAt();
        return view(new Story(
                story.id(),
                story.draft(),
                StoryStatus.PUBLISHED,
                story.publishAt() == null ? now : story.publishAt(),
                first,
                story.substantiveAt(),
                story.createdAt(),
                story.updatedAt(),
                story.createdBy(),
                story.revision(),
                story.corrections(),
                story.pins(),
                null));
    }

    /** The editors' top stories, or the newest when they chose none. */
    public List<StoryCard> topStories() {
        List<Story> chosen = stories.findAll(stories.topStoryIds()).stream()
                .filter(Story::isLive)
                .toList();
        return cards(chosen.isEmpty() ? stories.latestPublished(TOP_STORIES, 0) : chosen);
    }

    /** Everything live, newest first: stories and dashboards. */
    public StreamPage latest(int page) {
        return stream(page, (limit, offset) -> stories.latestPublished(limit, offset), dashboards.all());
    }

    public Optional<Topic> topic(String slug) {
        return topics.findBySlug(slug);
    }

    /**
     * What became of a topic address no topic holds: the topic its stories were merged into
     * (present), deleted with nothing to lead to (empty inner), or never a topic (empty).
     */
    public Optional<Optional<Topic>> retiredTopic(String slug) {
        return topics.retired(slug)
                .map(r -> Optional.ofNullable(r.mergedIntoId()).flatMap(topics::find));
    }

    /** True when a deleted dashboard had this address and no dashboard has taken it since. */
    public boolean dashboardGone(String slug) {
        return dashboards.findBySlug(slug).isEmpty() && dashboards.retired(slug);
    }

    /**
     * True when the story at this address was public once and is not now (unpublished or
     * archived): readers and search engines are told it was taken down, not that it never was.
     */
    public boolean storyGone(String slug) {
        return stories.findBySlug(slug)
                .filter(s -> !s.isLive() && s.firstPublishedAt() != null)
                .isPresent();
    }

    public StreamPage topicStream(Topic topic, int page) {
        return stream(
                page,
                (limit, offset) -> stories.publishedInTopic(topic.id(), limit, offset),
                dashboards.all().stream()
                        .filter(d -> topic.id().equals(d.topicId()))
                        .toList());
    }

    public Optional<AuthorView> author(String slug) {
        return authors.findBySlug(slug)
                .map(a -> new AuthorView(
                        a,
                        Urls.author(a.slug()),
                        a.avatarMediaId() == null
                                ? null
                                : media.find(a.avatarMediaId()).map(Figure::of).orElse(null)));
    }

    public StreamPage authorStream(Author author, int page) {
        return stream(page, (limit, offset) -> stories.publishedByAuthor(author.id(), limit, offset), List.of());
    }

    public Optional<DashboardView> dashboard(String slug) {
        return dashboards.findBySlug(slug).map(d -> dashboardViews(List.of(d)).getFirst());
    }

    /** A live story's page: the story and the first page of its Go deeper. */
    public Optional<StoryPage> storyPage(String slug, int deeperSize) {
        return stories.findBySlug(slug)
                .filter(Story::isLive)
                .map(story -> new StoryPage(view(story), goDeeper(story, 1, deeperSize)));
    }

    /** A story page's parts. */
    public record StoryPage(StoryView story, StreamPage deeper) {
        /** The story's own key and the keys of everything its Go deeper shows. */
        public Set<String> pageKeys() {
            Set<String> keys = new LinkedHashSet<>(story.pageKeys());
            keys.addAll(deeper.pageKeys());
            return keys;
        }
    }

    /** Go deeper under a live story: pins, then related stories and dashboards. */
    public StreamPage goDeeper(String storyId, int page, int size) {
        return stories.find(storyId)
                .filter(Story::isLive)
                .map(story -> goDeeper(story, page, size))
                .orElseGet(() -> new StreamPage(List.of(), page, false));
    }

    private StreamPage goDeeper(Story story, int page, int size) {
        List<Related> found = related.related(story, size + 1, (page - 1) * size);
        boolean more = found.size() > size;
        List<Related> shown = more ? found.subList(0, size) : found;
        Map<String, StreamItem> byId = new HashMap<>();
        List<Story> relatedStories = shown.stream()
                .filter(r -> r instanceof RelatedStory)
                .map(r -> ((RelatedStory) r).story())
                .toList();
        List<StoryCard> storyCards = cards(relatedStories);
        for (int i = 0; i < relatedStories.size(); i++) {
            byId.put(relatedStories.get(i).id(), storyCards.get(i));
        }
        List<Dashboard> relatedDashboards = shown.stream()
                .filter(r -> r instanceof RelatedDashboard)
                .map(r -> ((RelatedDashboard) r).dashboard())
                .toList();
        List<DashboardView> views = dashboardViews(relatedDashboards);
        for (int i = 0; i < relatedDashboards.size(); i++) {
            byId.put(relatedDashboards.get(i).id(), views.get(i));
        }
        return new StreamPage(shown.stream().map(r -> byId.get(r.id())).toList(), page, more);
    }

    /**
     * Merges a story source with dashboards by time and cuts one page. Any item of the page is
     * among the first offset + size of its own source, so that many stories are enough.
     */
    private StreamPage stream(int page, BiFunction<Integer, Integer, List<Story>> source, List<Dashboard> extra) {
        int offset = (page - 1) * PAGE_SIZE;
        if (extra.isEmpty()) {
            List<StoryCard> found = cards(source.apply(PAGE_SIZE + 1, offset));
            boolean more = found.size() > PAGE_SIZE;
            return new StreamPage(List.copyOf(more ? found.subList(0, PAGE_SIZE) : found), page, more);
        }
        List<StreamItem> merged = new ArrayList<>(cards(source.apply(offset + PAGE_SIZE + 1, 0)));
        merged.addAll(dashboardViews(extra));
        merged.sort(Comparator.comparing(StreamItem::shownAt).reversed());
        List<StreamItem> items =
                merged.subList(Math.min(offset, merged.size()), Math.min(offset + PAGE_SIZE, merged.size()));
        return new StreamPage(List.copyOf(items), page, merged.size() > offset + PAGE_SIZE);
    }

    private StoryView view(Story story) {
        List<String> mediaIds = new ArrayList<>();
        if (story.draft().hero() != null) {
            mediaIds.add(story.draft().hero().mediaId());
        }
        story.draft().body().stream()
                .filter(b -> b instanceof ImageBlock)
                .forEach(b -> mediaIds.add(((ImageBlock) b).mediaId()));
        Map<String, Figure> figures = media.findAll(mediaIds).stream().collect(Collectors.toMap(Media::id, Figure::of));
        ImageBlock hero = story.draft().hero();
        Figure heroFigure = hero == null || !figures.containsKey(hero.mediaId())
                ? null
                : figures.get(hero.mediaId()).placed(hero);
        List<Author> bylines = authors.findAll(story.draft().authorIds());
        Topic topic = story.draft().topicId() == null
                ? null
                : topics.find(story.draft().topicId()).orElse(null);
        boolean updated = story.substantiveAt() != null;
        Instant shown = updated ? story.substantiveAt() : story.publishAt();
        // Search engines read the first publication as the story's date, however often it was
        // unpublished and republished since; a republication or substantive update is a modification.
        Instant published = story.firstPublishedAt() == null ? story.publishAt() : story.firstPublishedAt();
        Instant modified = latest(published, story.publishAt(), story.substantiveAt());
        return new StoryView(
                story.id(),
                Urls.story(story, site.zone()),
                story.headline(),
                story.draft().dek(),
                topic,
                bylines,
                heroFigure,
                story.draft().body(),
                figures,
                bioLine(story, bylines),
                published,
                modified,
                shown,
                updated,
                story.corrections(),
                story.draft().tags(),
                story.draft().kind().key(),
                story.updatedAt());
    }

    private static Instant latest(Instant... times) {
        Instant out = null;
        for (Instant t : times) {
            if (t != null && (out == null || t.isAfter(out))) {
                out = t;
            }
        }
        return out;
    }

    /** The story's own note, else the bio of its outside contributors: staff need no closing line. */
    private static String bioLine(Story story, List<Author> bylines) {
        if (story.draft().contributorNote() != null) {
            return story.draft().contributorNote();
        }
        String bios = bylines.stream()
                .filter(Author::contributor)
                .map(Author::bio)
                .filter(b -> b != null)
                .collect(Collectors.joining(" "));
        return bios.isEmpty() ? null : bios;
    }

    private Map<String, Topic> topicsById() {
        Map<String, Topic> byId = new HashMap<>();
        topics.all().forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    private Map<String, Media> mediaById(List<String> ids) {
        return media.findAll(ids).stream().collect(Collectors.toMap(Media::id, Function.identity()));
    }

    private List<StoryCard> cards(List<Story> list) {
        Map<String, Topic> topicById = topicsById();
        Map<String, Media> mediaById = mediaById(list.stream()
                .filter(s -> s.draft().hero() != null)
                .map(s -> s.draft().hero().mediaId())
                .toList());
        List<StoryCard> out = new ArrayList<>(list.size());
        for (Story s : list) {
            ImageBlock hero = s.draft().hero();
            Figure image = hero == null || !mediaById.containsKey(hero.mediaId())
                    ? null
                    : Figure.of(mediaById.get(hero.mediaId())).placed(hero);
            boolean updated = s.substantiveAt() != null;
            out.add(new StoryCard(
                    s.id(),
                    Urls.story(s, site.zone()),
                    s.headline(),
                    topicById.get(s.draft().topicId()),
                    image,
                    lede(s.draft().body()),
                    whyItMatters(s.draft().body()),
                    updated ? s.substantiveAt() : s.publishAt(),
                    updated));
        }
        return out;
    }

    private List<DashboardView> dashboardViews(List<Dashboard> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<String, Topic> topicById = topicsById();
        Map<String, Media> mediaById = mediaById(list.stream()
                .filter(d -> d.illustration() != null)
                .map(d -> d.illustration().mediaId())
                .toList());
        List<String> storyIds = list.stream()
                .flatMap(d -> d.items().stream())
                .flatMap(i -> i.entries().stream())
                .map(DashboardEntry::storyId)
                .filter(id -> id != null)
                .distinct()
                .toList();
        Map<String, Story> live = new HashMap<>();
        stories.findAll(storyIds).stream().filter(Story::isLive).forEach(s -> live.put(s.id(), s));
        List<DashboardView> out = new ArrayList<>();
        for (Dashboard d : list) {
            List<DashboardView.Item> items = new ArrayList<>();
            for (DashboardItem item : d.items()) {
                List<DashboardView.Link> links = new ArrayList<>();
                for (DashboardEntry e : item.entries()) {
                    if (e.url() != null) {
                        links.add(new DashboardView.Link(e.title(), e.url(), null));
                    } else if (live.containsKey(e.storyId())) {
                        Story s = live.get(e.storyId());
                        links.add(new DashboardView.Link(
                                e.title() != null ? e.title() : s.headline(), Urls.story(s, site.zone()), s.id()));
                    }
                }
                if (!links.isEmpty()) {
                    items.add(new DashboardView.Item(item.label(), links));
                }
            }
            ImageBlock ill = d.illustration();
            Figure figure = ill == null || !mediaById.containsKey(ill.mediaId())
                    ? null
                    : Figure.of(mediaById.get(ill.mediaId())).placed(ill);
            out.add(new DashboardView(
                    d.slug(),
                    Urls.dashboard(d.slug()),
                    d.title(),
                    d.intro(),
                    topicById.get(d.topicId()),
                    figure,
                    items,
                    d.updatedAt()));
        }
        return out;
    }

    static Inline lede(List<Block> body) {
        for (Block block : body) {
            if (block instanceof Paragraph p) {
                return p.text();
            }
            if (!(block instanceof ImageBlock)) {
                return null;
            }
        }
        return null;
    }

    static LeadIn whyItMatters(List<Block> body) {
        for (Block block : body) {
            if (block instanceof LeadIn l && l.label().equalsIgnoreCase(Labels.WHY_IT_MATTERS)) {
                return l;
            }
        }
        return null;
    }
}
