package org.custodian.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Features written from database rows read back as the same GeoJSON, whatever their text holds. */
class RenderedFeaturesUnitTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void textWithQuotesBackslashesControlsAndOtherScriptsReadsBackTheSame() throws Exception {
        var out = new RenderedLayers.FeatureWriter();
        byte[] point = "{\"type\":\"Point\",\"coordinates\":[46.9,39.6]}".getBytes(StandardCharsets.UTF_8);
        out.next();
        out.begin("7", point)
                .property("name", "Road \"M-2\" \\ near Ağdam\nline two")
                .property("reference", "Ağdam \"A\"".getBytes(StandardCharsets.UTF_8))
                .property("area_m2", 1200L)
                .property("released", null)
                .property("verified", true);
        out.end();
        out.next();
        out.begin("8", point)
                .property("title", "Շուշի")
                .property("reference", "KHJ-1".getBytes(StandardCharsets.UTF_8));
        out.end();
        out.next();
        out.whole(("{\"type\":\"Feature\",\"id\":\"9\",\"geometry\":" + new String(point, StandardCharsets.UTF_8)
                        + ",\"properties\":{\"name\":\"Kept whole\"}}")
                .getBytes(StandardCharsets.UTF_8));
        out.end();

        var page = new FeatureLayer.RenderedPage(out.chunks(), 3, 3);
        var written = new java.io.ByteArrayOutputStream();
        page.writeCollection(Map.of("type", "FeatureCollection"), JSON, written);
        JsonNode collection = JSON.readTree(written.toByteArray());
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode first = collection.get("features").get(0);
        assertThat(first.get("id").asString()).isEqualTo("7");
        assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(46.9);
        JsonNode p = first.get("properties");
        assertThat(p.get("name").asString()).isEqualTo("Road \"M-2\" \\ near Ağdam\nline two");
        assertThat(p.get("reference").asString()).isEqualTo("Ağdam \"A\"");
        assertThat(p.get("area_m2").asLong()).isEqualTo(1200L);
        assertThat(p.get("released").isNull()).isTrue();
        assertThat(p.get("verified").asBoolean()).isTrue();
        JsonNode second = collection.get("features").get(1).get("properties");
        // Another name where the first feature had "name": the writer's names follow each row.
        assertThat(second.get("title").asString()).isEqualTo("Շուշի");
        assertThat(second.has("name")).isFalse();
        assertThat(second.size()).isEqualTo(2);
        // A feature the database kept whole sits among those written property by property.
        assertThat(collection.get("features").size()).isEqualTo(3);
        assertThat(collection.get("features").get(2).at("/properties/name").asString())
                .isEqualTo("Kept whole");
    }

    /** A page of many features spans many chunks; pieces that cross a chunk's end arrive whole. */
    @Test
    void aLargePageReadsBackWholeAcrossChunks() throws Exception {
        var out = new RenderedLayers.FeatureWriter();
        byte[] point = "{\"type\":\"Point\",\"coordinates\":[46.9,39.6]}".getBytes(StandardCharsets.UTF_8);
        String longName = "Road ".repeat(5000);
        for (int i = 0; i < 3000; i++) {
            out.next();
            out.begin(String.valueOf(i), point).property("name", i % 100 == 0 ? longName : "Road " + i);
            out.end();
        }
        assertThat(out.chunks().size()).isGreaterThan(3);
        var written = new java.io.ByteArrayOutputStream();
        new FeatureLayer.RenderedPage(out.chunks(), 3000, 3000).writeCollection(Map.of(), JSON, written);
        JsonNode features = JSON.readTree(written.toByteArray()).get("features");
        assertThat(features.size()).isEqualTo(3000);
        assertThat(features.get(2999).get("id").asString()).isEqualTo("2999");
        assertThat(features.get(2900).at("/properties/name").asString()).isEqualTo(longName);
        assertThat(features.get(2999).at("/properties/name").asString()).isEqualTo("Road 2999");
    }

    @Test
    void aRowThatWritesNoFeatureOrTwoIsAnError() {
        var out = new RenderedLayers.FeatureWriter();
        out.next();
        assertThatThrownBy(out::end).isInstanceOf(IllegalStateException.class);
        out.next();
        out.whole("{}".getBytes(StandardCharsets.UTF_8));
        out.begin("1", "{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(out::end).isInstanceOf(IllegalStateException.class);
    }
}
