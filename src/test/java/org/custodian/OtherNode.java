package org.custodian;

import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another node of the application, started beside a test's own as a real node would be: on a free port, its
 * settings given as command-line arguments. Arguments outrank {@code application.properties}; default
 * properties do not, and a node given its database that way silently opens the embedded one instead.
 */
public final class OtherNode {

    private OtherNode() {}

    /** Starts a node with these settings, each {@code name=value}. */
    public static ConfigurableApplicationContext start(String... settings) {
        return new SpringApplicationBuilder(CustodianApplication.class)
                .run(Stream.concat(Stream.of("server.port=0", "server.shutdown=immediate"), Stream.of(settings))
                        .map(s -> "--" + s)
                        .toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
