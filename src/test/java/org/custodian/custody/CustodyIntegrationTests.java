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
        user("khj-custody-officer", "OFFICER", "KHJ");
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

    /** The demo's surrender batch: the one received in September (this class's surrenders are dated October). */
    private JsonNode demoBatch() {
        List<JsonNode> demo = new ArrayList<>();
        admin.get("/api/custody/batches").json().forEach(b -> {
            if (b.get("receivedAt").asString().startsWith("2023-09")) {
                demo.add(b);
            }
        });
        assertThat(demo).hasSize(1);
        return demo.get(0);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void theDemoBatchAndTheOrdnanceFindsAreInTheRegister() throws InterruptedException {
        JsonNode batch = demoBatch();
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
        // A find is dated by its day: its item shows that day, with no clock time made up for it.
        String page =
                admin.get("/custody/items/" + finds.get(0).get("id").asLong()).body();
        assertThat(page).containsPattern("<dd>2023-\\d\\d-\\d\\d</dd>");
        assertThat(admin.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void refusesBadInputAndWritesNothing() {
        long site = site("Khojaly");
        long items = count("custody_item");
        long events = count("custody_event");
        Api officer = as("khj-custody-officer");

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
    void aFindWhoseTimeIsUnknownIsRegisteredByItsDayAndKeepsThatDay() {
        long site = site("Khojaly");
        Map<String, Object> dayOnly = item("AMMUNITION", "Mortar bombs, found on a day", "1.4S", 4);
        dayOnly.remove("foundTime");
        dayOnly.put("foundOn", "2023-10-05");
        Api.Response registered = register(admin, site, dayOnly);
        assertThat(registered.status()).isEqualTo(201);
        JsonNode item = registered.json();
        assertThat(item.get("foundTimeKnown").asBoolean()).isFalse();
        assertThat(item.get("foundOn").asString()).isEqualTo("2023-10-05");
        // Kept as noon of that day in the region (UTC+4), the same day in every neighbouring zone.
        assertThat(item.get("foundTime").asString()).startsWith("2023-10-05T08:00");
        JsonNode read =
                admin.get("/api/custody/items/" + item.get("id").asLong()).json();
        assertThat(read.get("foundOn").asString()).isEqualTo("2023-10-05");
        assertThat(read.get("foundTimeKnown").asBoolean()).isFalse();

        JsonNode timed =
                register(admin, site, item("AMMUNITION", "Shells", "1.4S", 2)).json();
        assertThat(timed.get("foundTimeKnown").asBoolean()).isTrue();
        assertThat(timed.get("foundOn").asString()).isEqualTo("2023-10-01");

        long items = count("custody_item");
        Map<String, Object> both = item("AMMUNITION", "Shells", "1.4S", 2);
        both.put("foundOn", "2023-10-05");
        Map<String, Object> neither = item("AMMUNITION", "Shells", "1.4S", 2);
        neither.remove("foundTime");
        for (Map<String, Object> wrong : List.of(both, neither)) {
            Api.Response refused = register(admin, site, wrong);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("detail").asString()).contains("foundTime", "foundOn");
        }
        assertThat(count("custody_item")).isEqualTo(items);
        // The API description says so.
        JsonNode input = admin.get("/v3/api-docs").json().at("/components/schemas/ItemInput/properties");
        assertThat(input.at("/foundOn/description").asString()).contains("time is unknown");
        assertThat(input.at("/foundOn/format").asString()).isEqualTo("date");
    }

    @Test
    void aSiteRefusesWhatItMayNotStoreWithWhatItHolds() {
        // The collection point holds 1.1E rocket grenades and 1.4S cartridges from the demo surrender.
        Api.Response refused =
                register(as("khj-custody-officer"), site("Khojaly"), item("AMMUNITION", "Hand grenades", "1.1F", 20));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString())
                .contains("refuses 1.1F")
                .contains("group F may not be stored with group E");

        long store = newSite("Khojaly pyrotechnics locker", 10);
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
    void aSurrenderIsJudgedItemByItemAgainstWhatItsOwnEarlierItemsPutInTheSite() {
        long locker = newSite("Two-shelf locker at the checkpoint", 2);
        long items = count("custody_item");
        long events = count("custody_event");
        Map<String, Object> flares = item("EXPLOSIVE", "Water-activated flares", "1.3L", 4);
        flares.put("typeModel", "Flare A");

        // The second item may not join the first, which the same surrender brought.
        Api.Response mixed = surrender(locker, List.of(flares, item("AMMUNITION", "Cartridges", "1.4S", 100)));
        assertThat(mixed.status()).isEqualTo(422);
        assertThat(mixed.isProblem()).isTrue();
        assertThat(mixed.json().toString()).contains("items[1]").contains("group L must be stored alone");

        // Two fit the locker; the third finds it full of the first two.
        Api.Response tooMany = surrender(
                locker,
                List.of(
                        item("OTHER", "Helmet", null, 1),
                        item("OTHER", "Radio", null, 1),
                        item("OTHER", "Binoculars", null, 1)));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().toString()).contains("items[2]");

        assertThat(count("custody_item")).isEqualTo(items);
        assertThat(count("custody_event")).isEqualTo(events);
        assertThat(count("custody_event_pending")).isZero();
        assertThat(admin.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    private Api.Response surrender(long site, List<Map<String, Object>> items) {
        return admin.post(
                "/api/custody/batches",
                Api.json(Map.of(
                        "regionCode",
                        "KHJ",
                        "party",
                        "Village self-defence group",
                        "place",
                        Map.of("type", "Point", "coordinates", List.of(46.79, 39.91)),
                        "receivedAt",
                        "2023-10-02T09:00:00Z",
                        "receivingOfficer",
                        "Officer on duty",
                        "witnesses",
                        List.of("Village elder"),
                        "siteId",
                        site,
                        "items",
                        items)));
    }

    @Test
    void aTransferIsDispatchedThenReceivedAtTheRightSiteAndTheHistoryShowsEveryStep() {
        Api officer = as("khj-custody-officer");
        long khojaly = site("Khojaly");
        long aghdam = site("Aghdam");
        long fuzuli = site("Fuzuli");
        Map<String, Object> rifle = item("WEAPON", "Rifle", null, 1);
        rifle.put("serialNumber", "TR-1");
        long id = register(officer, khojaly, rifle).json().get("id").asLong();

        // Aghdam's site is outside the Khojaly officer's regions: to them it does not exist.
        Api.Response unseen =
                officer.post("/api/custody/items/" + id + "/transfers", Api.json(Map.of("toSiteId", aghdam)));
        assertThat(unseen.status()).isEqualTo(422);
        assertThat(unseen.json().get("detail").asString()).contains("no storage site " + aghdam + " in your regions");
        // Someone who sees both regions dispatches it.
        Api.Response dispatched =
                admin.post("/api/custody/items/" + id + "/transfers", Api.json(Map.of("toSiteId", aghdam)));
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
    void eachSiteKeepsCountOfWhatItHoldsAsItemsComeGoAndAreRefused() {
        long store = newSite("Counted store", 3);
        long other = newSite("Counted store across the road", 3);
        Map<String, Object> rifle = item("WEAPON", "Counted rifle", null, 1);
        rifle.put("serialNumber", "HC-1");
        long sent = register(admin, store, rifle).json().get("id").asLong();
        Map<String, Object> pistol = item("WEAPON", "Counted pistol", null, 1);
        pistol.put("serialNumber", "HC-2");
        long destroyed = register(admin, store, pistol).json().get("id").asLong();
        long released = register(admin, store, item("OTHER", "Counted helmet", null, 1))
                .json()
                .get("id")
                .asLong();
        assertThat(countKept(store)).isEqualTo(3);

        // Full: the fourth is refused, and the refusal leaves the count as it was.
        Api.Response full = register(admin, store, item("OTHER", "One helmet too many", null, 1));
        assertThat(full.status()).isEqualTo(422);
        assertThat(full.json().get("detail").asString()).contains("is full");
        assertThat(countKept(store)).isEqualTo(3);

        // In transit an item is held nowhere; received, it counts where it arrived.
        long transfer = admin.post("/api/custody/items/" + sent + "/transfers", Api.json(Map.of("toSiteId", other)))
                .json()
                .get("id")
                .asLong();
        assertThat(countKept(store)).isEqualTo(2);
        assertThat(countKept(other)).isZero();
        assertThat(admin.post(
                                "/api/custody/transfers/" + transfer + "/receipt",
                                Api.json(Map.of("siteId", other, "quantity", 1)))
                        .status())
                .isEqualTo(200);
        assertThat(countKept(other)).isEqualTo(1);

        assertThat(admin.post(
                                "/api/custody/items/" + destroyed + "/destruction",
                                Api.json(Map.of(
                                        "method", "Cut by torch",
                                        "destroyedAt", "2023-11-01T10:00:00Z",
                                        "witnesses", List.of("Witness A"),
                                        "certificate", "DC-HC-1")))
                        .status())
                .isEqualTo(201);
        assertThat(admin.post(
                                "/api/custody/items/" + released + "/release",
                                Api.json(Map.of("reason", "Returned to the school it was taken from")))
                        .status())
                .isEqualTo(200);
        assertThat(countKept(store)).isZero();
        // Room again: what left made space.
        assertThat(register(admin, store, item("OTHER", "A helmet with room for it", null, 1))
                        .status())
                .isEqualTo(201);
        assertThat(countKept(store)).isEqualTo(1);

        // Every site's count, the demo's and the other tests' included, is what its items say.
        assertThat(jdbc.queryForList(
                        "select name from custody_site s where held_items <> (select count(*) from custody_item i"
                                + " where i.site_id = s.id and i.status = 'IN_CUSTODY')",
                        String.class))
                .isEmpty();
    }

    /** The count the site's row keeps, checked against its items. */
    private long countKept(long site) {
        long kept = jdbc.queryForObject("select held_items from custody_site where id = ?", Long.class, site);
        assertThat(kept)
                .as("the count kept for site %d against its items", site)
                .isEqualTo(heldAt(site));
        return kept;
    }

    @Test
    void concurrentRegistrationsIntoASiteWithRoomForThreeStoreExactlyThree() throws Exception {
        int room = 3;
        long locker = newSite("Three-shelf locker at the crossing", room);
        long events = count("custody_event");
        List<Api.Response> answers = concurrently(
                8, n -> register(as("khj-custody-officer"), locker, item("OTHER", "Helmet " + n, null, 1)));

        assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(room);
        List<Api.Response> refused =
                answers.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(answers.size() - room).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("detail").asString()).contains("is full");
        });
        assertThat(heldAt(locker)).isEqualTo(room);
        assertThat(count("custody_event")).isEqualTo(events + room);
        assertThat(admin.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void concurrentSurrendersAndRegistrationsNeitherOverfillASiteNorMixTypesThatMustBeAlone() throws Exception {
        long locker = newSite("Four-shelf locker at the crossing", 4);
        // Every other writer registers flares (1.3L: only with flares of the same type, each writer its own
        // type); the others surrender two items at once. Whoever writes first decides what may follow.
        List<Api.Response> answers = concurrently(6, n -> {
            if (n % 2 == 1) {
                return surrender(
                        locker, List.of(item("OTHER", "Radio " + n, null, 1), item("OTHER", "Map case " + n, null, 1)));
            }
            Map<String, Object> flares = item("EXPLOSIVE", "Water-activated flares", "1.3L", 2);
            flares.put("typeModel", "Flare " + n);
            return register(admin, locker, flares);
        });

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(201, 422));
        assertThat(answers.stream().filter(r -> r.status() == 422))
                .allSatisfy(r -> assertThat(r.isProblem()).isTrue());
        long stored = 0;
        for (int n = 0; n < answers.size(); n++) {
            stored += answers.get(n).status() == 201 ? (n % 2 == 1 ? 2 : 1) : 0;
        }
        assertThat(stored).isPositive();
        // What was accepted is all there (no half surrender), and no more than the locker holds.
        assertThat(heldAt(locker)).isEqualTo(stored).isLessThanOrEqualTo(4);
        assertThat(jdbc.queryForObject(
                        "select count(distinct type_model) from custody_item where site_id = ? and hazard_code = '1.3L'",
                        Long.class,
                        locker))
                .isLessThanOrEqualTo(1);
        assertThat(admin.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    private long newSite(String name, int capacity) {
        return admin.post(
                        "/api/custody/sites",
                        Api.json(Map.of(
                                "name",
                                name,
                                "regionCode",
                                "KHJ",
                                "location",
                                Map.of("type", "Point", "coordinates", List.of(46.80, 39.912)),
                                "capacity",
                                capacity,
                                "keeperAgencyId",
                                agency())))
                .json()
                .get("id")
                .asLong();
    }

    private long heldAt(long site) {
        return jdbc.queryForObject(
                "select count(*) from custody_item where site_id = ? and status = 'IN_CUSTODY'", Long.class, site);
    }

    /** The writes, started together from as many threads, with their answers in the writes' order. */
    private static List<Api.Response> concurrently(int writers, java.util.function.IntFunction<Api.Response> write)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int n = 0; n < writers; n++) {
                int writer = n;
                Callable<Api.Response> call = () -> {
                    start.await();
                    return write.apply(writer);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : results) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
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
        JsonNode asOfficer = as("khj-custody-officer")
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
        long batch = demoBatch().get("id").asLong();
        assertThat(other.get("/api/custody/batches/" + batch + "/receipt.pdf", "application/pdf")
                        .status())
                .isEqualTo(404);
        assertThat(register(other, site("Khojaly"), item("OTHER", "Radio", null, 1))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void searchesBySerialExactlyAndInPart() {
        Api officer = as("khj-custody-officer");
        assertThat(officer.get("/api/custody/items?serial=ill-akm-10231").json())
                .hasSize(1);
        assertThat(officer.get("/api/custody/items?serial=ILL-AKM").json()).isEmpty();
        assertThat(officer.get("/api/custody/items?q=akm-10").json()).hasSize(2);
    }

    @Test
    void theReceiptListsEveryItemWithItsSerial() throws Exception {
        long batch = demoBatch().get("id").asLong();
        Api.Response pdf =
                as("khj-custody-officer").get("/api/custody/batches/" + batch + "/receipt.pdf", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        byte[] bytes = as("khj-custody-officer").getBytes("/api/custody/batches/" + batch + "/receipt.pdf");
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

    @Test
    void theReceiptIsPrintedInTheReadersLanguageWithNoCodeShownAsStored() throws Exception {
        long batch = demoBatch().get("id").asLong();
        byte[] bytes = as("khj-custody-officer").getBytes("/api/custody/batches/" + batch + "/receipt.pdf?lang=ru");
        try (var document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Акт приёма сданного", "Ходжалы", "Оружие", "Исправно", "+04:00");
            // Coordinates with a decimal point, whatever the language.
            assertThat(text).containsPattern("\\d{2}\\.\\d{5}, \\d{2}\\.\\d{5}");
            assertThat(text).doesNotContainPattern("\\b(WEAPON|AMMUNITION|SERVICEABLE|PIECES)\\b");
        }
    }

    // ---- the ledger against someone who can write the database

    private boolean postgres() {
        try (var c = jdbc.getDataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs with the append-only guard lifted, as a database administrator could. */
    private void unguarded(Runnable change) {
        boolean postgres = postgres();
        if (postgres) {
            jdbc.execute("alter table custody_event disable trigger custody_event_append_only");
        } else {
            jdbc.execute("drop trigger custody_event_append_only");
        }
        try {
            change.run();
        } finally {
            if (postgres) {
                jdbc.execute("alter table custody_event enable trigger custody_event_append_only");
            } else {
                jdbc.execute("create trigger custody_event_append_only before update, delete on custody_event"
                        + " for each row call 'org.custodian.custody.LedgerAppendOnly'");
            }
        }
    }

    private List<LedgerChain.Link> events() {
        return jdbc.query(
                "select seq, item_id, at, actor, kind, payload, previous_hash, hash from custody_event order by seq",
                (rs, n) -> new LedgerChain.Link(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7).strip(),
                        rs.getString(8).strip()));
    }

    /** Writes these events back as they were, and the head after the last of them. */
    private void restoreEvents(List<LedgerChain.Link> original) {
        unguarded(() -> {
            for (LedgerChain.Link l : original) {
                int updated = jdbc.update(
                        "update custody_event set payload = ?, previous_hash = ?, hash = ? where seq = ?",
                        l.payload(),
                        l.previousHash(),
                        l.hash(),
                        l.seq());
                if (updated == 0) {
                    jdbc.update(
                            "insert into custody_event (seq, item_id, at, actor, kind, payload, previous_hash, hash)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                            l.seq(),
                            l.itemId(),
                            java.sql.Timestamp.from(l.at()),
                            l.actor(),
                            l.kind(),
                            l.payload(),
                            l.previousHash(),
                            l.hash());
                }
            }
        });
        LedgerChain.Link last = original.get(original.size() - 1);
        jdbc.update("update custody_ledger_head set last_seq = ?, last_hash = ? where id = 1", last.seq(), last.hash());
    }

    private JsonNode ledgerCheckpoint() {
        for (JsonNode o : admin.post("/api/integrity/checkpoints", "").json()) {
            if (o.get("chain").asString().equals("custody-ledger")) {
                assertThat(o.get("refused").isNull()).as(o.toString()).isTrue();
                return o.get("checkpoint");
            }
        }
        throw new AssertionError("no custody ledger checkpoint");
    }

    @Test
    void aLedgerRewrittenWithTheAppsOwnHashFunctionNoLongerMatchesItsSignedCheckpoint() {
        Map<String, Object> rifle = item("WEAPON", "Rifle to be forged", null, 1);
        rifle.put("serialNumber", "WIT-1");
        long id = register(admin, site("Khojaly"), rifle).json().get("id").asLong();
        JsonNode checkpoint = ledgerCheckpoint();
        assertThat(admin.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();

        // The insider changes the serial in the event and in the register, and recomputes every later hash.
        List<LedgerChain.Link> original = events();
        LedgerChain.Link victim = original.stream()
                .filter(l -> l.itemId() == id && l.kind().equals("REGISTERED"))
                .findFirst()
                .orElseThrow();
        unguarded(() -> {
            String previous = victim.previousHash();
            for (LedgerChain.Link l : original) {
                if (l.seq() < victim.seq()) {
                    continue;
                }
                String payload = l.seq() == victim.seq() ? l.payload().replace("WIT-1", "FORGED-1") : l.payload();
                String hash = LedgerChain.hash(previous, l.seq(), l.itemId(), l.at(), l.actor(), l.kind(), payload);
                jdbc.update(
                        "update custody_event set payload = ?, previous_hash = ?, hash = ? where seq = ?",
                        payload,
                        previous,
                        hash,
                        l.seq());
                previous = hash;
            }
            jdbc.update("update custody_ledger_head set last_hash = ? where id = 1", previous);
        });
        jdbc.update("update custody_item set serial_number = 'FORGED-1' where id = ?", id);
        try {
            JsonNode verdict = admin.get("/api/custody/verify").json();
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("firstBrokenEvent").isNull()).isTrue();
            assertThat(verdict.get("reason").asString())
                    .contains("rewritten")
                    .contains("checkpoint " + checkpoint.get("number").asLong());
            LedgerVerifyCommand command = new LedgerVerifyCommand(ledger);
            command.run(new org.springframework.boot.DefaultApplicationArguments());
            assertThat(command.getExitCode()).isEqualTo(3);
        } finally {
            jdbc.update("update custody_item set serial_number = 'WIT-1' where id = ?", id);
            restoreEvents(original);
        }
        assertThat(admin.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void aLedgerShorterThanItsCheckpointIsReportedTruncated() {
        Map<String, Object> radio = item("OTHER", "Radio to be erased", null, 1);
        long id = register(admin, site("Khojaly"), radio).json().get("id").asLong();
        JsonNode checkpoint = ledgerCheckpoint();
        List<LedgerChain.Link> original = events();
        LedgerChain.Link last = original.get(original.size() - 1);
        assertThat(last.itemId()).isEqualTo(id);
        LedgerChain.Link before = original.get(original.size() - 2);
        // The insider removes the item's event and winds the head back.
        unguarded(() -> jdbc.update("delete from custody_event where seq = ?", last.seq()));
        jdbc.update(
                "update custody_ledger_head set last_seq = ?, last_hash = ? where id = 1", before.seq(), before.hash());
        try {
            JsonNode verdict = admin.get("/api/custody/verify").json();
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("reason").asString())
                    .contains("truncated")
                    .contains("checkpoint " + checkpoint.get("number").asLong());
        } finally {
            restoreEvents(original);
        }
        JsonNode after = admin.get("/api/custody/verify").json();
        assertThat(after.get("intact").asBoolean()).as(after.toString()).isTrue();
    }

    @Test
    void aSerialChangedInTheRegisterAloneIsNamedByVerifyAndTheCommandLineVerifier() {
        Map<String, Object> rifle = item("WEAPON", "Rifle with a true serial", null, 1);
        rifle.put("serialNumber", "TRUE-7");
        JsonNode registered = register(admin, site("Khojaly"), rifle).json();
        long id = registered.get("id").asLong();
        String reference = registered.get("reference").asString();
        assertThat(admin.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();

        jdbc.update("update custody_item set serial_number = 'SWAPPED-7' where id = ?", id);
        try {
            JsonNode verdict = admin.get("/api/custody/verify").json();
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("reason").asString()).contains(reference).contains("serialNumber");
            JsonNode difference = verdict.get("differences").get(0);
            assertThat(difference.get("reference").asString()).isEqualTo(reference);
            assertThat(difference.get("attribute").asString()).isEqualTo("serialNumber");
            assertThat(difference.get("register").asString()).isEqualTo("SWAPPED-7");
            assertThat(difference.get("ledger").asString()).isEqualTo("TRUE-7");
            // The region's officer sees it too; another region's officer does not.
            assertThat(as("khj-custody-officer")
                            .get("/api/custody/verify")
                            .json()
                            .toString())
                    .contains(reference);
            assertThat(as("agd-officer").get("/api/custody/verify").json().toString())
                    .doesNotContain(reference);

            var out = new java.io.ByteArrayOutputStream();
            var console = System.out;
            LedgerVerifyCommand command = new LedgerVerifyCommand(ledger);
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                command.run(new org.springframework.boot.DefaultApplicationArguments());
            } finally {
                System.setOut(console);
            }
            assertThat(command.getExitCode()).isEqualTo(3);
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("register differs: item " + reference + ": serialNumber");
        } finally {
            jdbc.update("update custody_item set serial_number = 'TRUE-7' where id = ?", id);
        }
        // A status changed behind the ledger's back is named as well.
        jdbc.update("update custody_item set status = 'DESTROYED', site_id = null where id = ?", id);
        try {
            JsonNode verdict = admin.get("/api/custody/verify").json();
            assertThat(verdict.get("differences").toString()).contains("status").contains("DESTROYED");
        } finally {
            jdbc.update("update custody_item set status = 'IN_CUSTODY', site_id = ? where id = ?", site("Khojaly"), id);
        }
        assertThat(admin.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void aRegionsCustodyRolesSeeTheirRegionsFiguresAndOnlyAdministratorsTheGlobalHead() {
        Map<String, Object> radio = item("OTHER", "Aghdam radio", null, 1);
        assertThat(register(as("agd-officer"), site("Aghdam"), radio).status()).isEqualTo(201);

        JsonNode global = admin.get("/api/custody/verify").json();
        String head = jdbc.queryForObject("select last_hash from custody_ledger_head where id = 1", String.class)
                .strip();
        assertThat(global.get("headHash").asString()).isEqualTo(head);
        assertThat(global.get("events").asLong()).isEqualTo(count("custody_event"));

        JsonNode regional = as("agd-officer").get("/api/custody/verify").json();
        assertThat(regional.get("intact").asBoolean()).isTrue();
        assertThat(regional.get("headHash").isNull()).isTrue();
        assertThat(regional.get("checkpoint").isNull()).isTrue();
        assertThat(regional.get("regions").toString()).isEqualTo("[\"AGD\"]");
        long agdEvents = jdbc.queryForObject(
                "select count(*) from custody_event e join custody_item i on i.id = e.item_id"
                        + " where i.region_code = 'AGD'",
                Long.class);
        assertThat(regional.get("events").asLong())
                .isEqualTo(agdEvents)
                .isPositive()
                .isLessThan(count("custody_event"));
        assertThat(regional.toString()).doesNotContain(head);

        Api.Response page = as("khj-custody-officer").get("/custody/ledger", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(head).contains("region-events");
        assertThat(admin.get("/custody/ledger", "text/html").body()).contains(head);
    }

    @Test
    void aRefusalNeverTellsAnotherRegionsSiteFromAMissingOne() {
        Api agd = as("agd-officer");
        long khojaly = site("Khojaly");
        long aghdam = site("Aghdam");
        long missing = 999_999;
        // A 1.1F grenade would be refused at Khojaly (it holds group E): the refusal used to name what it holds.
        Map<String, Object> grenades = item("AMMUNITION", "Aghdam grenades", "1.1F", 5);
        Api.Response registered = register(agd, aghdam, grenades);
        assertThat(registered.status()).isEqualTo(201);
        long id = registered.json().get("id").asLong();

        Api.Response toOther =
                agd.post("/api/custody/items/" + id + "/transfers", Api.json(Map.of("toSiteId", khojaly)));
        Api.Response toMissing =
                agd.post("/api/custody/items/" + id + "/transfers", Api.json(Map.of("toSiteId", missing)));
        assertSameRefusal(toOther, toMissing, khojaly, missing);
        assertThat(toOther.body()).doesNotContain("KHJ").doesNotContain("1.1E");

        // Registering at, or receiving a surrender into, another region's site reads the same as a missing one.
        assertSameRefusal(
                register(agd, khojaly, item("OTHER", "Radio", null, 1)),
                register(agd, missing, item("OTHER", "Radio", null, 1)),
                khojaly,
                missing);
        JsonNode place = admin.get("/api/custody/sites/" + aghdam).json().get("location");
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("regionCode", "AGD");
        batch.put("party", "Village elders");
        batch.put("place", place);
        batch.put("receivedAt", "2023-10-02T09:00:00Z");
        batch.put("receivingOfficer", "Officer");
        batch.put("witnesses", List.of("Witness"));
        batch.put("items", List.of(item("OTHER", "Radio", null, 1)));
        batch.put("siteId", khojaly);
        Api.Response batchOther = agd.post("/api/custody/batches", Api.json(batch));
        batch.put("siteId", missing);
        Api.Response batchMissing = agd.post("/api/custody/batches", Api.json(batch));
        assertSameRefusal(batchOther, batchMissing, khojaly, missing);

        // A receipt of another region's transfer, or of a missing one: the same 404.
        Map<String, Object> rifle = item("WEAPON", "Rifle on its way", null, 1);
        rifle.put("serialNumber", "OW-1");
        long khjItem = register(admin, khojaly, rifle).json().get("id").asLong();
        long transfer = admin.post(
                        "/api/custody/items/" + khjItem + "/transfers", Api.json(Map.of("toSiteId", site("Fuzuli"))))
                .json()
                .get("id")
                .asLong();
        Map<String, Object> receipt = Map.of("siteId", aghdam, "quantity", 1);
        assertSameRefusal(
                agd.post("/api/custody/transfers/" + transfer + "/receipt", Api.json(receipt)),
                agd.post("/api/custody/transfers/" + missing + "/receipt", Api.json(receipt)),
                transfer,
                missing);
    }

    private static void assertSameRefusal(Api.Response other, Api.Response missing, long otherId, long missingId) {
        assertThat(other.status()).isEqualTo(missing.status()).isBetween(400, 499);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.body().replaceAll("\\b" + otherId + "\\b", "ID"))
                .isEqualTo(missing.body().replaceAll("\\b" + missingId + "\\b", "ID"));
    }

    private long agency() {
        return admin.get("/api/agencies").json().get(0).get("id").asLong();
    }
}
