package org.custodian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Custodian: operations platform of a temporary civil administration, one module per capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustodianApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustodianApplication.class, args);
    }
}
