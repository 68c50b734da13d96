package org.custodian.geo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Applies {@code custodian.geo.max-vertices} to {@link GeometryRules} when the application starts. */
@Component
class VertexLimit {

    VertexLimit(@Value("${custodian.geo.max-vertices:" + GeometryRules.DEFAULT_MAX_VERTICES + "}") int maxVertices) {
        GeometryRules.limitVertices(maxVertices);
    }
}
