package org.custodian.cop;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesDao;
import mil.nga.geopackage.attributes.AttributesResultSet;
import mil.nga.geopackage.attributes.AttributesRow;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.db.GeoPackageDataType;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.GeoPackageFiles;
import org.custodian.geo.Wgs84;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The region export file: an OGC GeoPackage with one feature table per table that has a geometry (every
 * column as an attribute, for QGIS and GDAL), the table {@code custodian_records} holding every record of
 * every table as one JSON row (what the import reads: nothing is left to a GIS type), and the table {@code
 * custodian_manifest} holding the manifest as one JSON document.
 */
final class RegionFile {

    static final String FORMAT = "custodian-region-export/1";
    static final String RECORDS = "custodian_records";
    static final String MANIFEST = "custodian_manifest";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the file holds, table by table: counts of records (and of those only cited) and their hash. */
    record Manifest(String format, String region, String exportedAt, String exportedBy, List<Entry> tables) {}

    /**
     * One table: the module that keeps it ({@code cited} for rows present only because records cite them),
     * whether an import writes it, why not, its records, how many of them are only cited, and the hash of
     * their contents ({@link RecordDigests}).
     */
    record Entry(
            String table,
            String module,
            boolean imported,
            @Nullable String note,
            long records,
            long cited,
            String sha256) {}

    /** A file read back: its manifest and its records, table by table in the file's order. */
    record Contents(Manifest manifest, Map<String, List<RegionRows.Row>> tables) {}

    private RegionFile() {}

    static void write(
            Path file, Manifest manifest, Map<String, TableShape> shapes, Map<String, List<RegionRows.Row>> tables)
            throws IOException {
        List<GeoPackageFiles.Table> features = new ArrayList<>();
        tables.forEach((name, rows) -> {
            TableShape shape = shapes.get(name);
            TableShape.Column geometry = shape.geometry();
            if (geometry != null) {
                features.add(featureTable(shape, geometry, rows));
            }
        });
        GeoPackageFiles.write(file, features);
        try (GeoPackage gpkg = GeoPackageManager.open(file.toFile())) {
            gpkg.createAttributesTable(AttributesTableMetadata.create(
                    MANIFEST, List.of(AttributesColumn.createColumn("manifest", GeoPackageDataType.TEXT))));
            AttributesDao dao = gpkg.getAttributesDao(MANIFEST);
            AttributesRow row = dao.newRow();
            row.setValue("manifest", JSON.writeValueAsString(manifest));
            dao.insert(row);
            gpkg.createAttributesTable(AttributesTableMetadata.create(
                    RECORDS,
                    List.of(
                            AttributesColumn.createColumn("table_name", GeoPackageDataType.TEXT),
                            AttributesColumn.createColumn("cited", GeoPackageDataType.BOOLEAN),
                            AttributesColumn.createColumn("record", GeoPackageDataType.TEXT))));
            AttributesDao records = gpkg.getAttributesDao(RECORDS);
            gpkg.beginTransaction();
            for (Map.Entry<String, List<RegionRows.Row>> t : tables.entrySet()) {
                for (RegionRows.Row r : t.getValue()) {
                    AttributesRow out = records.newRow();
                    out.setValue("table_name", t.getKey());
                    out.setValue("cited", r.cited());
                    out.setValue("record", JSON.writeValueAsString(r.values()));
                    records.insert(out);
                }
            }
            gpkg.endTransaction();
        } catch (RuntimeException e) {
            throw new IOException("could not write the region's GeoPackage: " + e.getMessage(), e);
        }
    }

