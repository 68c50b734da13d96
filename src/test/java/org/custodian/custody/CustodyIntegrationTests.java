package org.custodian.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** The custody register end to end over HTTP, on the demo data, with the ledger checked after each story. */
@CustodianIntegrationTest
// Verify in parallel ranges even this short ledger, so that joining the ranges is tested too.
@org.springframework.test.context.TestPropertySource(properties = "custodian.custody.verify-parallel-from=2")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CustodyIntegrationTests {

    static final String PASSWORD = "custody-test-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustodyLedger ledger;

    Api admin;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        user("khj-officer", "OFFICER", "KHJ");
        user("khj-viewer", "VIEWER", "KHJ");
        user("khj-partner", "PARTNER", "KHJ");
        user("agd-officer", "OFFICER", "AGD");
    }

    private void user(String name, String role, String region) {
        assertThat(admin.createUser(name, role, region, PASSWORD)).isIn(201, 409);
    }

    private Api as(String name) {
        return Api.at(port).as(name, PASSWORD);
    }

    private long site(String namePrefix) {
        for (JsonNode s : admin.get("/api/custody/sites").json()) {
            if (s.get("name").asString().startsWith(namePrefix)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no site " + namePrefix);
    }

    private static Map<String, Object> item(String category, String description, String hazardCode, Object quantity) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("category", category);
        item.put("description", description);
        item.put("quantity", quantity);
        item.put("unit", "PIECES");
        if (hazardCode != null) {
            item.put("hazardCode", hazardCode);
        }
        item.put("foundAt", Map.of("type", "Point", "coordinates", List.of(46.79, 39.91)));
        item.put("foundTime", "2023-10-01T08:00:00Z");
        item.put("foundBy", "Patrol");
        return item;
    }

    private Api.Response register(Api api, long site, Map<String, Object> item) {
        return api.post("/api/custody/items", Api.json(Map.of("siteId", site, "origin", "SEIZURE", "item", item)));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void theDemoBatchAndTheOrdnanceFindsAreInTheRegister() throws InterruptedException {
        JsonNode batches = admin.get("/api/custody/batches").json();
        assertThat(batches).hasSize(1);
        JsonNode batch = batches.get(0);
        assertThat(batch.get("items")).hasSize(7);
        assertThat(batch.get("receivedAt").asString()).startsWith("2023-09-21");

        // Mine action's finds arrive through the domain event, after their commit.
        List<JsonNode> finds = new ArrayList<>();
        for (int i = 0; i < 100 && finds.size() < 2; i++) {
            Thread.sleep(i == 0 ? 0 : 100);
            finds.clear();
            admin.get("/api/custody/items?region=FZL").json().forEach(item -> {
                if (item.get("origin").asString().equals("ORDNANCE_FIND")) {
                    finds.add(item);
                }
            });
        }
        assertThat(finds).hasSize(2);
        assertThat(finds.get(0).get("ordnanceFindId").isNumber()).isTrue();
        assertThat(finds.get(0).get("siteId").asLong()).isEqualTo(site("Fuzuli"));
        assertThat(admin.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void refusesBadInputAndWritesNothing() {
        long site = site("Khojaly");
        long items = count("custody_item");
        long events = count("custody_event");
        Api officer = as("khj-officer");

        Api.Response invalid = register(officer, site, item("AMMUNITION", "Shells", "1.4A", 10));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.isProblem()).isTrue();
        assertThat(invalid.json().get("detail").asString()).contains("1.4A is not a UN hazard code");
        assertThat(register(officer, site, item("AMMUNITION", "Shells", "1.7C", 10))
                        .json()
                        .get("detail")
                        .asString())
                .contains("1.7C");
        Api.Response negative = register(officer, site, item("AMMUNITION", "Shells", "1.1D", -5));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("detail").asString()).contains("more than zero");
        assertThat(register(officer, site, item("WEAPON", "Pistol", null, 1))
                        .json()
                        .get("detail")
                        .asString())
                .contains("serial number");
        assertThat(register(officer, site, item("AMMUNITION", "Shells", "1.1D", 1.5))
                        .status())
                .isEqualTo(422);

        assertThat(count("custody_item")).isEqualTo(items);
        assertThat(count("custody_event")).isEqualTo(events);
    }

    @Test
    void aSiteRefusesWhatItMayNotStoreWithWhatItHolds() {
        // The collection point holds 1.1E rocket grenades and 1.4S cartridges from the demo surrender.
        Api.Response refused =
                register(as("khj-officer"), site("Khojaly"), item("AMMUNITION", "Hand grenades", "1.1F", 20));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString())
                .contains("refuses 1.1F")
                .contains("group F may not be stored with group E");

        long store = admin.post(
                        "/api/custody/sites",
                        Api.json(Map.of(
                                "name",
                                "Khojaly pyrotechnics locker",
                                "regionCode",
                                "KHJ",
                                "location",
                                Map.of("type", "Point", "coordinates", List.of(46.80, 39.912)),
                                "capacity",
                                10,
                                "keeperAgencyId",
                                agency())))
                .json()
                .get("id")
                .asLong();
        Map<String, Object> first = item("EXPLOSIVE", "Water-activated flares", "1.3L", 4);
        first.put("typeModel", "Flare A");
        assertThat(register(admin, store, first).status()).isEqualTo(201);
        Api.Response alone = register(admin, store, item("AMMUNITION", "Cartridges", "1.4S", 100));
        assertThat(alone.status()).isEqualTo(422);
        assertThat(alone.json().get("detail").asString()).contains("group L must be stored alone");
        Map<String, Object> otherType = item("EXPLOSIVE", "Other flares", "1.3L", 2);
        otherType.put("typeModel", "Flare B");
        assertThat(register(admin, store, otherType).json().get("detail").asString())
                .contains("same type");
        first.put("description", "More of the same flares");
        assertThat(register(admin, store, first).status()).isEqualTo(201);
        assertThat(admin.get("/api/custody/sites/" + store)
                        .json()
                        .get("hazardCodes")
                        .toString())
                .isEqualTo("[\"1.3L\"]");
    }

    @Test
    void aTransferIsDispatchedThenReceivedAtTheRightSiteAndTheHistoryShowsEveryStep() {
        Api officer = as("khj-officer");
        long khojaly = site("Khojaly");
        long aghdam = site("Aghdam");
        long fuzuli = site("Fuzuli");
        Map<String, Object> rifle = item("WEAPON", "Rifle", null, 1);
        rifle.put("serialNumber", "TR-1");
        long id = register(officer, khojaly, rifle).json().get("id").asLong();

        Api.Response dispatched =
                officer.post("/api/custody/items/" + id + "/transfers", Api.json(Map.of("toSiteId", aghdam)));
        assertThat(dispatched.status()).isEqualTo(201);
        long transfer = dispatched.json().get("id").asLong();
        assertThat(officer.get("/api/custody/items/" + id).json().get("status").asString())
                .isEqualTo("IN_TRANSIT");

        Api.Response wrongSite = admin.post(
                "/api/custody/transfers/" + transfer + "/receipt", Api.json(Map.of("siteId", fuzuli, "quantity", 1)));
        assertThat(wrongSite.status()).isEqualTo(422);
        assertThat(wrongSite.json().get("detail").asString()).contains("goes to site " + aghdam);
        Api.Response short_ = as("agd-officer")
                .post(
                        "/api/custody/transfers/" + transfer + "/receipt",
                        Api.json(Map.of("siteId", aghdam, "quantity", 0)));
        assertThat(short_.status()).isEqualTo(422);
        assertThat(short_.json().get("detail").asString()).contains("record the discrepancy");

        Api.Response received = as("agd-officer")
                .post(
                        "/api/custody/transfers/" + transfer + "/receipt",
                        Api.json(Map.of("siteId", aghdam, "quantity", 1)));
        assertThat(received.status()).isEqualTo(200);
        JsonNode item = admin.get("/api/custody/items/" + id).json();
        assertThat(item.get("status").asString()).isEqualTo("IN_CUSTODY");
        assertThat(item.get("regionCode").asString()).isEqualTo("AGD");
        assertThat(item.get("siteId").asLong()).isEqualTo(aghdam);

        List<String> kinds = new ArrayList<>();
        admin.get("/api/custody/items/" + id + "/history")
                .json()
                .forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactly("REGISTERED", "DISPATCHED", "RECEIVED");
        // Now in Aghdam: the Khojaly officer no longer sees it.
        assertThat(officer.get("/api/custody/items/" + id).status()).isEqualTo(404);
    }

    @Test
    void aDestroyedItemCannotBeTransferred() {
        Map<String, Object> rifle = item("WEAPON", "Rifle beyond repair", null, 1);
        rifle.put("serialNumber", "DS-1");
        long id = register(admin, site("Khojaly"), rifle).json().get("id").asLong();
        Api.Response destroyed = admin.post(
                "/api/custody/items/" + id + "/destruction",
                Api.json(Map.of(
                        "method", "Cut by torch",
                        "destroyedAt", "2023-11-01T10:00:00Z",
                        "witnesses", List.of("Witness A"),
                        "certificate", "DC-2023-001")));
        assertThat(destroyed.status()).isEqualTo(201);
        long events = count("custody_event");
        Api.Response transfer =
                admin.post("/api/custody/items/" + id + "/transfers", Api.json(Map.of("toSiteId", site("Aghdam"))));
        assertThat(transfer.status()).isEqualTo(409);
        assertThat(transfer.json().get("detail").asString()).contains("is destroyed and cannot be dispatched");
        assertThat(count("custody_event")).isEqualTo(events);
    }

    @Test
    void aReleasedItemNeedsAReasonAndThenLeavesCustody() {
        Map<String, Object> pistol = item("WEAPON", "Registered hunting rifle", null, 1);
        pistol.put("serialNumber", "RL-1");
        long id = register(admin, site("Khojaly"), pistol).json().get("id").asLong();
        long events = count("custody_event");

        Api.Response unexplained =
                admin.post("/api/custody/items/" + id + "/release", Api.json(Map.of("reason", "  ")));
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(unexplained.isProblem()).isTrue();
        assertThat(count("custody_event")).isEqualTo(events);

        Api.Response released = admin.post(
                "/api/custody/items/" + id + "/release",
                Api.json(Map.of("reason", "Returned to its licensed owner, permit 12/2023")));
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(count("custody_event")).isEqualTo(events + 1);

        Api.Response dispatch =
                admin.post("/api/custody/items/" + id + "/transfers", Api.json(Map.of("toSiteId", site("Aghdam"))));
        assertThat(dispatch.status()).isEqualTo(409);
        assertThat(dispatch.json().get("detail").asString()).contains("is released and cannot be dispatched");
        assertThat(count("custody_event")).isEqualTo(events + 1);
    }

    @Test
    void aSiteOutsideItsRegionOrWithoutRoomIsRefused() {
        long agency = admin.get("/api/agencies").json().get(0).get("id").asLong();
        long sites = count("custody_site");
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("name", "Depot placed in another region");
        site.put("regionCode", "KHJ");
        site.put("location", Map.of("type", "Point", "coordinates", List.of(47.1, 39.6)));
        site.put("capacity", 10);
        site.put("keeperAgencyId", agency);

        Api.Response outside = admin.post("/api/custody/sites", Api.json(site));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().get("detail").asString()).contains("outside region KHJ");

        site.put("location", Map.of("type", "Point", "coordinates", List.of(46.79, 39.91)));
        site.put("capacity", 0);
        Api.Response empty = admin.post("/api/custody/sites", Api.json(site));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("detail").asString()).contains("at least one item");

        site.put("capacity", 10);
        assertThat(as("agd-officer").post("/api/custody/sites", Api.json(site)).status())
                .isIn(403, 404);
        assertThat(count("custody_site")).isEqualTo(sites);
    }

    @Test
    void twoConcurrentTransfersOfOneItemOneWinsAndTheLedgerStaysOneChain() throws Exception {
        for (int round = 0; round < 3; round++) {
            Map<String, Object> rifle = item("WEAPON", "Contested rifle", null, 1);
            rifle.put("serialNumber", "CC-" + round);
            long id = register(admin, site("Khojaly"), rifle).json().get("id").asLong();
            long aghdam = site("Aghdam");
            long fuzuli = site("Fuzuli");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (long to : new long[] {aghdam, fuzuli}) {
                    Callable<Integer> call = () -> {
                        start.await();
                        return admin.post("/api/custody/items/" + id + "/transfers", Api.json(Map.of("toSiteId", to)))
                                .status();
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : results) {
                    statuses.add(f.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            } finally {
                pool.shutdownNow();
            }
            assertThat(jdbc.queryForObject(
                            "select count(*) from custody_event where item_id = ? and kind = 'DISPATCHED'",
                            Long.class,
                            id))
                    .isEqualTo(1);
        }
        JsonNode verification = admin.get("/api/custody/verify").json();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(count("custody_event"));
    }

    @Test
    void theDatabaseRefusesChangesToEventsAndVerifyNamesARowAlteredBehindItsBack() throws Exception {
        long seq = jdbc.queryForObject("select min(seq) from custody_event where kind = 'REGISTERED'", Long.class);
        String payload = jdbc.queryForObject("select payload from custody_event where seq = ?", String.class, seq);
        // The application's own connection cannot change an event.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("update custody_event set payload = '{}' where seq = ?", seq))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("delete from custody_event where seq = ?", seq))
                .hasMessageContaining("append-only");

        // A database administrator can: lift the guard, alter the serial, put the guard back.
        boolean postgres;
        try (var c = jdbc.getDataSource().getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        String forged = payload.replaceFirst("\"serialNumber\":(null|\"[^\"]*\")", "\"serialNumber\":\"FORGED\"");
        assertThat(forged).isNotEqualTo(payload);
        tamper(postgres, seq, forged);
        try {
            JsonNode broken = admin.get("/api/custody/verify").json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenEvent").asLong()).isEqualTo(seq);
            assertThat(broken.get("reason").asString()).contains("altered");
            // The command-line verifier says the same and exits non-zero.
            LedgerVerifyCommand command = new LedgerVerifyCommand(ledger);
            command.run(new org.springframework.boot.DefaultApplicationArguments());
            assertThat(command.getExitCode()).isEqualTo(3);
        } finally {
            tamper(postgres, seq, payload);
        }
        assertThat(admin.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    private void tamper(boolean postgres, long seq, String payload) {
        if (postgres) {
            jdbc.execute("alter table custody_event disable trigger custody_event_append_only");
            jdbc.update("update custody_event set payload = ? where seq = ?", payload, seq);
            jdbc.execute("alter table custody_event enable trigger custody_event_append_only");
        } else {
            jdbc.execute("drop trigger custody_event_append_only");
            jdbc.update("update custody_event set payload = ? where seq = ?", payload, seq);
            jdbc.execute("create trigger custody_event_append_only before update, delete on custody_event"
                    + " for each row call 'org.custodian.custody.LedgerAppendOnly'");
        }
    }

    @Test
    void serialsAndLocationsOnlyForCustodyRolesOfTheRegionAndPartnersSeeCounts() {
        JsonNode asOfficer = as("khj-officer")
                .get("/api/custody/items?region=KHJ&category=WEAPON")
                .json();
        assertThat(asOfficer).isNotEmpty();
        assertThat(asOfficer.get(0).get("serialNumber").isString()).isTrue();
        long id = asOfficer.get(0).get("id").asLong();

        JsonNode asViewer = as("khj-viewer").get("/api/custody/items/" + id).json();
        assertThat(asViewer.get("serialNumber").isNull()).isTrue();
        assertThat(asViewer.get("foundAt").isNull()).isTrue();
        assertThat(asViewer.get("redacted").asBoolean()).isTrue();
        assertThat(as("khj-viewer")
                        .get("/api/custody/items?serial=ILL-AKM-10231")
                        .status())
                .isEqualTo(403);
        assertThat(as("khj-viewer").get("/api/custody/items/" + id + "/history").status())
                .isEqualTo(403);
        assertThat(as("khj-viewer")
                        .get("/api/custody/sites")
                        .json()
                        .get(0)
                        .get("location")
                        .isNull())
                .isTrue();

        Api partner = as("khj-partner");
        assertThat(partner.get("/api/custody/items").status()).isEqualTo(403);
        assertThat(partner.get("/api/custody/items/" + id).status()).isEqualTo(403);
        assertThat(partner.get("/api/custody/batches").status()).isEqualTo(403);
        JsonNode counts = partner.get("/api/custody/summary").json();
        assertThat(counts).isNotEmpty();
        counts.forEach(c -> assertThat(c.get("regionCode").asString()).isEqualTo("KHJ"));

        Api other = as("agd-officer");
        assertThat(other.get("/api/custody/items/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/custody/items?serial=ILL-AKM-10231").json()).isEmpty();
        assertThat(other.post("/api/custody/items/" + id + "/transfers", Api.json(Map.of("toSiteId", site("Aghdam"))))
                        .status())
                .isEqualTo(404);
        long batch = admin.get("/api/custody/batches").json().get(0).get("id").asLong();
        assertThat(other.get("/api/custody/batches/" + batch + "/receipt.pdf", "application/pdf")
                        .status())
                .isEqualTo(404);
        assertThat(register(other, site("Khojaly"), item("OTHER", "Radio", null, 1))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void searchesBySerialExactlyAndInPart() {
        Api officer = as("khj-officer");
        assertThat(officer.get("/api/custody/items?serial=ill-akm-10231").json())
                .hasSize(1);
        assertThat(officer.get("/api/custody/items?serial=ILL-AKM").json()).isEmpty();
        assertThat(officer.get("/api/custody/items?q=akm-10").json()).hasSize(2);
    }

    @Test
    void theReceiptListsEveryItemWithItsSerial() throws Exception {
        long batch = admin.get("/api/custody/batches").json().get(0).get("id").asLong();
        Api.Response pdf = as("khj-officer").get("/api/custody/batches/" + batch + "/receipt.pdf", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        byte[] bytes = as("khj-officer").getBytes("/api/custody/batches/" + batch + "/receipt.pdf");
        try (var document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("KHJ-SB-0001")
                    .contains("ILL-AKM-10231")
                    .contains("ILL-PKM-4410")
                    .contains("ILL-LOT-12-89")
                    .contains("1.1E");
        }
        Api.Response denied = as("khj-viewer").get("/api/custody/batches/" + batch + "/receipt.pdf", "application/pdf");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("detail").asString()).contains("custody role");
    }

    private long agency() {
        return admin.get("/api/agencies").json().get(0).get("id").asLong();
    }
}
