package org.lede.story.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.lede.common.ValidationException;
import org.lede.db.Times;
import org.lede.story.Correction;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryStatus;

/** A whole story as one JSON document: how revisions are kept, and the shape the API and export send. */
public final class StoryJson {
    private StoryJson() {}

    public static String write(Story story) {
        StoryDraft d = story.draft();
        ObjectNode node = BlockJson.MAPPER.createObjectNode();
        node.put("id", story.id());
        node.put("slug", d.slug());
        node.put("headline", d.headline());
        node.put("dek", d.dek());
        node.put("topicId", d.topicId());
        d.tags().forEach(node.putArray("tags")::add);
        node.put("kind", d.kind().key());
        ArrayNode authors = node.putArray("authorIds");
        d.authorIds().forEach(authors::add);
        node.put("contributorNote", d.contributorNote());
        if (d.hero() != null) {
            node.set("hero", BlockJson.writeImage(BlockJson.MAPPER.createObjectNode(), d.hero()));
        }
        ArrayNode body = node.putArray("body");
        d.body().forEach(b -> body.add(BlockJson.write(b)));
        node.put("status", story.status().key());
        node.put("publishAt", Times.format(story.publishAt()));
        node.put("firstPublishedAt", Times.format(story.firstPublishedAt()));
        node.put("substantiveAt", Times.format(story.substantiveAt()));
        node.put("createdAt", Times.format(story.createdAt()));
        node.put("updatedAt", Times.format(story.updatedAt()));
        node.put("createdBy", story.createdBy());
        node.put("revision", story.revision());
        ArrayNode corrections = node.putArray("corrections");
        story.corrections()
                .forEach(c ->
                        corrections.addObject().put("at", Times.format(c.at())).put("text", c.text()));
        ArrayNode pins = node.putArray("pins");
        story.pins().forEach(pins::add);
        node.put("blockedReason", story.blockedReason());
        return node.toString();
    }

    public static Story read(String json) {
        JsonNode n;
        try {
            n = BlockJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException("revision", "A stored revision is not valid JSON: " + e.getOriginalMessage());
        }
        StoryDraft draft = new StoryDraft(
                text(n, "headline"),
                text(n, "dek"),
                text(n, "slug"),
                text(n, "topicId"),
                strings(n.get("tags")),
                StoryKind.parse(text(n, "kind")),
                strings(n.get("authorIds")),
                text(n, "contributorNote"),
                n.hasNonNull("hero") ? BlockJson.readImage(n.get("hero")) : null,
                BlockJson.readList(n.get("body")));
        List<Correction> corrections = new ArrayList<>();
        for (JsonNode c : n.withArray("corrections")) {
            corrections.add(new Correction(Times.parse(text(c, "at")), text(c, "text")));
        }
        return new Story(
                text(n, "id"),
                draft,
                StoryStatus.parse(text(n, "status")),
                Times.parse(text(n, "publishAt")),
                Times.parse(text(n, "firstPublishedAt")),
                Times.parse(text(n, "substantiveAt")),
                Times.parse(text(n, "createdAt")),
                Times.parse(text(n, "updatedAt")),
                text(n, "createdBy"),
                n.path("revision").asInt(),
                corrections,
                strings(n.get("pins")),
                text(n, "blockedReason"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
