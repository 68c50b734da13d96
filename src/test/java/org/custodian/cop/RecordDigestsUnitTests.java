package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RecordDigestsUnitTests {

    static final TableShape AGENCY = new TableShape(
            "agency",
            "agency",
            List.of(column("id", TableShape.Kind.INTEGER), column("name", TableShape.Kind.TEXT)),
            "id",
            Map.of(),
            List.of("name"));

    static final TableShape VISIT = new TableShape(
            "visit",
            "visit",
            List.of(
                    column("id", TableShape.Kind.INTEGER),
                    column("agency_id", TableShape.Kind.INTEGER),
                    column("team_id", TableShape.Kind.INTEGER),
                    column("note", TableShape.Kind.TEXT)),
            "id",
            Map.of(
                    "agency_id", new TableShape.Reference("agency", "id"),
                    "team_id", new TableShape.Reference("team", "id")),
            List.of());

    static final TableShape TEAM = new TableShape(
            "team",
            "team",
            List.of(column("id", TableShape.Kind.INTEGER), column("size", TableShape.Kind.REAL)),
            "id",
            Map.of(),
            List.of());

    static TableShape.Column column(String name, TableShape.Kind kind) {
        return new TableShape.Column(name, name, kind, 0);
    }

    static Map<String, @Nullable Object> row(Object... pairs) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    static RecordDigests digests(long agencyId, long teamId, long firstVisit, boolean reversed, String note) {
        List<Map<String, @Nullable Object>> visits = new ArrayList<>(List.of(
                row("id", firstVisit, "agency_id", agencyId, "team_id", teamId, "note", note),
                row("id", firstVisit + 1, "agency_id", agencyId, "team_id", teamId, "note", "second")));
        if (reversed) {
            java.util.Collections.reverse(visits);
        }
        return new RecordDigests(
                Map.of("agency", AGENCY, "visit", VISIT, "team", TEAM),
                Map.of(
                        "agency", List.of(row("id", agencyId, "name", "Red Crescent")),
                        "team", List.of(row("id", teamId, "size", 4.5)),
                        "visit", visits));
    }

    @Test
    void theHashOfATableDependsNeitherOnIdentityNumbersNorOnOrder() {
        RecordDigests here = digests(7, 3, 100, false, "first");
        RecordDigests there = digests(42, 9, 5, true, "first");
        assertThat(here.table("visit")).isEqualTo(there.table("visit"));
        assertThat(here.table("agency")).isEqualTo(there.table("agency"));
        assertThat(here.table("visit").count()).isEqualTo(2);
    }

    @Test
    void anyChangedValueChangesTheHash() {
        assertThat(digests(7, 3, 100, false, "first").table("visit"))
                .isNotEqualTo(digests(7, 3, 100, false, "First").table("visit"));
    }

    @Test
    void aCitedRowIsKnownByItsUniqueKeyOrItsContent() {
        RecordDigests d = digests(7, 3, 100, false, "first");
        Map<String, @Nullable Object> visit = row("id", 1L, "agency_id", 7L, "team_id", 3L, "note", "n");
        String withTeam = d.digest("visit", visit);
        RecordDigests otherTeam = new RecordDigests(
                Map.of("agency", AGENCY, "visit", VISIT, "team", TEAM),
                Map.of(
                        "agency", List.of(row("id", 7L, "name", "Red Crescent")),
                        "team", List.of(row("id", 3L, "size", 5.0)),
                        "visit", List.of()));
        assertThat(otherTeam.digest("visit", row("id", 1L, "agency_id", 7L, "team_id", 3L, "note", "n")))
                .isNotEqualTo(withTeam);
    }

    @Test
    void canonicalJsonOrdersNothingItselfAndEscapesText() {
        assertThat(RecordDigests.json(new java.util.TreeMap<>(Map.of("b", 1L, "a", "x\"y\n", "c", 2.5))))
                .isEqualTo("{\"a\":\"x\\\"y\\n\",\"b\":1,\"c\":2.5}");
        assertThat(RecordDigests.json(List.of(true, "k"))).isEqualTo("[true,\"k\"]");
    }
}
