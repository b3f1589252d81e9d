package org.lede.transfer.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lede.common.ValidationException;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.transfer.TransferStore;

/**
 * Every newsroom table, in foreign-key order, as {@code {"$schema":"...","format":"lede-export",
 * "version":1,"tables":{"users":[{...}], ...}}}, in the shape of {@code /api/schema/export.json}. A row is an object of its columns; the columns that hold the
 * story document's JSON (blocks, revision snapshots, page bodies) are nested as that JSON, so the
 * document is read in the one shape of {@code /api/schema/story.json}. Rows are streamed in key
 * order, one at a time, so memory does not grow with the archive.
 */
public final class JdbiTransferStore implements TransferStore {
    static final String FORMAT = "lede-export";
    static final int VERSION = 1;
    /** The JSON Schema of the document, named in its {@code $schema} member so tools can find it. */
    static final String SCHEMA = "https://lede.example/api/schema/export.json";

    private static final int BATCH = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What leaves: no password hashes, sessions, tokens, server secrets or the event log. */
    private record Table(String name, List<String> key, Set<String> jsonColumns, Set<String> withheld) {}

    private static final List<Table> TABLES = List.of(
            new Table("users", List.of("id"), Set.of(), Set.of("password_hash")),
            new Table("media", List.of("id"), Set.of(), Set.of()),
            new Table("topics", List.of("id"), Set.of(), Set.of()),
            new Table("authors", List.of("id"), Set.of(), Set.of()),
            new Table("stories", List.of("id"), Set.of(), Set.of()),
            new Table("story_blocks", List.of("story_id", "#position"), Set.of("data"), Set.of()),
            new Table("story_authors", List.of("story_id", "#position"), Set.of(), Set.of()),
            new Table("story_tags", List.of("story_id", "#position"), Set.of(), Set.of()),
            new Table("story_corrections", List.of("story_id", "#position"), Set.of(), Set.of()),
            new Table("story_pins", List.of("story_id", "#position"), Set.of(), Set.of()),
            new Table("story_revisions", List.of("story_id", "#revision"), Set.of("snapshot"), Set.of()),
            new Table("story_old_slugs", List.of("slug"), Set.of(), Set.of()),
            new Table("dashboards", List.of("id"), Set.of(), Set.of()),
            new Table("dashboard_items", List.of("dashboard_id", "#position"), Set.of(), Set.of()),
            new Table("dashboard_entries", List.of("dashboard_id", "#item_position", "#position"), Set.of(), Set.of()),
            new Table("top_stories", List.of("#position"), Set.of(), Set.of()),
            new Table("retired_slugs", List.of("kind", "slug"), Set.of(), Set.of()),
            new Table("site_pages", List.of("id"), Set.of("body"), Set.of()),
            new Table("redirects", List.of("path"), Set.of(), Set.of()),
            new Table("import_sources", List.of("kind", "source_id"), Set.of(), Set.of()));

    private final Database db;

    public JdbiTransferStore(Database db) {
        this.db = db;
    }

    @Override
    public List<String> occupiedTables() {
        return db.handle(h -> {
            List<String> occupied = new ArrayList<>();
            for (Table table : TABLES) {
                // One row answers "is it empty?"; counting would read a million-story archive whole.
                if (h.createQuery("SELECT 1 FROM " + table.name() + " LIMIT 1")
                        .mapTo(Integer.class)
                        .findOne()
                        .isPresent()) {
                    occupied.add(table.name());
                }
            }
            return occupied;
        });
    }

