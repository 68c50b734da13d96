package org.custodian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodian.CustodianIntegrationTest;
import org.custodian.TestDatabase;
import org.custodian.platform.Scope;
import org.custodian.territory.Territory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

class DemoScenarioIntegrationTests {

    @Nested
    @CustodianIntegrationTest
    class WhenEnabled {

        @Autowired
        DemoScenario demo;

        @Autowired
        Territory territory;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void loadsOnceAndNotAgain() {
            Scope all = Scope.system("test");
            // Other tests of this context may add regions and administrations of their own: compare with before.
            assertThat(territory.regions().stream().map(r -> r.code()))
                    .contains("AGD", "FZL", "JBR", "GBD", "KHJ", "KHK", "KHV", "KLB", "LAC", "SHU", "ZNG");
            int regions = territory.regions().size();
            int administrations = territory.administrations(all, null).size();
            assertThat(administrations).isGreaterThanOrEqualTo(11);
            int settlements = territory.settlements(all, null).size();
            long sources = jdbc.queryForObject("select count(*) from platform_source", Long.class);
            demo.run(new DefaultApplicationArguments());
            assertThat(territory.regions()).hasSize(regions);
            assertThat(territory.settlements(all, null)).hasSize(settlements);
            assertThat(territory.administrations(all, null)).hasSize(administrations);
            assertThat(jdbc.queryForObject("select count(*) from platform_source", Long.class))
                    .isEqualTo(sources);
        }
    }

    @Nested
    @SpringBootTest(properties = {"custodian.demo.enabled=false", "custodian.admin.password=some-admin-password"})
    @ContextConfiguration(initializers = TestDatabase.class)
    class WhenDisabled {

        @Autowired
        Territory territory;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void leavesTheDatabaseEmptyButForTheAdministrator() {
            assertThat(territory.regions()).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from platform_source", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select username from platform_account", String.class))
                    .isEqualTo("admin");
        }
    }
}
