package org.custodian.routing;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.LMProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.WeightingFactory;
import com.graphhopper.util.CustomModel;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.custodian.platform.Reason;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The road network in use: a GraphHopper graph in a folder under the graph folder, named by the file
 * {@code current} there. On first start the configured OpenStreetMap file (the shipped demo roads by default)
 * is imported. A new network is built in a folder of its own and put in use only once it is complete, so a
 * file that is not OpenStreetMap, or is cut short, leaves the network in use as it was.
 *
 * <p>Thread-safe: readers take {@link #graph()} once per request; a replaced graph is closed after a grace
 * period long enough for requests under way to finish.
 */
@Component
class RoadNetwork {

    static final String PROFILE = "car";
    static final String DEMO_FILE = "routing/demo-roads.osm";
    private static final Logger log = LoggerFactory.getLogger(RoadNetwork.class);

    /** A graph in use and what it was built from. */
    record Graph(GraphHopper hopper, Path folder, String source, Instant builtAt, int edges) {}

    private final Path root;
    private final String osmFile;
    private final AtomicReference<@Nullable Graph> current = new AtomicReference<>();

    RoadNetwork(
            @Value("${custodian.routing.graph-folder:./data/routing}") String graphFolder,
            @Value("${custodian.routing.osm-file:}") String osmFile) {
        this.root = Path.of(graphFolder).toAbsolutePath();
        this.osmFile = osmFile;
    }

    /** The graph in use: loaded from the graph folder, or imported there on first use. */
    Graph graph() {
        Graph g = current.get();
        if (g != null) {
            return g;
        }
        synchronized (this) {
            g = current.get();
            if (g == null) {
                g = loadOrImportConfigured();
                current.set(g);
            }
            return g;
        }
    }

    private Graph loadOrImportConfigured() {
        try {
            Files.createDirectories(root);
            Path pointer = root.resolve("current");
            if (Files.exists(pointer)) {
                String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
                Path folder = root.resolve(name);
                try {
                    GraphHopper hopper = configure(new AvoidingHopper(), folder, null);
                    if (hopper.load()) {
                        String source = Files.exists(folder.resolve("source"))
                                ? Files.readString(folder.resolve("source"), StandardCharsets.UTF_8)
                                : name;
                        return new Graph(
                                hopper,
                                folder,
                                source,
                                Files.getLastModifiedTime(pointer).toInstant(),
                                hopper.getBaseGraph().getEdges());
                    }
                } catch (RuntimeException e) {
                    log.warn("road network in {} could not be loaded ({}); importing the configured file", folder, e);
                }
            }
            if (osmFile.isBlank()) {
                Path demo = Files.createTempFile("custodian-demo-roads", ".osm");
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEMO_FILE)) {
                    if (in == null) {
                        throw new IllegalStateException("the demo road network " + DEMO_FILE + " is missing");
                    }
                    Files.copy(in, demo, StandardCopyOption.REPLACE_EXISTING);
                }
                try {
                    return build(demo, "demo roads (" + DEMO_FILE + ")", null);
                } finally {
                    Files.deleteIfExists(demo);
                }
            }
            Path file = Path.of(osmFile);
            return build(file, file.getFileName().toString(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Phases an import goes through, for a progress report. */
    interface Progress {
        void phase(String phase);
    }

    /**
     * Builds a road network from an OpenStreetMap file (XML or PBF) and puts it in use. The network in use
     * stays in use when the file is refused.
     *
     * @throws RuleViolated (field {@code file}) when the file is not OpenStreetMap, is cut short or holds no
     *     road
     */
    synchronized Graph replace(Path file, String name, @Nullable Progress progress) {
        graph();
        Graph built = build(file, name, progress);
        Graph old = current.getAndSet(built);
        if (old != null) {
            // Requests under way finish on the old graph; it is closed and removed a little later.
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                old.hopper().close();
                delete(old.folder());
            });
        }
        return built;
    }

    private Graph build(Path file, String name, @Nullable Progress progress) {
        Path folder = root.resolve("graph-" + System.currentTimeMillis() + "-" + System.nanoTime() % 1000);
        GraphHopper hopper = configure(new AvoidingHopper(), folder, file);
        if (progress != null) {
            progress.phase("importing");
        }
        try {
            requireOsm(file);
            hopper.importOrLoad();
        } catch (RuntimeException | IOException | Error e) {
            hopper.close();
            delete(folder);
            if (e instanceof VirtualMachineError vm) {
                throw vm;
            }
            log.info("road network file {} refused", name, e);
            throw new RuleViolated("file", refusal(e));
        }
        int edges = hopper.getBaseGraph().getEdges();
        if (edges == 0) {
            hopper.close();
            delete(folder);
            throw new RuleViolated("file", Refusals.FILE_HOLDS_ROAD_VEHICLES_MAY);
        }
        try {
            Files.writeString(folder.resolve("source"), name, StandardCharsets.UTF_8);
            Path pointer = root.resolve("current.new");
            Files.writeString(pointer, folder.getFileName().toString(), StandardCharsets.UTF_8);
            Files.move(
                    pointer,
                    root.resolve("current"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            hopper.close();
            delete(folder);
            throw new UncheckedIOException(e);
        }
        log.info("road network {} in use: {} edges", name, edges);
        return new Graph(hopper, folder, name, Instant.now(), edges);
    }

    /** Refuses a file that starts like neither OSM XML nor an OSM PBF block header before GraphHopper reads it. */
    static void requireOsm(Path file) throws IOException {
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1).stripLeading();
        boolean xml = text.startsWith("<");
        // A PBF file starts with the 4-byte length of its first BlobHeader, whose type is "OSMHeader".
        boolean pbf = n > 16 && text.contains("OSMHeader");
        if (!xml && !pbf) {
            throw new RuleViolated("file", Refusals.FILE_NEITHER_OPENSTREETMAP_XML_NOR);
        }
        if (xml) {
            requireNoDoctype(file);
        }
    }

    /**
     * GraphHopper reads OSM XML with a StAX parser as the JDK sets it up, which resolves a DOCTYPE's entities:
     * an external one reads a file of the server into road names, nested ones expand without end. OSM XML
     * never needs a DOCTYPE, so a file that declares one is refused before GraphHopper opens it. A DOCTYPE can
     * only stand before the root element, so the prolog is all that is read here, with DTDs off.
     */
    private static void requireNoDoctype(Path file) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            // The same encoding as GraphHopper's reader, so both see the same prolog.
            XMLStreamReader reader = factory.createXMLStreamReader(in, "UTF-8");
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new RuleViolated("file", Refusals.OPENSTREETMAP_XML_WITH_DOCTYPE);
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new RuleViolated(
                    "file",
                    Refusals.NOT_READ_AS_OPENSTREETMAP,
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static Reason refusal(Throwable e) {
        if (e instanceof RuleViolated r) {
            return r.reason();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // The library's own words follow, in English: they name what it could not read.
        return Reason.of(
                Refusals.NOT_READ_AS_OPENSTREETMAP,
                what.lines().findFirst().orElse("").toLowerCase(Locale.ROOT));
    }

    private static GraphHopper configure(GraphHopper hopper, Path folder, @Nullable Path osm) {
        hopper.setGraphHopperLocation(folder.toString());
        if (osm != null) {
            hopper.setOSMFile(osm.toString());
        }
        hopper.setEncodedValuesString("car_access, car_average_speed, road_access");
        hopper.setProfiles(new Profile(PROFILE).setCustomModel(carModel()));
        // Landmarks, not contraction hierarchies: the way with areas to avoid takes a weighting per request,
        // which contraction hierarchies cannot, and on grid-like networks their searches were slower (BENCHMARKS.md).
        hopper.getLMPreparationHandler().setLMProfiles(new LMProfile(PROFILE));
        // The demo network and small imports are far below GraphHopper's default minimum of 200 nodes a part;
        // parts cut off from the rest are reported per request instead (which end lies off the network).
        hopper.setMinNetworkSize(0);
        return hopper;
    }

    /** GraphHopper whose requests may name edges they cannot take ({@link BlockedEdges}). */
    private static final class AvoidingHopper extends GraphHopper {
        @Override
        protected WeightingFactory createWeightingFactory() {
            return BlockedEdges.factory(super.createWeightingFactory());
        }
    }

    static CustomModel carModel() {
        CustomModel model = new CustomModel();
        model.addToPriority(Statement.If("!car_access", Statement.Op.MULTIPLY, "0"));
        model.addToSpeed(Statement.If("true", Statement.Op.LIMIT, "car_average_speed"));
        model.setDistanceInfluence(90d);
        return model;
    }

    @PreDestroy
    void close() {
        Graph g = current.getAndSet(null);
        if (g != null) {
            g.hopper().close();
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove {}", folder, e);
        }
    }
}
