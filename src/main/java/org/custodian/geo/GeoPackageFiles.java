package org.custodian.geo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
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
 * Writes layers to an OGC GeoPackage (one feature table per layer, EPSG:4326, its geometry type declared,
 * with the RTree spatial index) and reads the features of a GeoPackage's tables back. Attribute types come
 * from the layer's schema; a property it does not name is typed from all its values (whole numbers INTEGER,
 * other numbers REAL, booleans BOOLEAN, dates DATE and DATETIME, everything else TEXT). Not thread-safe per
 * file; each call opens and closes its file.
 */
public final class GeoPackageFiles {

    private GeoPackageFiles() {}

    /**
     * A table to write: its name, geometry type (GeoJSON name), the types of its properties ({@link
     * FeatureLayer#schema}) and features.
     */
    public record Table(
            String name,
            String geometryType,
            Map<String, FeatureLayer.PropertyType> schema,
            List<FeatureLayer.Feature> features) {

        /** A table whose property types follow the values. */
        public Table(String name, String geometryType, List<FeatureLayer.Feature> features) {
            this(name, geometryType, Map.of(), features);
        }
    }

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
        table.schema().forEach((name, type) -> columns.put(column(name), dataType(type)));
        // Properties the schema does not name are typed from all their values, never from the first alone:
        // a column whose first values are null takes the type of the values that follow.
        Map<String, @Nullable GeoPackageDataType> inferred = new LinkedHashMap<>();
        Envelope extent = new Envelope();
        for (FeatureLayer.Feature f : table.features()) {
            extent.expandToInclude(f.geometry().getEnvelopeInternal());
            f.properties().forEach((name, value) -> {
                String column = column(name);
                if (columns.containsKey(column)) {
                    return;
                }
                GeoPackageDataType seen = inferred.get(column);
                if (value == null) {
                    inferred.putIfAbsent(column, null);
                } else {
                    GeoPackageDataType type = typeOf(value);
                    inferred.put(column, seen == null || seen == type ? type : wider(seen, type));
                }
            });
        }
        inferred.forEach((name, type) -> columns.put(name, type == null ? GeoPackageDataType.TEXT : type));
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
        // The spatial index GIS tools look for (the GeoPackage RTree extension), filled from the rows written.
        new RTreeIndexExtension(gpkg).create(dao.getTable());
    }

    /**
     * Every feature of every feature table, in table and row order.
     *
     * @throws IOException when the file cannot be read or is refused (see {@link #read(Path, Consumer)})
     */
    public static List<ReadFeature> read(Path file) throws IOException {
        List<ReadFeature> out = new ArrayList<>();
        read(file, out::add);
        return out;
    }

    /**
     * How many features the file's feature tables hold, read without reading the features.
     *
     * @throws IOException when the file cannot be read or is refused (see {@link #read(Path, Consumer)})
     */
    public static long countFeatures(Path file) throws IOException {
        try (GeoPackage gpkg = open(file)) {
            long count = 0;
            for (String table : featureTables(gpkg)) {
                count += gpkg.getFeatureDao(table).count();
            }
            return count;
        } catch (RuntimeException e) {
            throw new IOException("not a readable GeoPackage: " + e.getMessage(), e);
        }
    }

    /**
     * Hands each feature of each feature table to {@code each}, in table and row order, one at a time. Values
     * are read as their columns declare them: DATE as {@link java.time.LocalDate}, DATETIME as {@link
     * java.time.Instant}, integer types as {@link Long}, FLOAT, DOUBLE and REAL as {@link Double}, BOOLEAN as
     * {@link Boolean}, TEXT as {@link String}. Geometries are moved from the coordinate system the table
     * declares to WGS 84 (SRID 4326).
     *
     * <p>Only real tables are read: a feature table that is a view is refused before anything of it runs (a
     * view's query is the file author's code). What {@code each} throws reaches the caller as it was.
     *
     * @throws IOException when the file cannot be read, a feature table is a view, or a table's coordinate
     *     system is not one that can be converted (the message names it)
     */
    public static void read(Path file, Consumer<ReadFeature> each) throws IOException {
        try (GeoPackage gpkg = open(file)) {
            for (String table : featureTables(gpkg)) {
                readTable(gpkg, table, each);
            }
        } catch (Handed e) {
            throw e.getCause();
        } catch (RuntimeException | ParseException e) {
            throw new IOException("not a readable GeoPackage: " + e.getMessage(), e);
        }
    }

    private static GeoPackage open(Path file) throws IOException {
        try {
            return GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new IOException("not a readable GeoPackage: " + e.getMessage(), e);
        }
    }

    /** The feature tables of gpkg_contents, refusing any that is not a table of sqlite_master. */
    private static List<String> featureTables(GeoPackage gpkg) throws IOException {
        List<String> tables = gpkg.getFeatureTables();
        for (String table : tables) {
            if (!gpkg.isTable(table)) {
                throw new IOException("the feature table '" + table + "' is "
                        + (gpkg.isView(table) ? "a view" : "not a table")
                        + "; only feature tables stored as tables are read");
            }
        }
        return tables;
    }

    private static void readTable(GeoPackage gpkg, String table, Consumer<ReadFeature> each)
            throws IOException, ParseException {
        FeatureDao dao = gpkg.getFeatureDao(table);
        Reprojection reprojection = reprojection(dao.getSrs());
        WKBReader wkb = new WKBReader(Wgs84.FACTORY);
        FeatureResultSet rows = dao.queryForAll();
        try {
            while (rows.moveToNext()) {
                FeatureRow row = rows.getRow();
                Geometry geometry = null;
                GeoPackageGeometryData data = row.getGeometry();
                if (data != null && data.getGeometry() != null) {
                    geometry = reprojection.apply(wkb.read(data.getWkb()));
                }
                Map<String, @Nullable Object> properties = new LinkedHashMap<>();
                for (FeatureColumn column : row.getTable().getColumns()) {
                    if (!column.isGeometry() && !column.isPrimaryKey()) {
                        properties.put(column.getName(), typed(column, row.getValue(column.getName())));
                    }
                }
                ReadFeature feature = new ReadFeature(table, row.getId(), geometry, properties);
                try {
                    each.accept(feature);
                } catch (RuntimeException e) {
                    throw new Handed(e);
                }
            }
        } finally {
            rows.close();
        }
    }

    private static Reprojection reprojection(@Nullable SpatialReferenceSystem srs) throws IOException {
        if (srs == null || srs.getSrsId() == 0) {
            // srs_id 0 is the GeoPackage's "undefined geographic coordinate reference system": longitude and
            // latitude, which is what WGS 84 readers assume.
            return Reprojection.from("EPSG", Wgs84.SRID, "WGS 84");
        }
        if (srs.getSrsId() == -1) {
            throw new IOException("the file's coordinate system is undefined (Cartesian, srs_id -1); "
                    + "write it in WGS 84 or an EPSG coordinate system");
        }
        try {
            return Reprojection.from(
                    srs.getOrganization(), srs.getOrganizationCoordsysId(), "'" + srs.getSrsName() + "'");
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A value as its column declares it; dates as the calendar date or instant they were written as. */
    private static @Nullable Object typed(FeatureColumn column, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        GeoPackageDataType type = column.getDataType();
        if (type == null) {
            return value;
        }
        return switch (type) {
            case DATE ->
                value instanceof java.util.Date d
                        ? LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC)
                        : LocalDate.parse(value.toString()
                                .substring(0, Math.min(10, value.toString().length())));
            case DATETIME -> value instanceof java.util.Date d ? d.toInstant() : Instant.parse(value.toString());
            case BOOLEAN -> value instanceof Boolean ? value : value instanceof Number n ? n.longValue() != 0 : value;
            case TINYINT, SMALLINT, MEDIUMINT, INT, INTEGER ->
                value instanceof Number n ? (Object) n.longValue() : value;
            case FLOAT, DOUBLE, REAL -> value instanceof Number n ? (Object) n.doubleValue() : value;
            case TEXT -> value.toString();
            default -> value;
        };
    }

    /** What the consumer of {@link #read(Path, Consumer)} threw, carried past the reader's own handling. */
    private static final class Handed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Handed(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private static GeoPackageDataType dataType(FeatureLayer.PropertyType type) {
        return switch (type) {
            case TEXT -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.INTEGER;
            case REAL -> GeoPackageDataType.REAL;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
            case DATE -> GeoPackageDataType.DATE;
            case DATETIME -> GeoPackageDataType.DATETIME;
        };
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
        if (value instanceof LocalDate) {
            return GeoPackageDataType.DATE;
        }
        if (value instanceof Instant || value instanceof java.time.OffsetDateTime) {
            return GeoPackageDataType.DATETIME;
        }
        return GeoPackageDataType.TEXT;
    }

    /** The type that holds values of both: REAL for whole and other numbers, TEXT otherwise. */
    private static GeoPackageDataType wider(GeoPackageDataType a, GeoPackageDataType b) {
        boolean numbers = (a == GeoPackageDataType.INTEGER || a == GeoPackageDataType.REAL)
                && (b == GeoPackageDataType.INTEGER || b == GeoPackageDataType.REAL);
        return numbers ? GeoPackageDataType.REAL : GeoPackageDataType.TEXT;
    }

    /** GeoPackage DATETIME text: UTC with milliseconds, as the specification writes it. */
    private static final java.time.format.DateTimeFormatter DATETIME = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static @Nullable Object plain(@Nullable Object value, GeoPackageDataType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> ((Number) value).longValue();
            case REAL -> ((Number) value).doubleValue();
            case BOOLEAN -> value;
            case DATE ->
                value instanceof LocalDate d
                        ? d.toString()
                        : LocalDate.parse(value.toString().substring(0, 10)).toString();
            case DATETIME ->
                DATETIME.format(
                        value instanceof Instant i
                                ? i
                                : value instanceof java.time.OffsetDateTime o
                                        ? o.toInstant()
                                        : java.time.OffsetDateTime.parse(value.toString())
                                                .toInstant());
            default -> value.toString();
        };
    }

    /** GeoPackage column names: letters, digits and underscores. */
    private static String column(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
