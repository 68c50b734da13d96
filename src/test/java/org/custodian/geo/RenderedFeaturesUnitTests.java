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
    void textWithQuotesBackslashesControlsAndOtherScriptsReadsBackTheSame() {
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
        out.begin("8", point).property("name", "Շուշի").property("reference", "KHJ-1".getBytes(StandardCharsets.UTF_8));
        out.end();

        var page = new FeatureLayer.RenderedPage(out.bytes(), 2, 2);
        JsonNode collection = JSON.readTree(page.featureCollection(Map.of("type", "FeatureCollection"), JSON));
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
        assertThat(second.get("name").asString()).isEqualTo("Շուշի");
        assertThat(second.size()).isEqualTo(2);
    }

    @Test
    void aRowThatWritesNoFeatureIsAnError() {
        var out = new RenderedLayers.FeatureWriter();
        out.next();
        assertThatThrownBy(out::end).isInstanceOf(IllegalStateException.class);
    }
}
