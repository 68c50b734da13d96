package org.custodian.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Features the database keeps written come out as one GeoJSON collection, byte for byte. */
class RenderedFeaturesUnitTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static byte[] feature(int id, String name) {
        String geometry = "{\"type\":\"Point\",\"coordinates\":[46.9,39.6]}";
        return JSON.writeValueAsBytes(Map.of(
                "type",
                "Feature",
                "id",
                String.valueOf(id),
                "geometry",
                JSON.readTree(geometry),
                "properties",
                Map.of("name", name)));
    }

    private static JsonNode collection(RenderedLayers.FeatureWriter out, int features) throws Exception {
        var written = new ByteArrayOutputStream();
        new FeatureLayer.RenderedPage(out.chunks(), features, features)
                .writeCollection(Map.of("type", "FeatureCollection"), JSON, written);
        return JSON.readTree(written.toByteArray());
    }

    @Test
    void featuresInOtherScriptsAndWithEscapesReadBackTheSame() throws Exception {
        var out = new RenderedLayers.FeatureWriter();
        out.feature(feature(7, "Road \"M-2\" \\ near Ağdam\nline two"));
        out.feature(feature(8, "Շուշի"));
        JsonNode collection = collection(out, 2);
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features").size()).isEqualTo(2);
        assertThat(collection.get("features").get(0).at("/properties/name").asString())
                .isEqualTo("Road \"M-2\" \\ near Ağdam\nline two");
        assertThat(collection.get("features").get(1).at("/properties/name").asString())
                .isEqualTo("Շուշի");
        assertThat(collection
                        .get("features")
                        .get(1)
                        .at("/geometry/coordinates/0")
                        .asDouble())
                .isEqualTo(46.9);
    }

    /** A page of many features spans many chunks; features that cross a chunk's end arrive whole. */
    @Test
    void aLargePageReadsBackWholeAcrossChunks() throws Exception {
        var out = new RenderedLayers.FeatureWriter();
        String longName = "Road ".repeat(5000);
        for (int i = 0; i < 3000; i++) {
            out.feature(feature(i, i % 100 == 0 ? longName : "Road " + i));
        }
        assertThat(out.chunks().size()).isGreaterThan(3);
        JsonNode features = collection(out, 3000).get("features");
        assertThat(features.size()).isEqualTo(3000);
        assertThat(features.get(2999).get("id").asString()).isEqualTo("2999");
        assertThat(features.get(2900).at("/properties/name").asString()).isEqualTo(longName);
        assertThat(features.get(2999).at("/properties/name").asString()).isEqualTo("Road 2999");
    }

    @Test
    void aRowWithoutItsFeatureIsAnError() {
        var out = new RenderedLayers.FeatureWriter();
        assertThatThrownBy(() -> out.feature(null)).isInstanceOf(IllegalStateException.class);
        assertThat(new String(out.chunks().get(0), StandardCharsets.UTF_8)).isEmpty();
    }
}
