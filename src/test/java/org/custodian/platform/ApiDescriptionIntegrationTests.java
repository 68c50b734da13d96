package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CustodianIntegrationTest
class ApiDescriptionIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void describesBothWaysToAuthenticateAndEveryAnswerWithProblemDetailsForRefusals() {
        JsonNode doc = Api.at(port).asAdmin().get("/v3/api-docs").json();
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertThat(schemes.at("/basic/scheme").asString()).isEqualTo("basic");
        assertThat(schemes.at("/token/scheme").asString()).isEqualTo("bearer");

        JsonNode record = doc.at("/paths/~1api~1incidents/post/responses");
        assertThat(record.has("201")).as("a created incident answers 201").isTrue();
        assertThat(record.has("200")).isFalse();
        assertThat(record.at("/422/content").has("application/problem+json")).isTrue();
        assertThat(doc.at("/paths/~1api~1tokens~1{id}/delete/responses").has("204"))
                .isTrue();

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                // Written for a person, on the controller (@Operation), never made up from a method's name.
                if (op.getValue().path("summary").asString("").isBlank()) {
                    problems.add(where + " has no summary");
                }
                if (op.getValue().path("description").asString("").length() < 40) {
                    problems.add(where + " has no description");
                }
                for (Map.Entry<String, JsonNode> answer :
                        op.getValue().get("responses").properties()) {
                    if (answer.getValue().path("content").has("*/*")) {
                        problems.add(where + " answers " + answer.getKey() + " as any type");
                    }
                    if (answer.getKey().startsWith("4")
                            && !answer.getValue().path("content").has("application/problem+json")) {
                        problems.add(where + " " + answer.getKey() + " is not problem details");
                    }
                }
                if (!op.getValue().get("responses").has("401")) {
                    problems.add(where + " does not say it may answer 401");
                }
            }
        }
        assertThat(problems).isEmpty();
        JsonNode verify = doc.at("/paths/~1api~1incidents~1{id}~1reviews/post");
        assertThat(verify.get("summary").asString()).isEqualTo("Verify or dispute an incident");
        assertThat(verify.get("description").asString()).contains("directors", "403");
    }

    @Test
    void theBrowsableApiPageIsServedToThoseSignedIn() {
        Api.Response page = Api.at(port).asAdmin().get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(Api.at(port).get("/swagger-ui/index.html").status()).isIn(302, 401);
    }
}
