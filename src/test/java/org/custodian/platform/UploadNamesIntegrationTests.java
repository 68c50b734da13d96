package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An uploaded file keeps only a safe last name, and is served back with an RFC 6266 header. */
@CustodianIntegrationTest
class UploadNamesIntegrationTests {

    @LocalServerPort
    int port;

    private HttpResponse<String> upload(Api admin, long source, String filename) throws Exception {
        String boundary = "----custodian-names";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: text/plain\r\n\r\nfield report\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(admin.base() + "/api/sources/" + source + "/attachment"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("admin:" + Api.ADMIN_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(head))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private long source(Api admin, String title) {
        return admin.post("/api/sources", "{\"publisher\":\"Upload names\",\"title\":\"" + title + "\"}")
                .json()
                .get("id")
                .asLong();
    }

    @Test
    void keepsOnlyTheLastSegmentOfAPathAndDropsControlCharacters() throws Exception {
        Api admin = Api.at(port).asAdmin();
        long traversal = source(admin, "Traversal");
        HttpResponse<String> up = upload(admin, traversal, "../../../../etc/passwd");
        assertThat(up.statusCode()).isEqualTo(200);
        JsonNode attachment = JsonMapper.builder().build().readTree(up.body()).get("attachment");
        assertThat(attachment.get("name").asString()).isEqualTo("passwd");
        Api.Response download = admin.get("/api/sources/" + traversal + "/attachment");
        assertThat(download.raw().headers().firstValue("Content-Disposition").orElseThrow())
                .doesNotContain("..", "/");

        long windows = source(admin, "Windows path");
        assertThat(upload(admin, windows, "C:\\\\Users\\\\field\\\\report.txt").statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/api/sources/" + windows)
                        .json()
                        .at("/attachment/name")
                        .asString())
                .isEqualTo("report.txt");

        long control = source(admin, "Control characters");
        HttpResponse<String> withBell = upload(admin, control, "re\u001bpo\u0007rt\u202E.txt");
        assertThat(withBell.statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/sources/" + control)
                        .json()
                        .at("/attachment/name")
                        .asString())
                .isEqualTo("report.txt");

        // A NUL the server cannot even take apart: refused in words, nothing kept.
        long nul = source(admin, "NUL");
        HttpResponse<String> withNul = upload(admin, nul, "re\u0000port.txt");
        assertThat(withNul.statusCode()).isEqualTo(400);
        assertThat(withNul.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(withNul.body()).contains("file name").doesNotContain("Exception", "tomcat");
        assertThat(admin.get("/api/sources/" + nul).json().get("attachment").isNull())
                .isTrue();

        long longName = source(admin, "Long name");
        upload(admin, longName, "a".repeat(400) + ".pdf");
        String kept = admin.get("/api/sources/" + longName)
                .json()
                .at("/attachment/name")
                .asString();
        assertThat(kept).hasSizeLessThanOrEqualTo(200).endsWith(".pdf");
    }

    @Test
    void servesANonAsciiNameEncodedPerRfc5987() throws Exception {
        Api admin = Api.at(port).asAdmin();
        long id = source(admin, "Armenian name");
        assertThat(upload(admin, id, "զեկույց \"1\".txt").statusCode()).isEqualTo(200);
        String disposition = admin.get("/api/sources/" + id + "/attachment")
                .raw()
                .headers()
                .firstValue("Content-Disposition")
                .orElseThrow();
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
        assertThat(disposition).contains("%D5%A6");
    }
}
