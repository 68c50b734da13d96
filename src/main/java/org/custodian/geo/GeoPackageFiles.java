package org.custodian.geo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes layers to an OGC GeoPackage (one feature table per layer, EPSG:4326) and reads the features of a
 * GeoPackage's tables back. Attribute types follow the values: whole numbers INTEGER, other numbers REAL,
 * booleans BOOLEAN, everything else TEXT. Not thread-safe per file; each call opens and closes its file.
 */
public final class GeoPackageFiles {

    private GeoPackageFiles() {}

    /** A table to write: its name, geometry type (GeoJSON name) and features. */
    public record Table(String name, String geometryType, List<FeatureLayer.Feature> features) {}

    /** A feature read back, with the table it came from and its row number. */
    public record ReadFeature(
            String table, long row, @Nullable Geometry geometry, Map<String, @Nullable Object> properties) {}

    public static void write(Path file, List<Table> tables) throws IOException {
        Files.deleteIfExists(file);
        GeoPackageManager.create(file.toFile());
        try (GeoPackage gpkg = GeoPackageManager.open(file.toFile())) {
            SpatialReferenceSystem wgs84 = gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
            for (Table table : tables) {
                writeTable(gpkg, wgs84, table);
            }
        } catch (SQLException e) {
            throw new IOException("could not write the GeoPackage: " + e.getMessage(), e);
        }
    }

    private static void writeTable(GeoPackage gpkg, SpatialReferenceSystem wgs84, Table table) throws IOException {
        Map<String, GeoPackageDataType> columns = new LinkedHashMap<>();
        Envelope extent = new Envelope();
        for (FeatureLayer.Feature f : table.features()) {
            extent.expandToInclude(f.geometry().getEnvelopeInternal());
            f.properties().forEach((name, value) -> {
                if (value != null) {
                    GeoPackageDataType type = typeOf(value);
                    columns.merge(column(name), type, (a, b) -> a == b ? a : GeoPackageDataType.TEXT);
                } else {
                    columns.putIfAbsent(column(name), GeoPackageDataType.TEXT);
                }
            });
        }
        GeometryColumns geometry = new GeometryColumns();
        geometry.setTableName(table.name());
        geometry.setColumnName("geom");
        geometry.setGeometryType(GeometryType.findName(table.geometryType().toUpperCase(java.util.Locale.ROOT)));
        geometry.setZ((byte) 0);
        geometry.setM((byte) 0);
        geometry.setSrs(wgs84);
        List<FeatureColumn> attributes = new ArrayList<>();
        attributes.add(FeatureColumn.createColumn("feature_id", GeoPackageDataType.TEXT));
        columns.forEach((name, type) -> attributes.add(FeatureColumn.createColumn(name, type)));
        BoundingBox box = extent.isNull()
                ? new BoundingBox(-180, -90, 180, 90)
                : new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
        gpkg.createFeatureTable(FeatureTableMetadata.create(geometry, attributes, box));
        FeatureDao dao = gpkg.getFeatureDao(table.name());
        WKBWriter wkb = new WKBWriter();
        for (FeatureLayer.Feature f : table.features()) {
            FeatureRow row = dao.newRow();
            row.setGeometry(GeoPackageGeometryData.createAndBuildEnvelope(
                    wgs84.getSrsId(), GeometryReader.readGeometry(wkb.write(f.geometry()))));
            row.setValue("feature_id", f.id());
            f.properties()
                    .forEach((name, value) -> row.setValue(column(name), plain(value, columns.get(column(name)))));
            dao.insert(row);
        }
    }

    /** Every feature of every feature table, in table and row order. */
    public static List<ReadFeature> read(Path file) throws IOException {
        List<ReadFeature> out = new ArrayList<>();
        try (GeoPackage gpkg = GeoPackageManager.open(file.toFile(), false)) {
            for (String table : gpkg.getFeatureTables()) {
                FeatureDao dao = gpkg.getFeatureDao(table);
                WKBReader wkb = new WKBReader(Wgs84.FACTORY);
                FeatureResultSet rows = dao.queryForAll();
                try {
                    while (rows.moveToNext()) {
                        FeatureRow row = rows.getRow();
                        Geometry geometry = null;
                        GeoPackageGeometryData data = row.getGeometry();
                        if (data != null && data.getGeometry() != null) {
                            geometry = wkb.read(data.getWkb());
                            geometry.setSRID(Wgs84.SRID);
                        }
                        Map<String, @Nullable Object> properties = new LinkedHashMap<>();
                        for (String column : row.getColumnNames()) {
                            if (!column.equals(row.getGeometryColumnName())
                                    && !column.equals(row.getPkColumn().getName())) {
                                properties.put(column, row.getValue(column));
                            }
                        }
                        out.add(new ReadFeature(table, row.getId(), geometry, properties));
                    }
                } finally {
                    rows.close();
                }
            }
        } catch (RuntimeException | ParseException e) {
            throw new IOException("not a readable GeoPackage: " + e.getMessage(), e);
        }
        return out;
    }

    private static GeoPackageDataType typeOf(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return GeoPackageDataType.INTEGER;
        }
        if (value instanceof Number) {
            return GeoPackageDataType.REAL;
        }
        if (value instanceof Boolean) {
            return GeoPackageDataType.BOOLEAN;
        }
        return GeoPackageDataType.TEXT;
    }

    private static @Nullable Object plain(@Nullable Object value, GeoPackageDataType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> ((Number) value).longValue();
            case REAL -> ((Number) value).doubleValue();
            case BOOLEAN -> value;
            default -> value.toString();
        };
    }

    /** GeoPackage column names: letters, digits and underscores. */
    private static String column(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
