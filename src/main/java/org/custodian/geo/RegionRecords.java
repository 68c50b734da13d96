package org.custodian.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tables in which a module keeps the records of one region, for the region export and import (a
 * GeoPackage carrying a region from one instance to another). The cop module discovers every bean of this
 * type, as it does {@link FeatureLayer}s, so a module joins the export without cop importing it.
 *
 * <p>A module names its own tables and how to find a region's rows in each; the export reads every column
 * of those rows, follows their foreign keys to the shared rows they cite (agencies, sources, the region
 * itself) and the import writes them back with new identifiers in one transaction. Tables left out on
 * purpose (personal data) are simply not named.
 */
public interface RegionRecords {

    /**
     * A region's records were written by an import, straight into the modules' tables, bypassing the modules'
     * own writes and their events. Published in the import's transaction; a module that keeps any of these
     * tables' rows in memory listens for it after commit and reads them again.
     *
     * @param regionCode the region imported
     * @param tables the tables the import wrote rows into
     */
    record Imported(String regionCode, Set<String> tables) {

        public Imported {
            tables = Set.copyOf(tables);
        }

        /** Whether the import wrote rows into any of these tables. */
        public boolean wrote(String... names) {
            return Arrays.stream(names).anyMatch(tables::contains);
        }
    }

    /** The module, for the manifest and messages: {@code facilities}. */
    String module();

    /** The module's tables, parents before the rows that cite them. */
    List<Table> tables();

    /**
     * One table: its name, the SQL condition selecting one region's rows (each {@code ?} is bound to the
     * region's code; columns unqualified), and whether the import writes it back. A table not imported is
     * exported as a read-only record of what the source held, with {@code note} saying why.
     */
    record Table(
            String name,
            String regionRows,
            boolean imported,
            @Nullable String note,
            Set<String> ownColumns) {

        public Table {
            ownColumns = Set.copyOf(ownColumns);
        }

        public Table(String name, String regionRows, boolean imported, @Nullable String note) {
            this(name, regionRows, imported, note, Set.of());
        }

        /** A table whose rows carry the region's code in {@code region_code}. */
        public static Table ofRegion(String name) {
            return new Table(name, "region_code = ?", true, null);
        }

        /** A table whose rows belong to a row of {@code parent} through the column {@code parentColumn}. */
        public static Table childOf(Table parent, String name, String parentColumn) {
            return new Table(
                    name,
                    parentColumn + " in (select id from " + parent.name() + " where " + parent.regionRows() + ")",
                    parent.imported(),
                    parent.note());
        }

        /** The same table exported for the record only: the import leaves it out, for the reason given. */
        public Table readOnly(String why) {
            return new Table(name, regionRows, false, why, ownColumns);
        }

        /**
         * The same table with columns that mean something in this instance only (the number of a device key,
         * whose secret stays here), carried empty: another instance would read them as one of its own.
         */
        public Table withOwnColumns(String... columns) {
            return new Table(name, regionRows, imported, note, Set.of(columns));
        }

        /** How many times the region's code is bound in {@link #regionRows}. */
        public int parameters() {
            return (int) regionRows.chars().filter(c -> c == '?').count();
        }
    }
}
