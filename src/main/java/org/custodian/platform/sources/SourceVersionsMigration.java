package org.custodian.platform.sources;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.custodian.platform.NumberedMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 38: a corrected source keeps its publisher and title in its new version, so the pair is no
 * longer unique across rows (only among current versions, which the register checks). The constraint's name
 * is the database's own choice, different on each, hence read from the information schema.
 */
@Component
class SourceVersionsMigration extends NumberedMigration {

    SourceVersionsMigration() {
        super(38, "source versions share publisher and title");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = context.getConnection()
                        .prepareStatement("select constraint_name from information_schema.table_constraints"
                                + " where lower(table_name) = 'platform_source' and constraint_type = 'UNIQUE'");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement s = context.getConnection().createStatement()) {
            for (String name : names) {
                s.execute("alter table platform_source drop constraint \"" + name.replace("\"", "") + "\"");
            }
        }
    }
}
