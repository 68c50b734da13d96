package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@CustodianIntegrationTest
class ReadinessIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void healthSaysUpOnlyWhileTheApplicationAcceptsTraffic() {
        Api anonymous = Api.at(port);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        // Until the start-up work (first administrator, demo scenario) is done the state is REFUSING_TRAFFIC.
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            Api.Response starting = anonymous.get("/actuator/health");
            assertThat(starting.status()).isEqualTo(503);
            assertThat(starting.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
