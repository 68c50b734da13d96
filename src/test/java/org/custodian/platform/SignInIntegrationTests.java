package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CustodianIntegrationTest
class SignInIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void healthIsOpenAndTheApiIsNot() {
        Api anonymous = Api.at(port);
        Api.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        Api.Response api = anonymous.get("/api/regions");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.isProblem()).isTrue();
        // The API description needs sign-in, like the API it describes.
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/v3/api-docs")
                        .json()
                        .at("/paths")
                        .has("/api/regions"))
                .isTrue();
    }

    @Test
    void pagesNameTheirIconAndItIsServedToAnyone() {
        Api anonymous = Api.at(port);
        Api.Response login = anonymous.get("/login");
        Matcher icon =
                Pattern.compile("<link rel=\"icon\"[^>]*href=\"([^\"]+)\"").matcher(login.body());
        assertThat(icon.find()).isTrue();
        Api.Response served = anonymous.get(icon.group(1));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("image/svg+xml");
    }

    @Test
    void aWrongPasswordGets401() {
        Api.Response wrong = Api.at(port).as("admin", "not-the-password").get("/api/regions");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.isProblem()).isTrue();
    }

    @Test
    void apiTokensAuthenticateUntilRevoked() {
        Api admin = Api.at(port).asAdmin();
        Api.Response issued = admin.post("/api/tokens", "{\"name\":\"qgis\"}");
        assertThat(issued.status()).isEqualTo(201);
        String secret = issued.json().get("secret").asString();
        assertThat(secret).startsWith("cus_");
        Api bearer = Api.at(port).withToken(secret);
        assertThat(bearer.get("/api/users/me").json().get("username").asString())
                .isEqualTo("admin");
        assertThat(admin.get("/api/tokens").body()).doesNotContain(secret);

        long id = issued.json().at("/token/id").asLong();
        assertThat(admin.delete("/api/tokens/" + id).status()).isEqualTo(204);
        Api.Response revoked = bearer.get("/api/users/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(Api.at(port).withToken("cus_made-up").get("/api/regions").status())
                .isEqualTo(401);
    }

    /** A token in use is remembered for a while; a change to its account still takes effect at once. */
    @Test
    void aTokenFollowsItsAccountsRoleAndIsRefusedOnceTheAccountIsDisabled() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("token-keeper", "VIEWER", "FZL", "the-right-password"))
                .isIn(201, 409);
        String secret = Api.at(port)
                .as("token-keeper", "the-right-password")
                .post("/api/tokens", "{\"name\":\"field tablet\"}")
                .json()
                .get("secret")
                .asString();
        Api bearer = Api.at(port).withToken(secret);
        assertThat(bearer.get("/api/users/me").json().get("role").asString()).isEqualTo("VIEWER");

        Map<String, Object> change = new java.util.HashMap<>(
                Map.of("displayName", "Token keeper", "role", "OFFICER", "regions", List.of("FZL"), "enabled", true));
        assertThat(admin.put("/api/users/token-keeper", Api.json(change)).status())
                .isEqualTo(200);
        assertThat(bearer.get("/api/users/me").json().get("role").asString()).isEqualTo("OFFICER");

        change.put("enabled", false);
        assertThat(admin.put("/api/users/token-keeper", Api.json(change)).status())
                .isEqualTo(200);
        assertThat(bearer.get("/api/users/me").status()).isEqualTo(401);
    }

    @Test
    void refusesWeakPasswordsAndDuplicateUsers() {
        Api admin = Api.at(port).asAdmin();
        Api.Response weak = admin.post(
                "/api/users",
                Api.json(Map.of("username", "weak", "displayName", "W", "password", "short", "role", "VIEWER")));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().at("/errors/0/field").asString()).isEqualTo("password");
        Api.Response duplicate = admin.post(
                "/api/users",
                Api.json(Map.of(
                        "username",
                        "admin",
                        "displayName",
                        "A",
                        "password",
                        "long-enough-password",
                        "role",
                        "VIEWER")));
        assertThat(duplicate.status()).isEqualTo(409);
        Api.Response badRole = admin.post(
                "/api/users",
                Api.json(Map.of(
                        "username",
                        "r",
                        "displayName",
                        "R",
                        "password",
                        "long-enough-password",
                        "role",
                        "KING",
                        "regions",
                        List.of())));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("detail").asString()).contains("role");
    }

    @Test
    void pagesSignInWithAFormAndRefuseWritesWithoutTheCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> map = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(map.statusCode()).isEqualTo(302);
        assertThat(map.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        String loginPage = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> withoutToken = browser.send(
                form(base + "/login", "username=admin&password=" + Api.ADMIN_PASSWORD),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> signedIn = browser.send(
                form(base + "/login", "username=admin&password=" + Api.ADMIN_PASSWORD + "&_csrf=" + csrf.group(1)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"map\"");

        // Signed in, the sign-in page is not shown again (its form would only confuse): the map instead.
        HttpResponse<String> loginAgain = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginAgain.statusCode()).isEqualTo(302);
        assertThat(loginAgain.headers().firstValue("Location").orElseThrow()).endsWith("/");

        // The session alone may not write: a forged cross-site POST carries the cookie but not the token.
        HttpResponse<String> forged = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/api/sources"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"publisher\":\"Forged\",\"title\":\"Forged\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
