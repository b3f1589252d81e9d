package org.lede.web.reader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lede.author.Author;
import org.lede.reading.SiteSettings;
import org.lede.reading.StoryView;
import org.lede.reading.Urls;
import org.lede.web.support.Json;

/** schema.org {@code NewsArticle} for a story, as search engines read it. */
final class StructuredData {
    private StructuredData() {}

    static String newsArticle(StoryView story, SiteSettings site) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@context", "https://schema.org");
        article.put("@type", "NewsArticle");
        article.put("mainEntityOfPage", site.baseUrl() + story.url());
        article.put("headline", story.headline());
        if (story.dek() != null) {
            article.put("description", story.dek());
        }
        if (story.hero() != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("@type", "ImageObject");
            image.put("url", site.baseUrl() + story.hero().src());
            image.put("width", story.hero().width());
            image.put("height", story.hero().height());
            if (story.hero().caption() != null) {
                image.put("caption", story.hero().caption());
            }
            if (story.hero().creditText() != null) {
                image.put("creditText", story.hero().creditText());
            }
            article.put("image", List.of(image));
        }
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Author author : story.authors()) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", author.name());
            person.put("url", site.baseUrl() + Urls.author(author.slug()));
            authors.add(person);
        }
        article.put("author", authors);
        article.put("datePublished", story.publishedAt().toString());
        article.put("dateModified", story.modifiedAt().toString());
        if (story.topic() != null) {
            article.put("articleSection", story.topic().name());
        }
        if (!story.tags().isEmpty()) {
            article.put("keywords", story.tags());
        }
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("name", site.name());
        publisher.put("url", site.baseUrl() + "/");
        article.put("publisher", publisher);
        // Markup characters inside a script element could end it early; JSON allows them escaped.
        return Json.write(article)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }
}
