package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Areas in one unit a page, in the reader's number format; coordinates with a decimal point in every language. */
@CustodianIntegrationTest
class AreasAndCoordinatesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void mineActionShowsEveryAreaInHectaresInTheReadersFormat() {
        Api admin = Api.at(port).asAdmin();
        String russian = admin.get("/mine-action?lang=ru").body();
        assertThat(russian).containsPattern("\\d,\\d\\d га").doesNotContain("м²", "km²", "m²");
        String english = admin.get("/mine-action?lang=en").body();
        assertThat(english).containsPattern("\\d\\.\\d\\d ha").doesNotContain("km²", "m²");
        long area = admin.get("/api/hazard-areas")
                .json()
                .get("features")
                .get(0)
                .get("id")
                .asLong();
        String page =
                admin.get("/mine-action/hazard-areas/" + area + "?lang=ru").body();
        assertThat(page).containsPattern("\\d,\\d\\d</dd>").doesNotContain("м²", "m²");
    }

    @Test
    void aCustodyItemsPlaceHasADecimalPointInRussian() {
        Api admin = Api.at(port).asAdmin();
        long item = admin.get("/api/custody/items").json().get(0).get("id").asLong();
        String page = admin.get("/custody/items/" + item + "?lang=ru").body();
        assertThat(page)
                .containsPattern("\\d{2}\\.\\d{5}, \\d{2}\\.\\d{5}")
                .doesNotContainPattern("\\d{2},\\d{5}, \\d{2},\\d{5}");
    }
}
