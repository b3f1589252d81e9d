package org.lede.web.reader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lede.author.Author;
import org.lede.reading.AuthorView;
import org.lede.reading.DashboardView;
import org.lede.reading.Figure;
import org.lede.reading.SiteSettings;
import org.lede.reading.StoryView;
import org.lede.reading.Urls;
import org.lede.story.Correction;
import org.lede.web.support.Json;

/**
 * The schema.org data of the reader pages, as search engines read it: one JSON-LD block per
 * thing a page describes, each a whole document with its own {@code @context}. Every URL in it
 * is absolute, since a crawler reads the block without the page's base.
 */
final class StructuredData {
    private static final String CONTEXT = "https://schema.org";

    private StructuredData() {}

    /** The story's {@code NewsArticle}, then its {@code BreadcrumbList}. */
    static List<String> story(StoryView story, SiteSettings site) {
        return List.of(script(newsArticle(story, site)), script(breadcrumbs(story, site)));
    }

    /** An author page: a {@code ProfilePage} about the {@code Person}. */
    static List<String> author(AuthorView view, SiteSettings site) {
        Author author = view.author();
        Map<String, Object> person = node("Person");
        person.put("name", author.name());
        person.put("url", site.baseUrl() + view.url());
        if (author.title() != null) {
            person.put("jobTitle", author.title());
        }
        if (author.bio() != null) {
            person.put("description", author.bio());
        }
        if (view.avatar() != null) {
            person.put("image", image(view.avatar(), site));
        }
        Map<String, Object> profile = document("ProfilePage");
        profile.put("url", site.baseUrl() + view.url());
        profile.put("mainEntity", person);
        return List.of(script(profile));
    }