    private static GeoPackageFiles.Table featureTable(
            TableShape shape, TableShape.Column geometry, List<RegionRows.Row> rows) {
        Map<String, FeatureLayer.PropertyType> schema = new LinkedHashMap<>();
        for (TableShape.Column c : shape.columns()) {
            if (c != geometry) {
                schema.put(property(c.name()), propertyType(c.kind()));
            }
        }
        List<FeatureLayer.Feature> features = new ArrayList<>();
        String type = null;
        WKBReader wkb = new WKBReader(Wgs84.FACTORY);
        int n = 0;
        for (RegionRows.Row row : rows) {
            n++;
            Object hex = row.values().get(geometry.name());
            Geometry g;
            try {
                g = hex == null
                        ? Wgs84.FACTORY.createGeometryCollection()
                        : wkb.read(WKBReader.hexToBytes(hex.toString()));
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
            g.setSRID(Wgs84.SRID);
            if (hex != null) {
                type = type == null || type.equals(g.getGeometryType()) ? g.getGeometryType() : "Geometry";
            }
            Map<String, @Nullable Object> properties = new LinkedHashMap<>();
            row.values().forEach((column, value) -> {
                if (!column.equals(geometry.name())) {
                    properties.put(property(column), value);
                }
            });
            Object id = shape.identity() == null ? null : row.values().get(shape.identity());
            features.add(new FeatureLayer.Feature(id == null ? String.valueOf(n) : id.toString(), g, properties));
        }
        return new GeoPackageFiles.Table(shape.name(), type == null ? "Geometry" : type, schema, features);
    }

    /** The GeoPackage keeps its own row number as {@code id}: a record's number here is {@code custodian_id}. */
    private static String property(String column) {
        return column.equals("id") ? "custodian_id" : column;
    }

    private static FeatureLayer.PropertyType propertyType(TableShape.Kind kind) {
        return switch (kind) {
            case INTEGER -> FeatureLayer.PropertyType.INTEGER;
            case REAL -> FeatureLayer.PropertyType.REAL;
            case BOOLEAN -> FeatureLayer.PropertyType.BOOLEAN;
            case DATE -> FeatureLayer.PropertyType.DATE;
            case INSTANT -> FeatureLayer.PropertyType.DATETIME;
            default -> FeatureLayer.PropertyType.TEXT;
        };
    }

    /**
     * The manifest and records of a file.
     *
     * @throws IOException when the file is no GeoPackage, or not one this export wrote (the message says why)
     */
    static Contents read(Path file) throws IOException {
        try (GeoPackage gpkg = GeoPackageManager.open(file.toFile(), false)) {
            if (!gpkg.isTable(MANIFEST) || !gpkg.isTable(RECORDS)) {
                throw new IOException(
                        "the GeoPackage has no " + MANIFEST + " and " + RECORDS + " tables: it is not a region export");
            }
            Manifest manifest;
            AttributesResultSet m = gpkg.getAttributesDao(MANIFEST).queryForAll();
            try {
                if (!m.moveToNext()) {
                    throw new IOException("the manifest is empty");
                }
                manifest = JSON.readValue(String.valueOf(m.getRow().getValue("manifest")), Manifest.class);
            } finally {
                m.close();
            }
            Map<String, List<RegionRows.Row>> tables = new LinkedHashMap<>();
            AttributesResultSet rows = gpkg.getAttributesDao(RECORDS).queryForAll();
            try {
                while (rows.moveToNext()) {
                    AttributesRow row = rows.getRow();
                    Map<String, @Nullable Object> values = JSON.readValue(
                            String.valueOf(row.getValue("record")),
                            new TypeReference<LinkedHashMap<String, @Nullable Object>>() {});
                    values.replaceAll((k, v) -> plain(v));
                    Object cited = row.getValue("cited");
                    tables.computeIfAbsent(String.valueOf(row.getValue("table_name")), k -> new ArrayList<>())
                            .add(new RegionRows.Row(
                                    values,
                                    Boolean.TRUE.equals(cited) || (cited instanceof Number c && c.intValue() != 0)));
                }
            } finally {
                rows.close();
            }
            return new Contents(manifest, tables);
        } catch (JacksonException e) {
            throw new IOException(
                    "the file's manifest or records are not the JSON this export writes: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            // The library's own words (an SQL statement that failed) tell a person nothing: the cause goes to the log.
            throw new IOException("not a readable GeoPackage", e);
        }
    }

    /** JSON numbers as the export wrote them: whole numbers {@link Long}, others {@link Double}. */
    private static @Nullable Object plain(@Nullable Object value) {
        return switch (value) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case BigInteger b -> b.longValue();
            case Float f -> f.doubleValue();
            case BigDecimal d -> d.doubleValue();
            case null -> null;
            default -> value;
        };
    }
}
