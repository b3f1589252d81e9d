package org.lede.importing.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading the fields of Ghost's records, which older exports write as numbers where newer ones write strings. */
final class Json {
    /** Reads one record at a time into a tree; never the whole file. */
    static final ObjectMapper TREES = new ObjectMapper();

    private Json() {}

    /** The field as text, or null when it is absent, null, blank or not a plain value. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
