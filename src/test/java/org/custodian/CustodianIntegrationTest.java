package org.custodian;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, with the demo scenario, on the database {@link TestDatabase}
 * chooses (H2GIS, or PostGIS when asked). Tests sharing this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "custodian.admin.password=" + Api.ADMIN_PASSWORD,
            "custodian.demo.enabled=true",
            "custodian.demo.password=" + Api.DEMO_PASSWORD,
            // bcrypt's least cost: the suite sends thousands of HTTP Basic requests, each checking a password.
            "custodian.security.password-hash-cost=4",
            // Test contexts close at JVM exit; waiting for idle keep-alive connections only delays it.
            "server.shutdown=immediate"
        })
@ContextConfiguration(initializers = TestDatabase.class)
public @interface CustodianIntegrationTest {}
