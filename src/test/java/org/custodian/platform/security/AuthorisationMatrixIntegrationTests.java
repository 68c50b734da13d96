package org.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.geo.FeatureLayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorisation matrix, generated from the application's own routes: every controller mapping must have a
 * rule in {@code authorisation-matrix.tsv} (a new endpoint without one fails here), anonymous callers are
 * refused everything but the public endpoints, only administrators pass the administrators' endpoints, and
 * users of every role scoped to one region never read a word of another region's records through any GET
 * (API, pages, OGC API, exports, PDFs, map layers).
 */
@CustodianIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIntegrationTests {

    /** Roles scoped to one region; ADMIN spans all and is tested by the rules' own column. */
    static final List<String> SCOPED_ROLES = List.of("DIRECTOR", "OFFICER", "FIELD", "PARTNER", "VIEWER");

    /** The roles whose reads are swept: the widest reader, the agency-bound partner and the field user. */
    static final List<String> READING_ROLES = List.of("DIRECTOR", "PARTNER", "FIELD");

    static final String PASSWORD = "matrix-Password-4-every-role";

    /** Path variables that name a record by number: tried with several numbers, records of every region. */
    static final Set<String> NUMBERED =
            Set.of("id", "featureId", "sourceId", "photo", "assessment", "index", "site", "task", "figure");

    static final int NUMBERS_TRIED = 5;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    record Endpoint(String method, String pattern) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint o) {
            int c = pattern.compareTo(o.pattern);
            return c != 0 ? c : method.compareTo(o.method);
        }
    }

    Map<Endpoint, String> rules;
    Set<Endpoint> endpoints;
    String ownRegion;
    List<String> otherRegions;
    List<String> layers;

    @BeforeAll
    void readRulesAndRoutes() throws IOException {
        rules = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/authorisation-matrix.tsv")) {
            assertThat(in).as("authorisation-matrix.tsv on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                rules.put(new Endpoint(cells[0], cells[1]), cells[2].strip());
            }
        }
        endpoints = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(m -> m.getHandlerMethods().keySet().forEach(info -> {
                    Set<String> methods = new TreeSet<>();
                    info.getMethodsCondition().getMethods().forEach(x -> methods.add(x.name()));
                    if (methods.isEmpty()) {
                        methods.add("ANY");
                    }
                    for (String pattern : info.getPatternValues()) {
                        methods.forEach(x -> endpoints.add(new Endpoint(x, pattern)));
                    }
                }));
        // The region with the fewest records is the scoped users' own; every other region's records must stay
        // out of their sight.
        Map<String, Integer> records = new TreeMap<>();
        jdbc.queryForList("select code from territory_region", String.class).forEach(c -> records.put(c, 0));
        for (ScopedTable t : scopedTables()) {
            jdbc.query(
                    "select " + t.regionExpression() + ", count(*) from " + t.from() + " group by "
                            + t.regionExpression(),
                    rs -> {
                        records.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                    });
        }
        ownRegion = records.entrySet().stream()
                .min(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        otherRegions =
                records.keySet().stream().filter(c -> !c.equals(ownRegion)).toList();
        layers = context.getBeansOfType(FeatureLayer.class).values().stream()
                .map(FeatureLayer::id)
                .sorted()
                .toList();
        Api admin = Api.at(port).asAdmin();
        for (String role : SCOPED_ROLES) {
            int status = admin.createUser(user(role), role, ownRegion, PASSWORD);
            assertThat(status).as("user " + role).isIn(201, 409);
        }
    }

    static String user(String role) {
        return "matrix-" + role.toLowerCase(Locale.ROOT);
    }

    @Test
    void everyEndpointHasARuleAndEveryRuleAnEndpoint() throws IOException {
        Set<Endpoint> missing = new TreeSet<>(endpoints);
        missing.removeAll(rules.keySet());
        Set<Endpoint> stale = new TreeSet<>(rules.keySet());
        stale.removeAll(endpoints);
        if (!missing.isEmpty()) {
            // The lines to add, once each is given its rule (public, signed-in or admin).
            Files.writeString(
                    Path.of("target", "authorisation-matrix-missing.tsv"),
                    String.join(
                            "\n",
                            missing.stream()
                                    .map(e -> e.method() + "\t" + e.pattern() + "\t?")
                                    .toList()));
        }
        assertThat(missing)
                .as("endpoints without a rule in authorisation-matrix.tsv")
                .isEmpty();
        assertThat(stale).as("rules for endpoints that no longer exist").isEmpty();
        assertThat(new TreeSet<>(rules.values())).isSubsetOf("public", "signed-in", "admin", "outreach", "path-key");
    }

    @Test
    void anonymousCallersGetOnlyThePublicEndpoints() {
        Api anonymous = Api.at(port).anonymous();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Endpoint, String> rule : rules.entrySet()) {
            Endpoint e = rule.getKey();
            if (!endpoints.contains(e) || e.method().equals("ANY")) {
                continue;
            }
            Api.Response r = anonymous.send(
                    e.method(), concrete(e.pattern(), 1, otherRegions.getFirst()), "{}", "application/json");
            boolean refused = r.status() == 401
                    || r.status() == 403
                    || (r.status() == 302
                            && r.raw()
                                    .headers()
                                    .firstValue("Location")
                                    .orElse("")
                                    .endsWith("/login"));
            if (rule.getValue().equals("public") ? refused : !refused) {
                wrong.add(e + " is " + rule.getValue() + " but answered " + r.status() + " to an anonymous caller");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void onlyAdministratorsPassTheAdministratorsEndpointsAndOutreachWorkersTheirs() {
        Api director = Api.at(port).as(user("DIRECTOR"), PASSWORD);
        Api admin = Api.at(port).asAdmin();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Endpoint, String> rule : rules.entrySet()) {
            Endpoint e = rule.getKey();
            if (!(rule.getValue().equals("admin") || rule.getValue().equals("outreach")) || !endpoints.contains(e)) {
                continue;
            }
            String path = concrete(e.pattern(), 999_999, ownRegion);
            int asDirector =
                    director.send(e.method(), path, "{}", "application/json").status();
            // The API refuses by role before it reads a body; a page form may show its refusal on the page.
            boolean refused = rule.getValue().equals("admin") || e.pattern().startsWith("/api/")
                    ? asDirector == 403
                    : asDirector >= 400;
            if (!refused) {
                wrong.add(e + " answered " + asDirector + " to a director");
            }
            if (e.method().equals("GET") && rule.getValue().equals("admin")) {
                int asAdmin = admin.get(path).status();
                if (asAdmin == 401 || asAdmin == 403) {
                    wrong.add(e + " refused the administrator (" + asAdmin + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aScopedUserOfEveryRoleReadsNothingOfAnotherRegion() {
        Map<String, String> markers = markers();
        assertThat(markers).as("words of other regions' records to look for").hasSizeGreaterThan(20);
        List<String> leaks = new ArrayList<>();
        for (String role : READING_ROLES) {
            Api api = Api.at(port).as(user(role), PASSWORD);
            for (Endpoint e : endpoints) {
                if (!e.method().equals("GET") || !"signed-in".equals(rules.get(e))) {
                    continue;
                }
                for (String path : paths(e.pattern())) {
                    Api.Response r = api.send("GET", path, null, null);
                    assertThat(r.status()).as(role + " GET " + path).isLessThan(500);
                    if (r.status() >= 300) {
                        continue;
                    }
                    for (Map.Entry<String, String> m : markers.entrySet()) {
                        if (r.body().contains(m.getKey())) {
                            leaks.add(role + " of " + ownRegion + " read \"" + m.getKey() + "\" (" + m.getValue()
                                    + ") in GET " + path);
                            break;
                        }
                    }
                }
            }
        }
        assertThat(leaks).as("other regions' records read").isEmpty();
    }

    /** The role whose writes are swept: the widest writer of a region (the read-only roles are refused first). */
    static final List<String> WRITING_ROLES = List.of("DIRECTOR");

    /**
     * Every write to an existing record (API and page forms) tried by scoped users on records of several
     * numbers and every other region, with empty bodies and forms: whatever each answers, not a row of another
     * region changes. (Each module's own tests send well-formed writes across regions; this sweep catches an
     * endpoint that acts before it checks the scope, or that none of them covers.)
     */
    @Test
    void aScopedUserOfEveryWritingRoleChangesNothingOfAnotherRegion() {
        // The one change the application makes by itself to other regions' rows meanwhile: issued alerts whose
        // time ran out are recorded as expired once a minute. Done now, it cannot happen during the sweep.
        context.getBean(org.custodian.alerts.Alerts.class)
                .expireDue(java.time.Instant.now().plusSeconds(900));
        Map<String, String> before = otherRegionsRows();
        List<String> wrong = new ArrayList<>();
        for (String role : WRITING_ROLES) {
            Api api = Api.at(port).as(user(role), PASSWORD);
            for (Endpoint e : endpoints) {
                if (!Set.of("POST", "PUT", "PATCH", "DELETE").contains(e.method())
                        || !"signed-in".equals(rules.get(e))
                        || !e.pattern().contains("{")) {
                    continue;
                }
                boolean page = !e.pattern().startsWith("/api/");
                for (String path : paths(e.pattern())) {
                    Api.Response r = page
                            ? api.send(e.method(), path, "", "application/x-www-form-urlencoded")
                            : api.send(e.method(), path, "{}", "application/json");
                    if (r.status() >= 500) {
                        wrong.add(role + " " + e.method() + " " + path + " answered " + r.status());
                    }
                }
            }
        }
        Map<String, String> after = otherRegionsRows();
        before.forEach((table, rows) -> {
            if (!rows.equals(after.get(table))) {
                List<String> was = List.of(rows.split("\n"));
                List<String> is = List.of(after.get(table).split("\n"));
                wrong.add("rows of other regions in " + table + " changed: "
                        + was.stream().filter(x -> !is.contains(x)).toList() + " became "
                        + is.stream().filter(x -> !was.contains(x)).toList());
            }
        });
        assertThat(wrong).as("writes of scoped users").isEmpty();
    }

    /** Each region-scoped table's rows of the other regions, as text, in a fixed order. */
    private Map<String, String> otherRegionsRows() {
        Map<String, String> out = new TreeMap<>();
        for (ScopedTable t : scopedTables()) {
            StringBuilder rows = new StringBuilder();
            jdbc.query(
                    "select t.* from " + t.from() + " where " + t.regionExpression() + " <> ? order by 1",
                    rs -> {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            rows.append(v instanceof byte[] b ? java.util.Arrays.hashCode(b) : v)
                                    .append('|');
                        }
                        rows.append('\n');
                    },
                    ownRegion);
            out.put(t.name(), rows.toString());
        }
        return out;
    }

    /** Tables shared by all regions (no region column): agencies, accounts, sources. */
    private List<String> sharedTables() {
        Set<String> scoped = new HashSet<>();
        scopedTables().forEach(t -> scoped.add(t.name()));
        List<String> out = new ArrayList<>();
        jdbc.execute((java.sql.Connection c) -> {
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if ((schema == null || schema.equalsIgnoreCase("public"))
                            && (table.startsWith("platform_") || table.equals("territory_agency"))
                            && !table.contains("audit")
                            && !scoped.contains(table)) {
                        out.add(table);
                    }
                }
            }
            return null;
        });
        return out;
    }

    /** A table whose rows belong to a region, and how to name that region in SQL. */
    record ScopedTable(String name, String from, String regionExpression) {}

    private List<ScopedTable> scopedTables() {
        List<ScopedTable> out = new ArrayList<>();
        jdbc.execute((java.sql.Connection c) -> {
            DatabaseMetaData meta = c.getMetaData();
            Map<String, Set<String>> columns = new HashMap<>();
            try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && !schema.equalsIgnoreCase("public")) {
                        continue;
                    }
                    columns.computeIfAbsent(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), k -> new HashSet<>())
                            .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            columns.forEach((table, cols) -> {
                // Territory is everyone's map; audit entries are the administrators' and are checked by
                // their own tests.
                if (table.startsWith("territory_") || table.contains("audit")) {
                    return;
                }
                if (cols.contains("region_code")) {
                    out.add(new ScopedTable(table, table + " t", "t.region_code"));
                } else if (cols.contains("region_id")) {
                    out.add(new ScopedTable(
                            table, table + " t join territory_region r on r.id = t.region_id", "r.code"));
                }
            });
            return null;
        });
        return out;
    }

    private static final Pattern WORDY = Pattern.compile(".*\\p{L}.*\\s.*\\p{L}.*");
    private static final Pattern PLAIN = Pattern.compile("[^&<>\"'\\\\]+");

    /**
     * Texts of other regions' records (names, descriptions, notes) that appear in none of the own region's
     * records and in no answer to an anonymous caller (published alerts are public by design): finding one in a
     * scoped user's answer is a leak.
     */
    private Map<String, String> markers() {
        Map<String, String> markers = new LinkedHashMap<>();
        Set<String> own = new HashSet<>();
        for (ScopedTable t : scopedTables()) {
            jdbc.query("select t.*, " + t.regionExpression() + " as matrix_region from " + t.from(), rs -> {
                var meta = rs.getMetaData();
                String region = null;
                List<String> texts = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    int type = meta.getColumnType(i);
                    if (type != java.sql.Types.VARCHAR
                            && type != java.sql.Types.LONGVARCHAR
                            && type != java.sql.Types.CLOB
                            && type != java.sql.Types.NVARCHAR) {
                        continue;
                    }
                    String v = rs.getString(i);
                    if (column.equals("matrix_region")) {
                        region = v;
                        continue;
                    }
                    if (v != null
                            && v.length() >= 10
                            && v.length() <= 2000
                            && WORDY.matcher(v).matches()
                            && PLAIN.matcher(v).matches()) {
                        texts.add(v.strip());
                    }
                }
                if (ownRegion.equals(region)) {
                    own.addAll(texts);
                } else {
                    texts.forEach(x -> markers.putIfAbsent(x, t.name()));
                }
            });
        }
        own.forEach(markers::remove);
        // Words also held by shared records (agencies, accounts, sources) are everyone's.
        for (String table : sharedTables()) {
            jdbc.query("select * from " + table, rs -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    if (rs.getObject(i) instanceof String text) {
                        markers.remove(text.strip());
                    }
                }
            });
        }
        Api anonymous = Api.at(port).anonymous();
        for (Map.Entry<Endpoint, String> rule : rules.entrySet()) {
            if (rule.getValue().equals("public") && rule.getKey().method().equals("GET")) {
                for (String path : paths(rule.getKey().pattern())) {
                    String body = anonymous.get(path).body();
                    markers.keySet().removeIf(body::contains);
                }
            }
        }
        return markers;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    /** The concrete paths a pattern is tried with: several record numbers, every other region, every layer. */
    private List<String> paths(String pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        Set<String> names = new HashSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.contains("layer") || (names.contains("id") && pattern.startsWith("/map/layers/"))) {
            for (String layer : layers) {
                for (int n = 1; n <= (names.contains("featureId") ? NUMBERS_TRIED : 1); n++) {
                    out.add(fill(pattern, Map.of("layer", layer, "id", layer, "featureId", String.valueOf(n))));
                }
            }
            return out;
        }
        if (names.contains("region") || names.contains("code")) {
            for (String region : otherRegions) {
                out.add(concrete(pattern, 1, region));
            }
            return out;
        }
        if (names.stream().anyMatch(NUMBERED::contains)) {
            for (int n = 1; n <= NUMBERS_TRIED; n++) {
                out.add(concrete(pattern, n, otherRegions.getFirst()));
            }
            return out;
        }
        out.add(concrete(pattern, 1, otherRegions.getFirst()));
        return out;
    }

    private String concrete(String pattern, long number, String region) {
        Map<String, String> values = new HashMap<>();
        for (String n : NUMBERED) {
            values.put(n, String.valueOf(number));
        }
        values.put("region", region);
        values.put("code", region);
        values.put("layer", layers.isEmpty() ? "x" : layers.getFirst());
        values.put("username", "admin");
        values.put("formId", "ordnance-find");
        values.put("identifier", "urn:oid:1");
        values.put("name", "photo.jpg");
        values.put("key", "no-such-key");
        return fill(pattern, values);
    }

    private static String fill(String pattern, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "1")));
        }
        m.appendTail(out);
        return out.toString().replace("/**", "");
    }
}
