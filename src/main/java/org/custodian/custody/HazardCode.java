package org.custodian.custody;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.platform.Reason;
import org.custodian.platform.RuleViolated;

/**
 * A UN hazard classification code of class 1 (explosives): hazard division and compatibility group, such as
 * 1.1D. Only the 35 combinations the UN system assigns are valid (IATG 01.50).
 */
public record HazardCode(String division, char group) {

    /** The compatibility groups each division takes. */
    private static final Map<String, String> GROUPS_BY_DIVISION = Map.of(
            "1.1", "ABCDEFGJL",
            "1.2", "BCDEFGHJKL",
            "1.3", "CFGHJKL",
            "1.4", "BCDEFGS",
            "1.5", "D",
            "1.6", "N");

    /**
     * Which groups may share a store with each group, from the UN mixing table: S goes with anything but A, K
     * and L; C, D and E go together and with G, N and S; A, K and L only with their own group (and L, K only
     * with the same type of item, checked by the site).
     */
    private static final Map<Character, String> STORED_WITH = Map.ofEntries(
            Map.entry('A', "A"),
            Map.entry('B', "BS"),
            Map.entry('C', "CDEGNS"),
            Map.entry('D', "CDEGNS"),
            Map.entry('E', "CDEGNS"),
            Map.entry('F', "FS"),
            Map.entry('G', "CDEGS"),
            Map.entry('H', "HS"),
            Map.entry('J', "JS"),
            Map.entry('K', "K"),
            Map.entry('L', "L"),
            Map.entry('N', "CDENS"),
            Map.entry('S', "BCDEFGHJNS"));

    private static final Pattern FORM = Pattern.compile("(1\\.[1-6])\\s*([A-Z])");

    public HazardCode {
        String groups = GROUPS_BY_DIVISION.get(division);
        if (groups == null || groups.indexOf(group) < 0) {
            throw invalid(division + group);
        }
    }

    /** Parses "1.1D" (case and a space between the parts are tolerated); anything else is refused. */
    public static HazardCode parse(String code) {
        Matcher m = FORM.matcher(code.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new RuleViolated("hazardCode", Refusals.UN_CLASS_1_HAZARD_CODE, code);
        }
        return new HazardCode(m.group(1), m.group(2).charAt(0));
    }

    private static RuleViolated invalid(String code) {
        String groups = GROUPS_BY_DIVISION.get(code.substring(0, Math.min(3, code.length())));
        if (groups == null) {
            return new RuleViolated("hazardCode", Refusals.NOT_HAZARD_CODE_DIVISIONS, code);
        }
        return new RuleViolated(
                "hazardCode",
                groups.length() > 1 ? Refusals.NOT_HAZARD_CODE_GROUPS : Refusals.NOT_HAZARD_CODE_GROUP,
                code,
                code.substring(0, 3),
                String.join(", ", groups.split("")));
    }

    /** Whether the group must be stored only with items of its own group and type (K and L). */
    public boolean storedAlone() {
        return group == 'K' || group == 'L';
    }

    /**
     * Why an item of this code may not be stored with one of the other code, or empty when it may. Items of
     * group K or L need the same type as well, which only the site knows.
     */
    public Optional<Reason> conflictWith(HazardCode other) {
        if (STORED_WITH.get(group).indexOf(other.group) >= 0) {
            return Optional.empty();
        }
        if (storedAlone() || other.storedAlone()) {
            HazardCode alone = storedAlone() ? this : other;
            return Optional.of(Reason.of(Refusals.GROUP_STORED_ALONE, alone.group, this, other));
        }
        return Optional.of(Reason.of(Refusals.GROUPS_NOT_STORED_TOGETHER, group, other.group, this, other));
    }

    /** The 35 valid codes, for forms and documentation. */
    public static java.util.List<HazardCode> all() {
        return GROUPS_BY_DIVISION.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().chars().mapToObj(g -> new HazardCode(e.getKey(), (char) g)))
                .toList();
    }

    @Override
    public String toString() {
        return division + group;
    }
}
