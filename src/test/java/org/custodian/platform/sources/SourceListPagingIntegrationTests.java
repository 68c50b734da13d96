package org.custodian.platform.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sources page shows fifty sources at a time, newest first, and its search holds across the pages. */
@CustodianIntegrationTest
class SourceListPagingIntegrationTests {

    @LocalServerPort
    int port;

    private static int rows(String page) {
        Matcher m = Pattern.compile("<a href=\"/sources/\\d+\">").matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void showsAPageOfTheSourcesFoundAndKeepsTheSearchOnTheNextPage() {
        Api api = Api.at(port).asAdmin();
        for (int i = 0; i < 53; i++) {
            String date = String.format("2024-01-%02d", 1 + i % 28);
            assertThat(api.post(
                                    "/api/sources",
                                    "{\"publisher\":\"Paging Gazette\",\"title\":\"Bulletin " + i
                                            + "\",\"publishedOn\":\"" + date + "\"}")
                            .status())
                    .isEqualTo(201);
        }

        String first = api.get("/sources?q=paging%20GAZETTE").body();
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains("53 sources match").contains("1 / 2");
        assertThat(first).contains("href=\"/sources?q=paging%20GAZETTE&amp;page=1\"");
        assertThat(first).doesNotContain("rel=\"prev\"");

        String second = api.get("/sources?q=paging%20GAZETTE&page=1").body();
        assertThat(rows(second)).isEqualTo(3);
        assertThat(second).contains("2 / 2").contains("href=\"/sources?q=paging%20GAZETTE&amp;page=0\"");
        // Newest first across the pages: the last page holds the oldest bulletins.
        assertThat(second).contains("2024-01-01").doesNotContain("2024-01-28");

        assertThat(rows(api.get("/sources?q=no%20such%20publisher%20anywhere").body()))
                .isZero();
    }
}