    @Override
    public void write(OutputStream out, MediaVisitor media) {
        if (db.dialect() == Dialect.POSTGRESQL) {
            db.inTransaction(() -> db.handle(h -> {
                try (Statement s = h.getConnection().createStatement()) {
                    // The first statement of the transaction, so every table is read from one snapshot.
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot open a snapshot for export", e);
                }
                writeDocument(h.getConnection(), out, media);
                return null;
            }));
            return;
        }
        // The pool opens SQLite transactions IMMEDIATE, which would hold writers off for the whole
        // export; a deferred one is a plain WAL reader: one snapshot, writers go on.
        db.handle(h -> {
            Connection c = h.getConnection();
            try {
                if (!c.getAutoCommit()) {
                    throw new IllegalStateException("export opens its own snapshot; call it outside a transaction");
                }
                try (Statement s = c.createStatement()) {
                    s.execute("BEGIN DEFERRED");
                }
                try {
                    writeDocument(c, out, media);
                } finally {
                    try (Statement s = c.createStatement()) {
                        s.execute("COMMIT");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the newsroom for export", e);
            }
            return null;
        });
    }

    private void writeDocument(Connection c, OutputStream out, MediaVisitor media) {
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeObjectFieldStart("tables");
            for (Table table : TABLES) {
                json.writeArrayFieldStart(table.name());
                writeRows(c, table, json, media);
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the newsroom for export", e);
        }
    }

    private void writeRows(Connection c, Table table, JsonGenerator json, MediaVisitor media)
            throws SQLException, IOException {
        String order = table.key().stream()
                .map(k -> k.startsWith("#")
                        ? k.substring(1)
                        // Key order must not depend on the database's collation, so both export alike.
                        : k + (db.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : ""))
                .collect(Collectors.joining(", "));
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + table.name() + " ORDER BY " + order)) {
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int count = meta.getColumnCount();
                while (rs.next()) {
                    json.writeStartObject();
                    for (int i = 1; i <= count; i++) {
                        String column = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                        if (table.withheld().contains(column)) {
                            continue;
                        }
                        Object value = rs.getObject(i);
                        json.writeFieldName(column);
                        if (value == null) {
                            json.writeNull();
                        } else if (value instanceof Number n) {
                            json.writeNumber(n.longValue());
                        } else if (table.name().equals("story_blocks") && column.equals("data")) {
                            writeBlock(json, rs.getString("type"), value.toString());
                        } else if (table.jsonColumns().contains(column)) {
                            json.writeRawValue(value.toString());
                        } else {
                            json.writeString(value.toString());
                        }
                    }
                    json.writeEndObject();
                    if (table.name().equals("media")) {
                        media.original(rs.getString("sha256"), rs.getString("content_type"));
                    }
                }
            }
        }
    }

    /**
     * A block row keeps its type in a column of its own; the document carries the block whole, with
     * its type, so it is one of story.json's Block shapes.
     */
    private static void writeBlock(JsonGenerator json, String type, String data) throws IOException {
        ObjectNode block = MAPPER.createObjectNode().put("type", type);
        block.setAll((ObjectNode) MAPPER.readTree(data));
        json.writeTree(block);
    }

    @Override
    public void read(InputStream in, MediaVisitor media) {
        db.handle(h -> {
            try (JsonParser json = MAPPER.getFactory().createParser(in)) {
                readDocument(h.getConnection(), json, media);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new ValidationException(
                        "file",
                        "malformed JSON"
                                + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                                + ": " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the export", e);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot write the imported newsroom: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private void readDocument(Connection c, JsonParser json, MediaVisitor media) throws IOException, SQLException {
        expect(json, json.nextToken() == JsonToken.START_OBJECT, "a JSON object");
        expect(json, json.nextToken() == JsonToken.FIELD_NAME, "\"format\"");
        if ("$schema".equals(json.currentName())) {
            // Any schema address is read: the version below is what says how to read the rest.
            expect(json, json.nextToken() == JsonToken.VALUE_STRING, "\"$schema\" to be a string");
            expectField(json, "format");
        } else {
            expect(json, "format".equals(json.currentName()), "\"format\"");
        }
        json.nextToken();
        expect(json, FORMAT.equals(json.getValueAsString()), "\"format\": \"" + FORMAT + "\"");
        expectField(json, "version");
        json.nextToken();
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT || !READABLE_VERSIONS.contains(json.getIntValue())) {
            throw new ValidationException(
                    "file",
                    "export version " + json.getText() + " is not one this Lede reads; it reads version"
                            + (READABLE_VERSIONS.size() == 1 ? " " : "s ")
                            + READABLE_VERSIONS.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + ".");
        }
        expectField(json, "tables");
        expect(json, json.nextToken() == JsonToken.START_OBJECT, "\"tables\" to be an object");
        Map<String, Table> known = new LinkedHashMap<>();
        TABLES.forEach(t -> known.put(t.name(), t));
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            Table table = known.remove(json.currentName());
            expect(
                    json,
                    table != null,
                    "a table this Lede exports, in order, once, not \"" + json.currentName() + "\"");
            // A row may only reference rows of tables written before it.
            for (Table earlier : TABLES) {
                if (earlier == table) {
                    break;
                }
                expect(json, !known.containsKey(earlier.name()), "table " + earlier.name() + " before " + table.name());
            }
            expect(json, json.nextToken() == JsonToken.START_ARRAY, "an array of rows in " + table.name());
            readRows(c, table, json, media);
        }
        expect(json, json.currentToken() == JsonToken.END_OBJECT, "the end of \"tables\"");
        expect(json, json.nextToken() == JsonToken.END_OBJECT, "the end of the document");
        expect(json, json.nextToken() == null, "nothing after the document");
    }

    private void readRows(Connection c, Table table, JsonParser json, MediaVisitor media)
            throws IOException, SQLException {
        Map<String, Integer> types = columnTypes(c, table.name());
        List<String> columns = new ArrayList<>(types.keySet());
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            int pending = 0;
            while (json.nextToken() == JsonToken.START_OBJECT) {
                JsonNode row = json.readValueAsTree();
                for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    expect(json, types.containsKey(name), "a column of " + table.name() + ", not \"" + name + "\"");
                }
                if (table.name().equals("story_blocks")) {
                    unwrapBlock(json, (ObjectNode) row);
                }
                for (int i = 0; i < columns.size(); i++) {
                    bind(insert, i + 1, types.get(columns.get(i)), row.get(columns.get(i)), table, columns.get(i));
                }
                insert.addBatch();
                if (table.name().equals("media")) {
                    media.original(
                            row.path("sha256").asText(),
                            row.path("content_type").asText());
                }
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            expect(json, json.currentToken() == JsonToken.END_ARRAY, "a row object in " + table.name());
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Stores a block as the story store does: its type in the type column, the rest as data. */
    private static void unwrapBlock(JsonParser json, ObjectNode row) {
        JsonNode data = row.get("data");
        expect(json, data instanceof ObjectNode, "a block object in story_blocks.data");
        JsonNode type = ((ObjectNode) data).remove("type");
        expect(
                json,
                type == null || type.asText().equals(row.path("type").asText()),
                "the block's type to be the row's, " + row.path("type"));
    }

    private static void bind(
            PreparedStatement insert, int index, int sqlType, JsonNode value, Table table, String column)
            throws SQLException, JsonProcessingException {
        if (value == null || value.isNull()) {
            insert.setNull(index, sqlType);
        } else if (table.jsonColumns().contains(column)) {
            insert.setString(index, MAPPER.writeValueAsString(value));
        } else if (value.isIntegralNumber()) {
            insert.setLong(index, value.longValue());
        } else if (value.isTextual()) {
            insert.setString(index, value.textValue());
        } else {
            throw new ValidationException(
                    "file",
                    table.name() + "." + column + " holds " + value.getNodeType() + "; a text or whole number is read");
        }
    }

    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Integer> types = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                int type = meta.getColumnType(i);
                types.put(
                        meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT),
                        type == Types.NULL ? Types.VARCHAR : type);
            }
            return types;
        }
    }

    private static void expectField(JsonParser json, String name) throws IOException {
        expect(json, json.nextToken() == JsonToken.FIELD_NAME && name.equals(json.currentName()), "\"" + name + "\"");
    }

    private static void expect(JsonParser json, boolean condition, String expected) {
        if (!condition) {
            JsonLocation at = json.currentLocation();
            throw new ValidationException(
                    "file",
                    "not a Lede export at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": expected "
                            + expected + ".");
        }
    }

    @Override
    public void copyDatabaseTo(Path file) {
        if (db.dialect() != Dialect.SQLITE) {
            throw new IllegalStateException("VACUUM INTO is SQLite's; PostgreSQL is backed up as an export");
        }
        // VACUUM INTO reads one snapshot like any reader, so in WAL mode writers go on meanwhile.
        db.handle(h -> h.createUpdate("VACUUM INTO :file")
                .bind("file", file.toAbsolutePath().toString())
                .execute());
    }
}