    /** A dashboard page: a {@code CollectionPage} whose main entity lists its items, each listing its headlines. */
    static List<String> dashboard(DashboardView dashboard, SiteSettings site) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (DashboardView.Item item : dashboard.items()) {
            List<Map<String, Object>> links = new ArrayList<>();
            for (DashboardView.Link link : item.links()) {
                Map<String, Object> entry = listItem(links.size() + 1, link.title());
                entry.put("url", absolute(link.url(), site));
                links.add(entry);
            }
            Map<String, Object> headlines = node("ItemList");
            headlines.put("name", item.label());
            headlines.put("numberOfItems", links.size());
            headlines.put("itemListElement", links);
            Map<String, Object> entry = listItem(items.size() + 1, item.label());
            entry.put("item", headlines);
            items.add(entry);
        }
        Map<String, Object> list = node("ItemList");
        list.put("numberOfItems", items.size());
        list.put("itemListElement", items);
        Map<String, Object> page = document("CollectionPage");
        page.put("name", dashboard.title());
        page.put("url", site.baseUrl() + dashboard.url());
        if (dashboard.intro() != null) {
            page.put("description", dashboard.intro());
        }
        page.put("dateModified", dashboard.updatedAt().toString());
        page.put("publisher", publisherReference(site));
        page.put("mainEntity", list);
        return List.of(script(page));
    }

    /**
     * The home page: the {@code WebSite} and its publisher. No {@code SearchAction}: the site has
     * no search page for it to name.
     */
    static List<String> home(SiteSettings site) {
        Map<String, Object> website = document("WebSite");
        website.put("@id", site.baseUrl() + "/#website");
        website.put("name", site.name());
        website.put("url", site.baseUrl() + "/");
        if (site.tagline() != null) {
            website.put("description", site.tagline());
        }
        website.put("publisher", publisherReference(site));
        Map<String, Object> organization = document("NewsMediaOrganization");
        organization.putAll(publisher(site));
        return List.of(script(website), script(organization));
    }

    private static Map<String, Object> newsArticle(StoryView story, SiteSettings site) {
        String url = site.baseUrl() + story.url();
        Map<String, Object> article = document("NewsArticle");
        article.put("mainEntityOfPage", url);
        article.put("url", url);
        article.put("headline", story.headline());
        if (story.dek() != null) {
            article.put("description", story.dek());
        }
        if (story.hero() != null) {
            article.put("image", List.of(image(story.hero(), site)));
        }
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Author author : story.authors()) {
            Map<String, Object> person = node("Person");
            person.put("name", author.name());
            person.put("url", site.baseUrl() + Urls.author(author.slug()));
            authors.add(person);
        }
        article.put("author", authors);
        article.put("datePublished", story.publishedAt().toString());
        // The page says "Updated" only after a substantive update; a typo fix is no modification to readers.
        if (story.updated()) {
            article.put("dateModified", story.modifiedAt().toString());
        }
        if (story.topic() != null) {
            article.put("articleSection", story.topic().name());
        }
        if (!story.tags().isEmpty()) {
            article.put("keywords", story.tags());
        }
        if (!story.corrections().isEmpty()) {
            List<Map<String, Object>> corrections = new ArrayList<>();
            for (Correction correction : story.corrections()) {
                Map<String, Object> comment = node("CorrectionComment");
                comment.put("text", correction.text());
                comment.put("datePublished", correction.at().toString());
                corrections.add(comment);
            }
            article.put("correction", corrections);
        }
        article.put("isAccessibleForFree", true);
        article.put("publisher", publisher(site));
        return article;
    }

    private static Map<String, Object> breadcrumbs(StoryView story, SiteSettings site) {
        List<Map<String, Object>> crumbs = new ArrayList<>();
        crumbs.add(crumb(1, site.name(), site.baseUrl() + "/"));
        if (story.topic() != null) {
            crumbs.add(crumb(
                    2,
                    story.topic().name(),
                    site.baseUrl() + Urls.topic(story.topic().slug())));
        }
        crumbs.add(crumb(crumbs.size() + 1, story.headline(), site.baseUrl() + story.url()));
        Map<String, Object> list = document("BreadcrumbList");
        list.put("itemListElement", crumbs);
        return list;
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        Map<String, Object> crumb = listItem(position, name);
        crumb.put("item", url);
        return crumb;
    }

    private static Map<String, Object> listItem(int position, String name) {
        Map<String, Object> item = node("ListItem");
        item.put("position", position);
        item.put("name", name);
        return item;
    }

    private static Map<String, Object> image(Figure figure, SiteSettings site) {
        Map<String, Object> image = node("ImageObject");
        image.put("url", site.baseUrl() + figure.src());
        image.put("width", figure.width());
        image.put("height", figure.height());
        if (figure.caption() != null) {
            image.put("caption", figure.caption());
        }
        if (figure.creditText() != null) {
            image.put("creditText", figure.creditText());
        }
        return image;
    }

    /** The site's publisher, whole. Lede keeps no logo yet, so none is named. */
    private static Map<String, Object> publisher(SiteSettings site) {
        Map<String, Object> publisher = node("NewsMediaOrganization");
        publisher.put("@id", publisherId(site));
        publisher.put("name", site.name());
        publisher.put("url", site.baseUrl() + "/");
        return publisher;
    }

    private static Map<String, Object> publisherReference(SiteSettings site) {
        return Map.of("@id", publisherId(site));
    }

    private static String publisherId(SiteSettings site) {
        return site.baseUrl() + "/#publisher";
    }

    /** Our own links are paths; a dashboard may also link away from the site, already absolute. */
    private static String absolute(String url, SiteSettings site) {
        return url.startsWith("/") && !url.startsWith("//") ? site.baseUrl() + url : url;
    }

    private static Map<String, Object> document(String type) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", CONTEXT);
        document.put("@type", type);
        return document;
    }

    private static Map<String, Object> node(String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", type);
        return node;
    }

    /**
     * The JSON as the text of a script element. Markup characters could end the element early or
     * open a comment, and U+2028/U+2029 end a line in older script parsers; JSON allows each as a
     * {@code \\u} escape, and they can only occur inside strings, so the data reads the same.
     */
    static String script(Map<String, Object> json) {
        return Json.write(json)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
