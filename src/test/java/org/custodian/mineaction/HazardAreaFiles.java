package org.custodian.mineaction;

import java.time.ZoneOffset;
import java.util.Set;
import org.custodian.geo.GeometryRules;

/** Reads an uploaded file as the hazard area import does: counts, then each feature and its attributes. */
final class HazardAreaFiles {

    private HazardAreaFiles() {}

    static void readAll(String name, byte[] content) {
        try (ImportedFile file = ImportedFile.of(name, content)) {
            file.count();
            file.each(f -> {
                f.text("name");
                f.value(HazardArea.Priority.class, "priority", HazardArea.Priority.MEDIUM);
                f.value(HazardArea.Status.class, "status", HazardArea.Status.SUSPECTED);
                f.contamination("contamination");
                f.date("recorded_on", ZoneOffset.UTC);
                if (f.geometry() != null) {
                    GeometryRules.check("geometry", f.geometry(), Set.of("Polygon", "MultiPolygon"));
                }
            });
        }
    }
}
