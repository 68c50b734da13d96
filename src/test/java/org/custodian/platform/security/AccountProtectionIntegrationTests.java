package org.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.Browser;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions that follow their account, sign-in throttling that stops guessers but not owners, the owner told
 * of failed attempts, password rules, CSRF and cookie settings. Each test sends from a loopback address of
 * its own (127.0.0.2 and up), since failures are counted per client address.
 */
@CustodianIntegrationTest
class AccountProtectionIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SOURCE = "{\"publisher\":\"Session test\",\"title\":\"%s\"}";

    @LocalServerPort
    int port;

    @Test
    void aSignedInSessionFollowsItsAccountsRoleAndScopeAndEndsWhenTheAccountIsDisabled() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("session-officer", "OFFICER", "AGD", "aghdam-session-officer"))
                .isEqualTo(201);
        Browser browser = new Browser(port, "127.0.0.11");
        assertThat(browser.signIn("session-officer", "aghdam-session-officer")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
        browser.get("/");
        JsonNode me = json(browser.get("/api/users/me"));
        assertThat(me.get("role").asString()).isEqualTo("OFFICER");
        assertThat(me.get("regions").toString()).contains("AGD");
        assertThat(browser.postJson("/api/sources", SOURCE.formatted("as officer"))
                        .statusCode())
                .isEqualTo(201);

        Map<String, Object> change = new HashMap<>(
                Map.of("displayName", "Session officer", "role", "VIEWER", "regions", List.of("SHU"), "enabled", true));
        assertThat(admin.put("/api/users/session-officer", Api.json(change)).status())
                .isEqualTo(200);
        me = json(browser.get("/api/users/me"));
        assertThat(me.get("role").asString()).isEqualTo("VIEWER");
        assertThat(me.get("regions").toString()).contains("SHU").doesNotContain("AGD");
        assertThat(browser.postJson("/api/sources", SOURCE.formatted("as viewer"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(browser.get("/").body()).contains("Session officer");

        change.put("enabled", false);
        assertThat(admin.put("/api/users/session-officer", Api.json(change)).status())
                .isEqualTo(200);
        assertThat(browser.get("/api/users/me").statusCode()).isEqualTo(401);
        HttpResponse<String> page = browser.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aSessionEndsWhenAnAdministratorSetsANewPassword() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("session-reset", "VIEWER", "FZL", "fuzuli-session-viewer"))
                .isEqualTo(201);
        Browser browser = new Browser(port, "127.0.0.12");
        browser.signIn("session-reset", "fuzuli-session-viewer");
        assertThat(browser.get("/api/users/me").statusCode()).isEqualTo(200);
        Map<String, Object> change = Map.of(
                "displayName",
                "session-reset",
                "role",
                "VIEWER",
                "regions",
                List.of("FZL"),
                "enabled",
                true,
                "password",
                "fuzuli-after-the-reset");
        assertThat(admin.put("/api/users/session-reset", Api.json(change)).status())
                .isEqualTo(200);
        assertThat(browser.get("/api/users/me").statusCode()).isEqualTo(401);
    }

    /**
     * Five wrong passwords from one address hold that address back (429 with Retry-After) but not the owner
     * at another; the owner is told of the failures when they next sign in, on the page and by the API.
     */
    @Test
    void guessesFromOneAddressDoNotLockTheOwnerOutAndTheOwnerIsTold() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("guessed-owner", "VIEWER", "FZL", "fuzuli-owner-password"))
                .isEqualTo(201);
        Api guesser = Api.at(port).from("127.0.0.13");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.as("guessed-owner", "guess-number-" + i)
                            .get("/api/sources")
                            .status())
                    .isEqualTo(401);
        }
        Api.Response held = guesser.as("guessed-owner", "fuzuli-owner-password").get("/api/sources");
        assertThat(held.status()).isEqualTo(429);
        assertThat(held.isProblem()).isTrue();
        assertThat(held.json().get("detail").asString()).contains("too many failed sign-ins");
        assertThat(Long.parseLong(held.raw().headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 30L);

        Api owner = Api.at(port).from("127.0.0.14").as("guessed-owner", "fuzuli-owner-password");
        JsonNode pending = owner.get("/api/users/me").json().get("failedSignIns");
        assertThat(pending.get("count").asInt()).isEqualTo(5);
        assertThat(pending.get("lastFrom").asString()).isEqualTo("127.0.0.13");

        Browser browser = new Browser(port, "127.0.0.14");
        assertThat(browser.signIn("guessed-owner", "fuzuli-owner-password")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
        String firstPage = browser.get("/").body();
        assertThat(firstPage).contains(5 + " failed sign-in attempts").contains("127.0.0.13");
        assertThat(browser.get("/").body()).doesNotContain("failed sign-in attempts");
        JsonNode told = json(browser.get("/api/users/me")).get("failedSignIns");
        assertThat(told.get("count").asInt()).isEqualTo(5);
        // Told once: the next sign-in starts counting again.
        assertThat(owner.get("/api/users/me").json().get("failedSignIns").isNull())
                .isTrue();
    }

    @Test
    void anAddressTryingManyAccountsIsHeldBackOnTheApiAndTheSignInPage() {
        Api sprayer = Api.at(port).from("127.0.0.15");
        for (int i = 0; i < 10; i++) {
            assertThat(sprayer.as("sprayed-" + i, "summer-2026-password")
                            .get("/api/sources")
                            .status())
                    .isEqualTo(401);
        }
        Api.Response held = sprayer.asAdmin().get("/api/sources");
        assertThat(held.status()).isEqualTo(429);
        assertThat(held.raw().headers().firstValue("Retry-After")).isPresent();

        Browser browser = new Browser(port, "127.0.0.15");
        HttpResponse<String> refused = browser.signIn("admin", Api.ADMIN_PASSWORD);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/login?throttled=");
        assertThat(browser.get(location.substring(location.indexOf("/login"))).body())
                .contains("Too many failed sign-in attempts");
        // Elsewhere the administrator signs in as ever.
        assertThat(Api.at(port).from("127.0.0.16").asAdmin().get("/api/sources").status())
                .isEqualTo(200);
    }

    /** Names and passwords longer than any account's are refused as wrong, never looked up or kept. */
    @Test
    void overLongNamesAndPasswordsAreRefusedAsWrong() {
        Api from = Api.at(port).from("127.0.0.17");
        Api.Response longName = from.as("n".repeat(4_000), "any-password").get("/api/sources");
        assertThat(longName.status()).isEqualTo(401);
        assertThat(longName.isProblem()).isTrue();
        Api.Response longPassword = from.as("admin", "p".repeat(73)).get("/api/sources");
        assertThat(longPassword.status()).isEqualTo(401);
        assertThat(longPassword.isProblem()).isTrue();

        Browser browser = new Browser(port, "127.0.0.17");
        HttpResponse<String> form = browser.signIn("n".repeat(200_000), "any-password");
        assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void newPasswordsMustFitBcryptAndBeHardToGuess() {
        Api admin = Api.at(port).asAdmin();
        // An Armenian letter is two bytes in UTF-8: 40 of them are 80 bytes, more than bcrypt reads.
        String tooLong = "Ա".repeat(40);
        Api.Response longOne = admin.post("/api/users", newUser("long-password", tooLong));
        assertThat(longOne.status()).isEqualTo(422);
        assertThat(longOne.json().at("/errors/0/field").asString()).isEqualTo("password");
        assertThat(longOne.json().get("detail").asString()).contains("at most 72 bytes");

        for (String common : List.of("password1234", "qwertyuiop123", "abcdefghijkl")) {
            Api.Response weak = admin.post("/api/users", newUser("common-password", common));
            assertThat(weak.status()).as(common).isEqualTo(422);
            assertThat(weak.json().get("detail").asString()).contains("too easy to guess");
        }
        assertThat(admin.get("/api/users").body()).doesNotContain("common-password", "long-password");

        Api.Response fits =
                admin.post("/api/users", newUser("long-password", "Գառնի Գեղարդ Սևան Դիլիջան Ջերմուկ Տաթև"));
        assertThat(fits.status()).isEqualTo(201);
        Map<String, Object> change =
                Map.of("displayName", "L", "role", "VIEWER", "enabled", true, "password", "x".repeat(73));
        assertThat(admin.put("/api/users/long-password", Api.json(change)).status())
                .isEqualTo(422);
    }

    /** Only a request that brings its own Basic or bearer credentials skips CSRF, never one on a session. */
    @Test
    void aSessionWriteNeedsTheCsrfTokenWhateverAuthorizationHeaderItCarries() {
        Browser browser = new Browser(port, "127.0.0.18");
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.get("/");
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String header : List.of("Foo bar", "Basic", basic)) {
            assertThat(browser.postJsonWithAuthorization("/api/sources", SOURCE.formatted(header), header)
                            .statusCode())
                    .as(header)
                    .isEqualTo(403);
        }
        assertThat(browser.postJson("/api/sources", SOURCE.formatted("with the token"))
                        .statusCode())
                .isEqualTo(201);
        // Without a session, Basic alone is enough, as for any API client.
        assertThat(Api.at(port)
                        .from("127.0.0.18")
                        .asAdmin()
                        .post("/api/sources", SOURCE.formatted("by Basic"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndTheApiDescriptionNeedsSignIn() {
        HttpResponse<String> login = new Browser(port, "127.0.0.19").get("/login");
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("SameSite=Lax"));
        assertThat(Api.at(port).get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(Api.at(port).asAdmin().get("/v3/api-docs").status()).isEqualTo(200);
    }

    private static String newUser(String username, String password) {
        return Api.json(Map.of("username", username, "displayName", username, "password", password, "role", "VIEWER"));
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
