package org.lede.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.web.ApiContract;
import tools.jackson.databind.json.JsonMapper;

/** The API's description is itself valid: the document against OpenAPI 3.1's schema, the story schema against JSON Schema's. */
class OpenApiDocumentTest {
    @Test
    void theDocumentIsValidOpenApi31() {
        List<Error> errors = ApiContract.SCHEMAS
                .getSchema(SchemaLocation.of(ApiContract.OAS_SCHEMA_IRI))
                .validate(ApiContract.DOCUMENT);
        assertEquals(
                List.of(),
                errors.stream()
                        .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                        .toList());
        assertEquals("3.1.0", ApiContract.DOCUMENT.path("openapi").asString());
    }

    @Test
    void theOfficialSchemaCatchesABrokenDocument() {
        var broken = ApiContract.DOCUMENT.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) broken).remove("info");
        ((tools.jackson.databind.node.ObjectNode)
                        broken.path("paths").path("/api/v1/stories").path("get"))
                .remove("responses");
        assertFalse(ApiContract.SCHEMAS
                .getSchema(SchemaLocation.of(ApiContract.OAS_SCHEMA_IRI))
                .validate(broken)
                .isEmpty());
    }

    @Test
    void theStorySchemaIsValidJsonSchema202012() {
        var storySchema = JsonMapper.builder()
                .build()
                .readTree(ApiContract.class.getResourceAsStream("/org/lede/web/api/schema/story.json"));
        List<Error> errors = ApiContract.SCHEMAS
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"))
                .validate(storySchema);
        assertEquals(List.of(), errors.stream().map(Error::getMessage).toList());
        assertEquals(ApiContract.STORY_SCHEMA_IRI, storySchema.path("$id").asString());
        for (String name : List.of("Story", "Block", "Inline", "Span", "Credit", "Image", "Label", "Lede", "Link")) {
            assertTrue(storySchema.path("$defs").has(name), name);
        }
    }

    @Test
    void reusableComponentsKeepTheNamesTheAdminApiUses() {
        var components = ApiContract.DOCUMENT.path("components");
        var problem = components.path("schemas").path("Problem");
        assertTrue(problem.path("properties").has("errors"));
        for (String response : List.of("Problem400", "Problem401", "Problem404", "Problem500", "NotModified")) {
            assertTrue(components.path("responses").has(response), response);
        }
        assertTrue(components.path("parameters").has("Limit"));
        assertTrue(components.path("parameters").has("Cursor"));
    }

    @Test
    void everySchemaInTheDocumentResolvesWithoutNetwork() {
        for (String name :
                ApiContract.DOCUMENT.path("components").path("schemas").propertyNames()) {
            var schema = ApiContract.SCHEMAS.getSchema(
                    SchemaLocation.of(ApiContract.DOCUMENT_IRI + "#/components/schemas/" + name));
            schema.initializeValidators();
        }
        var story = ApiContract.SCHEMAS.getSchema(SchemaLocation.of(ApiContract.STORY_SCHEMA_IRI + "#/$defs/Story"));
        story.initializeValidators();
    }
}
