package org.lede.web.api.admin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lede.common.ValidationException;
import org.lede.web.support.ProblemException;

/**
 * A request's JSON object and typed reads of its members. A member of the wrong type, or one
 * this endpoint does not know, is refused (422) naming the member, so a client's typo is
 * reported rather than silently dropped; a body that is not JSON at all is 400.
 */
final class JsonBody {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Far above any story (bodies are at most 200,000 characters) and far below the server's limit. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final ObjectNode node;
    private final String prefix;

    private JsonBody(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The request's body as a JSON object whose members are all among {@code known}. */
    static JsonBody of(Context ctx, Set<String> known) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(415, "Send the request body as application/json.");
        }
        JsonNode parsed;
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(413, "A JSON body may be at most " + (MAX_BYTES >> 20) + " MB.");
            }
            parsed = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new ProblemException(400, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a request body", e);
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw new ProblemException(400, "The body must be a JSON object.");
        }
        JsonBody body = new JsonBody(object, "");
        body.requireKnown(known);
        return body;
    }

    void requireKnown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ValidationException(
                        path(name), "Unknown member \"" + name + "\"; this endpoint takes " + known(known) + ".");
            }
        }
    }

    private static String known(Set<String> known) {
        return String.join(", ", known.stream().sorted().toList());
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    String path(String name) {
        return prefix + name;
    }

    /** A nested object member, or null when absent. */
    JsonBody object(String name, Set<String> known) {
        if (!has(name)) {
            return null;
        }
        if (!(node.get(name) instanceof ObjectNode object)) {
            throw new ValidationException(path(name), "\"" + name + "\" must be an object.");
        }
        JsonBody nested = new JsonBody(object, path(name) + ".");
        nested.requireKnown(known);
        return nested;
    }

    String text(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw new ValidationException(path(name), "\"" + name + "\" must be a string.");
        }
        return value.asText();
    }

    String requiredText(String name) {
        String value = text(name);
        if (value == null) {
            throw new ValidationException(path(name), "\"" + name + "\" is required.");
        }
        return value;
    }

    Integer integer(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ValidationException(path(name), "\"" + name + "\" must be an integer.");
        }
        return value.asInt();
    }

    int requiredInt(String name) {
        Integer value = integer(name);
        if (value == null) {
            throw new ValidationException(path(name), "\"" + name + "\" is required.");
        }
        return value;
    }

    boolean bool(String name, boolean otherwise) {
        if (!has(name)) {
            return otherwise;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            throw new ValidationException(path(name), "\"" + name + "\" must be true or false.");
        }
        return value.asBoolean();
    }

    /** An array of strings; absent is empty. */
    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        if (!has(name)) {
            return out;
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            throw new ValidationException(path(name), "\"" + name + "\" must be an array of strings.");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new ValidationException(path(name), "\"" + name + "\" must be an array of strings.");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** The objects of an array member; absent is empty. */
    List<JsonBody> objects(String name, Set<String> known) {
        List<JsonBody> out = new ArrayList<>();
        if (!has(name)) {
            return out;
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            throw new ValidationException(path(name), "\"" + name + "\" must be an array of objects.");
        }
        int i = 0;
        for (JsonNode item : value) {
            String at = path(name) + "[" + i++ + "]";
            if (!(item instanceof ObjectNode object)) {
                throw new ValidationException(at, "Each item of \"" + name + "\" must be an object.");
            }
            JsonBody nested = new JsonBody(object, at + ".");
            nested.requireKnown(known);
            out.add(nested);
        }
        return out;
    }

    /** Writes a JSON answer. */
    static void answer(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json;charset=utf-8");
        try {
            ctx.result(body instanceof String s ? s : MAPPER.writeValueAsString(body));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "Cannot write JSON for " + body.getClass().getSimpleName(), e);
        }
    }

    static Map<String, Object> error(String field, String detail) {
        return Map.of("field", field, "detail", detail);
    }
}
