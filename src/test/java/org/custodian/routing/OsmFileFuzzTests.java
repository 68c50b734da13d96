package org.custodian.routing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.graphhopper.reader.osm.OSMInputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamException;
import org.custodian.platform.RuleViolated;

/**
 * An OpenStreetMap XML file as the road network import receives it: the product's own check, then
 * GraphHopper's reader, element by element. The import refuses whatever the reader throws (as "not read as
 * OpenStreetMap"), so the property here is the rest: no DOCTYPE reaches the reader (Jazzer's sanitizers
 * report a file read or a network fetch), no hang, no stack overflow or runaway memory. Seeds, the demo's road
 * network among them, in OsmFileFuzzTestsInputs.
 */
class OsmFileFuzzTests {

    @FuzzTest(maxDuration = "15s")
    void aFileIsReadOrRefused(byte[] input) throws IOException {
        Path file = Files.createTempFile("road-network-fuzz", ".osm");
        try {
            Files.write(file, input);
            try {
                RoadNetwork.requireOsm(file);
            } catch (RuleViolated refused) {
                return;
            }
            try (OSMInputFile osm = new OSMInputFile(file.toFile())) {
                osm.open();
                while (osm.getNext() != null) {
                    // Each element read; the import would build roads from them.
                }
            } catch (IOException | XMLStreamException | RuntimeException refusedByTheImport) {
                // The import answers these with its refusal.
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
