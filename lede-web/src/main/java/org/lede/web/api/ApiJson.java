package org.lede.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lede.author.Author;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Paragraph;
import org.lede.reading.AuthorView;
import org.lede.reading.DashboardView;
import org.lede.reading.Figure;
import org.lede.reading.StoryView;
import org.lede.reading.Urls;
import org.lede.story.Correction;
import org.lede.story.json.BlockJson;
import org.lede.topic.Topic;
import org.lede.web.feed.StoryHtml;

/**
 * The content API's documents, as {@code openapi.json} and {@code schema/story.json} describe
 * them. Blocks, inline spans and credits are written by {@link BlockJson}, the one shape storage
 * and export use too; every address is absolute, since clients read them away from the site.
 */
final class ApiJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final String base;
    private final StoryHtml html;

    /** @param base the site's address without a trailing slash */
    ApiJson(String base, StoryHtml html) {
        this.base = base;
        this.html = html;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A tree of JSON nodes always writes", e);
        }
    }

    String absolute(String path) {
        return path.startsWith("/") && !path.startsWith("//") ? base + path : path;
    }

    ObjectNode story(StoryView story, String slug) {
        ObjectNode node = NODES.objectNode();
        node.put("id", story.id());
        node.put("slug", slug);
        node.put("url", absolute(story.url()));
        node.put("headline", story.headline());
        node.put("dek", story.dek());
        node.put("kind", story.kind());
        node.set("topic", story.topic() == null ? NODES.nullNode() : topicRef(story.topic()));
        ArrayNode tags = node.putArray("tags");
        story.tags().forEach(tags::add);
        ArrayNode authors = node.putArray("authors");
        story.authors().forEach(a -> authors.add(authorRef(a)));
        node.set("hero", story.hero() == null ? NODES.nullNode() : placedImage(story.hero()));
        Paragraph lede = lede(story.body());
        node.set("lede", lede == null ? NODES.nullNode() : BlockJson.inline(lede.text()));
        ArrayNode body = node.putArray("body");
        story.body().forEach(b -> body.add(BlockJson.write(b)));
        ObjectNode images = node.putObject("images");
        story.figures().forEach((id, figure) -> images.set(id, image(figure)));
        node.put("html", html.render(story, base));
        node.put("bioLine", story.bioLine());
        node.put("publishedAt", time(story.publishedAt()));
        node.put("updatedAt", story.updated() ? time(story.shownAt()) : null);
        node.put("changedAt", time(story.savedAt()));
        ArrayNode corrections = node.putArray("corrections");
        for (Correction c : story.corrections()) {
            corrections.addObject().put("text", c.text()).put("at", time(c.at()));
        }
        return node;
    }

    /** The first paragraph, when nothing but images comes before it: what cards show under the headline. */
    private static Paragraph lede(List<Block> body) {
        for (Block block : body) {
            if (block instanceof Paragraph p) {
                return p;
            }
            if (!(block instanceof ImageBlock)) {
                return null;
            }
        }
        return null;
    }

    ObjectNode topicRef(Topic topic) {
        ObjectNode node = NODES.objectNode();
        node.put("slug", topic.slug());
        node.put("name", topic.name());
        node.put("url", absolute(Urls.topic(topic.slug())));
        return node;
    }

    ObjectNode topic(Topic topic) {
        ObjectNode node = topicRef(topic);
        node.put("description", topic.description());
        return node;
    }

    ObjectNode authorRef(Author author) {
        ObjectNode node = NODES.objectNode();
        node.put("slug", author.slug());
        node.put("name", author.name());
        node.put("url", absolute(Urls.author(author.slug())));
        return node;
    }

    ObjectNode author(AuthorView view) {
        Author author = view.author();
        ObjectNode node = authorRef(author);
        node.put("title", author.title());
        node.put("bio", author.bio());
        node.put("contributor", author.contributor());
        node.set("avatar", view.avatar() == null ? NODES.nullNode() : image(view.avatar()));
        return node;
    }

    ObjectNode dashboard(DashboardView dashboard) {
        ObjectNode node = NODES.objectNode();
        node.put("slug", dashboard.slug());
        node.put("url", absolute(dashboard.url()));
        node.put("title", dashboard.title());
        node.put("intro", dashboard.intro());
        node.set("topic", dashboard.topic() == null ? NODES.nullNode() : topicRef(dashboard.topic()));
        node.set(
                "illustration",
                dashboard.illustration() == null ? NODES.nullNode() : placedImage(dashboard.illustration()));
        ArrayNode items = node.putArray("items");
        for (DashboardView.Item item : dashboard.items()) {
            ObjectNode i = items.addObject();
            i.put("label", item.label());
            ArrayNode links = i.putArray("links");
            for (DashboardView.Link link : item.links()) {
                links.addObject()
                        .put("title", link.title())
                        .put("url", absolute(link.url()))
                        .put("storyId", link.storyId());
            }
        }
        node.put("updatedAt", time(dashboard.updatedAt()));
        return node;
    }

    /** An image's sources and size, as the story's {@code images} map and an author's avatar give it. */
    private ObjectNode image(Figure figure) {
        ObjectNode node = NODES.objectNode();
        node.put("url", absolute(figure.src()));
        node.put("width", figure.width());
        node.put("height", figure.height());
        node.put("alt", figure.alt());
        ArrayNode sources = node.putArray("sources");
        for (String candidate : figure.srcset().split(",\\s*")) {
            int space = candidate.lastIndexOf(' ');
            sources.addObject()
                    .put("url", absolute(candidate.substring(0, space)))
                    .put("width", Integer.parseInt(candidate.substring(space + 1, candidate.length() - 1)));
        }
        return node;
    }

    /** An image where a story or dashboard places it: its sources, and the place's caption and credit. */
    private ObjectNode placedImage(Figure figure) {
        ObjectNode node = image(figure);
        node.put("caption", figure.caption());
        // The figure keeps the credit as printed; read back, it is the structured credit the schema describes.
        node.set(
                "credit", figure.credit() == null ? NODES.nullNode() : BlockJson.credit(Credit.parse(figure.credit())));
        node.put("creditText", figure.creditText());
        return node;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
