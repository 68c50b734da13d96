package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The OGC's own executable test suite for OGC API - Features Part 1 (ets-ogcapi-features10 1.9, the suite
 * behind OGC certification), run against every collection of the application, as the administrator. The
 * suite's jar is kept in the repository ({@code .ci/ogc/}); it is not published to Maven Central.
 */
@CustodianIntegrationTest
class OgcConformanceIntegrationTests {

    static final Path SUITE = Path.of(".ci/ogc/ets-ogcapi-features10-1.9-aio.jar");

    @LocalServerPort
    int port;

    @Test
    void theOgcSuitePassesEveryTest() throws Exception {
        assertThat(SUITE).as("the OGC suite's jar").exists();
        Path out = Path.of("target", "ogc-ets", TestDatabase.postgis() ? "postgis" : "h2gis");
        if (Files.exists(out)) {
            try (Stream<Path> old = Files.walk(out)) {
                old.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(java.io.File::delete);
            }
        }
        Files.createDirectories(out);
        try (CredentialsProxy proxy = new CredentialsProxy(port, "admin", Api.ADMIN_PASSWORD)) {
            Path properties = out.resolve("test-run-props.xml");
            Files.writeString(properties, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <properties version="1.0">
                      <entry key="iut">http://127.0.0.1:%d/ogc</entry>
                      <entry key="noofcollections">-1</entry>
                    </properties>
                    """.formatted(proxy.port()));
            String java = ProcessHandle.current().info().command().orElse("java");
            Process suite = new ProcessBuilder(
                            java,
                            "-jar",
                            SUITE.toAbsolutePath().toString(),
                            "-o",
                            out.toAbsolutePath().toString(),
                            "-h",
                            "true",
                            properties.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.resolve("ets.log").toFile())
                    .start();
            assertThat(suite.waitFor(20, TimeUnit.MINUTES))
                    .as("the suite finished in 20 minutes")
                    .isTrue();
        }
        Path results;
        try (Stream<Path> files = Files.walk(out)) {
            results = files.filter(p -> p.getFileName().toString().equals("testng-results.xml"))
                    .findFirst()
                    .orElse(null);
        }
        assertThat(results)
                .as("the suite wrote no results: %s", tail(out.resolve("ets.log")))
                .isNotNull();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(results.toFile());
        NodeList methods = document.getElementsByTagName("test-method");
        List<String> failed = new ArrayList<>();
        int passed = 0;
        for (int i = 0; i < methods.getLength(); i++) {
            Element method = (Element) methods.item(i);
            String status = method.getAttribute("status");
            if (status.equals("PASS") && !"true".equals(method.getAttribute("is-config"))) {
                passed++;
            }
            if (status.equals("FAIL")) {
                NodeList messages = method.getElementsByTagName("message");
                String message = messages.getLength() == 0
                        ? ""
                        : messages.item(0).getTextContent().strip();
                NodeList values = method.getElementsByTagName("value");
                StringBuilder parameters = new StringBuilder();
                for (int v = 0; v < values.getLength(); v++) {
                    parameters.append(values.item(v).getTextContent().strip()).append(' ');
                }
                String given = parameters.toString().strip();
                failed.add(method.getAttribute("name") + " [" + given.substring(0, Math.min(120, given.length()))
                        + "]: " + message.substring(0, Math.min(300, message.length())));
            }
        }
        assertThat(failed).as("failed tests of the OGC suite").isEmpty();
        assertThat(passed).as("tests the suite passed").isGreaterThan(50);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "no log";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
