package org.lede.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API answer the tests receive, checked against {@code /api/openapi.json}: the operation
 * (by method and path template), the response (by status), its Content-Type, and its body against
 * the response's schema, with the story schema's $refs resolved from the jar, never the network.
 * An answer the document does not describe fails the test that received it.
 */
public final class ApiContract {
    /** Where the documents say they live: the OpenAPI document's base and the story schema's $id. */
    public static final String DOCUMENT_IRI = "https://lede.example/api/openapi.json";

    public static final String STORY_SCHEMA_IRI = "https://lede.example/api/schema/story.json";
    public static final String EXPORT_SCHEMA_IRI = "https://lede.example/api/schema/export.json";
    public static final String OAS_SCHEMA_IRI = "https://spec.openapis.org/oas/3.1/schema/2022-10-07";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String OPENAPI_TEXT = resource("/org/lede/web/api/openapi.json");
    private static final String STORY_TEXT = resource("/org/lede/web/api/schema/story.json");
    public static final JsonNode DOCUMENT = JSON.readTree(OPENAPI_TEXT);
    /** Formats are asserted, so a date-time or an address that is not one fails too. */
    public static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build())
                    .schemas(Map.of(
                            DOCUMENT_IRI,
                            OPENAPI_TEXT,
                            STORY_SCHEMA_IRI,
                            STORY_TEXT,
                            EXPORT_SCHEMA_IRI,
                            resource("/org/lede/web/api/schema/export.json"),
                            OAS_SCHEMA_IRI,
                            resource("/oas/schema-3.1.json"))));

    private static final Map<String, Schema> BY_POINTER = new ConcurrentHashMap<>();

    private ApiContract() {}

    /** True for the addresses the document describes: the APIs, not the document and the schema themselves. */
    static boolean described(String path) {
        return path.startsWith("/api/") && !path.equals("/api/openapi.json") && !path.startsWith("/api/schema/");
    }

    /** Fails unless the document describes this answer to this request exactly. */
    public static void check(HttpRequest request, HttpResponse<String> response) {
        String path = request.uri().getRawPath();
        if (!described(path)) {
            return;
        }
        String where = request.method() + " " + request.uri() + " → " + response.statusCode();
        String template = template(path);
        if (template == null) {
            fail("The OpenAPI document describes no path like " + path + " (" + where + ")");
        }
        String pathPointer = "/paths/" + escape(template);
        JsonNode operation = DOCUMENT.at(pathPointer + "/" + request.method().toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            fail("The OpenAPI document describes no " + request.method() + " on " + template + " (" + where + ")");
        }
        String responsePointer =
                pathPointer + "/" + request.method().toLowerCase(Locale.ROOT) + "/responses/" + response.statusCode();
        JsonNode described = DOCUMENT.at(responsePointer);
        if (described.isMissingNode()) {
            fail("The OpenAPI document gives " + template + " no " + response.statusCode() + " answer (" + where + "): "
                    + response.body());
        }
        if (described.has("$ref")) {
            responsePointer = described.get("$ref").asString().substring(1);
            described = DOCUMENT.at(responsePointer);
        }
        JsonNode content = described.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            assertEquals("", response.body(), "an answer described without content has none: " + where);
            return;
        }
        String contentType = response.headers()
                .firstValue("Content-Type")
                .orElseThrow(() -> new AssertionError("no Content-Type: " + where));
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        assertTrue(
                content.has(mediaType),
                "the document gives " + where + " the types " + content.propertyNames() + ", not " + contentType);
        if (request.method().equals("HEAD")) {
            return;
        }
        String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        Schema schema = BY_POINTER.computeIfAbsent(
                schemaPointer, p -> SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)));
        List<Error> errors = schema.validate(JSON.readTree(response.body()));
        if (!errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(e -> messages.add(e.getInstanceLocation() + ": " + e.getMessage()));
            fail("The answer to " + where + " breaks its schema " + schemaPointer + ":\n  "
                    + String.join("\n  ", messages) + "\n" + response.body());
        }
    }

    /** The document's path template that matches a concrete path; a literal segment beats a parameter. */
    static String template(String path) {
        String best = null;
        int bestLiterals = -1;
        for (String template : DOCUMENT.path("paths").propertyNames()) {
            Pattern pattern = Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}/]+\\}", "\\\\E[^/]+\\\\Q"));
            if (pattern.matcher(path).matches()) {
                int literals = template.replaceAll("\\{[^}/]+\\}", "").length();
                if (literals > bestLiterals) {
                    best = template;
                    bestLiterals = literals;
                }
            }
        }
        return best;
    }

    /** RFC 6901: a key as one segment of a JSON pointer. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    static String resource(String name) {
        try (InputStream in = ApiContract.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
