package org.lede.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.Services;
import org.lede.demo.DemoAccounts;
import org.lede.demo.DemoContent;
import org.lede.importing.Importer;
import org.lede.importing.WxrSource;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.web.ApiContract;
import org.lede.web.WebServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real export is a document of {@code /api/schema/export.json}: the demo newsroom with an import
 * from WordPress (its redirects and source ids), site pages, dashboards and a correction, written
 * by the export itself and checked with an independent validator. Rows are closed shapes, so a
 * column the schema does not name fails here.
 */
class ExportDocumentSchemaTest extends WebServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode exportEverything() throws IOException {
        Services s = web.newsroom.services;
        new DemoContent(s, dir.resolve("media")).load();
        new DemoAccounts(s.userService()).ensure();
        Path wxr = dir.resolve("gazette.wxr");
        try (InputStream in = getClass().getResourceAsStream("/org/lede/importing/harbour-gazette.wxr")) {
            Files.write(wxr, in.readAllBytes());
        }
        try (WxrSource source = new WxrSource(() -> open(wxr), wxr.toString())) {
            s.importer(null).run(source, new Importer.Options("wxr", null, false, Importer.OnError.SKIP), report -> {});
        }
        List<Story> latest = s.stories().latestPublished(2, 0);
        Story corrected = s.storyService()
                .addCorrection(
                        Actor.SYSTEM,
                        latest.get(0).id(),
                        latest.get(0).revision(),
                        "An earlier version misnamed the quay.");
        s.storyService()
                .pin(
                        Actor.SYSTEM,
                        corrected.id(),
                        corrected.revision(),
                        List.of(latest.get(1).id()));

        Path file = dir.resolve("out/newsroom.json");
        Files.createDirectories(file.getParent());
        s.transfer().exportTo(file);
        return JSON.readTree(file.toFile());
    }

    @Test
    void aRealExportIsADocumentOfTheExportSchema() throws IOException {
        JsonNode exported = exportEverything();
        for (String table : List.of(
                "users",
                "media",
                "topics",
                "authors",
                "stories",
                "story_blocks",
                "story_authors",
                "story_tags",
                "story_corrections",
                "story_pins",
                "story_revisions",
                "dashboards",
                "dashboard_items",
                "dashboard_entries",
                "site_pages",
                "redirects",
                "import_sources")) {
            assertFalse(exported.path("tables").path(table).isEmpty(), table + " has rows to check");
        }
        assertEquals(ApiContract.EXPORT_SCHEMA_IRI, exported.path("$schema").asString());
        assertEquals(List.of(), errors(exported));
    }

    @Test
    void driftFromTheSchemaFails() throws IOException {
        JsonNode exported = exportEverything();
        ((ObjectNode) exported.at("/tables/stories/0")).put("new_column", "x");
        ((ObjectNode) exported.at("/tables/story_blocks/0/data")).put("type", "carousel");
        ((ObjectNode) exported).put("version", 2);
        List<String> errors = errors(exported);
        assertTrue(errors.stream().anyMatch(e -> e.contains("/tables/stories/0")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("/tables/story_blocks/0/data")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("/version")), errors.toString());
    }

    @Test
    void theSchemaIsServedAndIsValidJsonSchema202012() throws IOException {
        HttpResponse<String> served = web.get(ApiDocRoutes.EXPORT_SCHEMA);
        assertEquals(200, served.statusCode());
        assertTrue(served.headers().firstValue("Content-Type").orElseThrow().startsWith("application/schema+json"));
        try (InputStream in = getClass().getResourceAsStream("/org/lede/web/api/schema/export.json")) {
            assertEquals(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), served.body());
        }
        JsonNode schema = JSON.readTree(served.body());
        assertEquals(ApiContract.EXPORT_SCHEMA_IRI, schema.path("$id").asString());
        List<Error> errors = ApiContract.SCHEMAS
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"))
                .validate(schema);
        assertEquals(List.of(), errors.stream().map(Error::getMessage).toList());
    }

    private static List<String> errors(JsonNode document) {
        Schema schema = ApiContract.SCHEMAS.getSchema(SchemaLocation.of(ApiContract.EXPORT_SCHEMA_IRI));
        return schema.validate(document).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
