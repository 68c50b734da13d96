package org.custodian.cop;

import java.util.List;
import java.util.Map;

/**
 * The colour the map gives a status code, by what the word means wherever it comes from: danger and
 * confirmed in red, doubt and work under way in amber, settled and safe in green, closed or refused in grey.
 * One legend reads the same across layers; a code with none of these words gets a neutral blue.
 */
final class StatusColours {

    private static final Map<String, List<String>> WORDS = new java.util.LinkedHashMap<>();

    static {
        WORDS.put(
                "#15803d",
                List.of(
                        "RELEASED",
                        "CLEARED",
                        "VERIFIED",
                        "OPERATIONAL",
                        "GOOD",
                        "OPEN",
                        "DELIVERED",
                        "COMPLETED",
                        "DONE",
                        "ACTIVE_SAFE",
                        "SAFE"));
        WORDS.put("#b91c1c", List.of("CONFIRMED", "DESTROYED", "RUINED", "HIGH", "ATTACK", "BLOCKED", "CLOSED_DANGER"));
        WORDS.put(
                "#d97706",
                List.of(
                        "SUSPECTED",
                        "REPORTED",
                        "UNDER_REVIEW",
                        "IN_CLEARANCE",
                        "DAMAGED",
                        "POOR",
                        "FAIR",
                        "PENDING",
                        "PLANNED",
                        "MEDIUM",
                        "IN_PROGRESS",
                        "UNDER_WAY",
                        "EN_ROUTE",
                        "DISPUTED"));
        WORDS.put("#6b7280", List.of("REJECTED", "CANCELLED", "CLOSED", "UNKNOWN", "LOW", "WITHDRAWN", "ARCHIVED"));
    }

    private StatusColours() {}

    static String of(String code) {
        for (var colour : WORDS.entrySet()) {
            if (colour.getValue().contains(code)) {
                return colour.getKey();
            }
        }
        for (var colour : WORDS.entrySet()) {
            if (colour.getValue().stream().anyMatch(code::contains)) {
                return colour.getKey();
            }
        }
        return "#2563eb";
    }
}
