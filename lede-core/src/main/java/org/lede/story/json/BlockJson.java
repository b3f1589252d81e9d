package org.lede.story.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.CreditKind;
import org.lede.content.Embed;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Span;
import org.lede.content.Subhead;

/**
 * The JSON form of blocks, as stored and as sent over the API: {@code {"type": "lead-in",
 * "label": "Why it matters", "text": [{"text": "..."}]}}. Reading rejects unknown types and
 * missing fields with a message naming the block, never a half-read story.
 */
public final class BlockJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private BlockJson() {}

    public static ObjectNode write(Block block) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", block.type());
        switch (block) {
            case Paragraph p -> node.set("text", inline(p.text()));
            case LeadIn l -> {
                node.put("label", l.label());
                node.set("text", inline(l.text()));
            }
            case ListBlock l -> {
                node.put("ordered", l.ordered());
                ArrayNode items = node.putArray("items");
                for (ListItem item : l.items()) {
                    ObjectNode i = items.addObject();
                    if (item.label() != null) {
                        i.put("label", item.label());
                    }
                    i.set("text", inline(item.text()));
                }
            }
            case Quote q -> {
                node.set("text", inline(q.text()));
                if (q.attribution() != null) {
                    node.put("attribution", q.attribution());
                }
            }
            case ImageBlock i -> writeImage(node, i);
            case Subhead s -> node.put("text", s.text());
            case Embed e -> node.put("url", e.url());
        }
        return node;
    }

    public static ObjectNode writeImage(ObjectNode node, ImageBlock image) {
        if (image.hasMedia()) {
            node.put("mediaId", image.mediaId());
        }
        if (image.caption() != null) {
            node.put("caption", image.caption());
        }
        if (image.credit() != null) {
            node.set("credit", credit(image.credit()));
        }
        if (image.alt() != null) {
            node.put("alt", image.alt());
        }
        return node;
    }

    public static ObjectNode credit(Credit credit) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", credit.kind().name().toLowerCase(Locale.ROOT));
        node.put("by", credit.by());
        if (credit.via() != null) {
            node.put("via", credit.via());
        }
        return node;
    }

    public static ArrayNode inline(Inline inline) {
        ArrayNode spans = MAPPER.createArrayNode();
        for (Span span : inline.spans()) {
            ObjectNode s = spans.addObject();
            s.put("text", span.text());
            if (span.bold()) {
                s.put("bold", true);
            }
            if (span.italic()) {
                s.put("italic", true);
            }
            if (span.href() != null) {
                s.put("href", span.href());
            }
        }
        return spans;
    }

    public static String writeString(Block block) {
        ObjectNode node = write(block);
        node.remove("type");
        return node.toString();
    }

    public static String writeList(List<Block> blocks) {
        ArrayNode array = MAPPER.createArrayNode();
        blocks.forEach(b -> array.add(write(b)));
        return array.toString();
    }

    /** Reads a block stored as its type and its JSON data. */
    public static Block read(String type, String data) {
        try {
            JsonNode node = MAPPER.readTree(data);
            if (!(node instanceof ObjectNode object)) {
                throw new ValidationException("blocks", "A " + type + " block must be a JSON object.");
            }
            return read(type, object);
        } catch (JsonProcessingException e) {
            throw new ValidationException(
                    "blocks", "A " + type + " block is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a block whose type is inside the node, as the API sends them. */
    public static Block read(JsonNode node) {
        if (!(node instanceof ObjectNode object) || !node.path("type").isTextual()) {
            throw new ValidationException("blocks", "Every block needs a \"type\".");
        }
        return read(node.get("type").asText(), object);
    }

    public static List<Block> readList(JsonNode array) {
        if (!array.isArray()) {
            throw new ValidationException("blocks", "The body must be a JSON array of blocks.");
        }
        List<Block> blocks = new ArrayList<>();
        for (JsonNode node : array) {
            blocks.add(read(node));
        }
        return blocks;
    }

    private static Block read(String type, ObjectNode node) {
        return switch (type) {
            case "paragraph" -> new Paragraph(inline(node.get("text"), type));
            case "lead-in" -> new LeadIn(text(node, "label", type), inline(node.get("text"), type));
            case "list" -> new ListBlock(node.path("ordered").asBoolean(false), items(node.get("items")));
            case "quote" -> new Quote(inline(node.get("text"), type), optionalText(node, "attribution"));
            case "image" -> {
                // Only a hero may wait for its image; a block in the text names one.
                text(node, "mediaId", type);
                yield readImage(node);
            }
            case "subhead" -> new Subhead(text(node, "text", type));
            case "embed" -> new Embed(text(node, "url", type));
            default ->
                throw new ValidationException(
                        "blocks",
                        "Unknown block type \"" + type
                                + "\"; the types are paragraph, lead-in, list, quote, image, subhead and embed.");
        };
    }

    public static ImageBlock readImage(JsonNode node) {
        JsonNode credit = node.get("credit");
        return new ImageBlock(
                optionalText(node, "mediaId"),
                optionalText(node, "caption"),
                credit == null || credit.isNull() ? null : readCredit(credit),
                optionalText(node, "alt"));
    }

    public static Credit readCredit(JsonNode node) {
        return new Credit(
                CreditKind.parse(text(node, "kind", "credit")), text(node, "by", "credit"), optionalText(node, "via"));
    }

    private static List<ListItem> items(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new ValidationException("blocks", "A list block needs an \"items\" array.");
        }
        List<ListItem> items = new ArrayList<>();
        for (JsonNode item : array) {
            items.add(new ListItem(optionalText(item, "label"), inline(item.get("text"), "list item")));
        }
        return items;
    }

    public static Inline inline(JsonNode array, String where) {
        if (array == null || !array.isArray()) {
            throw new ValidationException("blocks", "A " + where + " needs its \"text\" as an array of spans.");
        }
        List<Span> spans = new ArrayList<>();
        for (JsonNode span : array) {
            spans.add(new Span(
                    text(span, "text", where),
                    span.path("bold").asBoolean(false),
                    span.path("italic").asBoolean(false),
                    optionalText(span, "href")));
        }
        return new Inline(spans);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ValidationException("blocks", "A " + where + " needs \"" + field + "\" as text.");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
