package org.custodian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Once the application is ready (after the first administrator and the demo, which are application runners),
 * one line of the log says which address to open.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadyAnnouncementUnitTests {

    interface WebContext extends WebServerApplicationContext, ConfigurableApplicationContext {}

    @Test
    void saysWhereToOpenTheApplicationOnceReady(CapturedOutput output) {
        WebContext context = mock(WebContext.class);
        WebServer server = mock(WebServer.class);
        when(context.getWebServer()).thenReturn(server);
        when(server.getPort()).thenReturn(18080);

        new ReadyAnnouncement()
                .on(new ApplicationReadyEvent(
                        new SpringApplication(), new String[0], context, java.time.Duration.ZERO));

        assertThat(output.getOut()).containsOnlyOnce("Custodian is ready: open http://localhost:18080/");
    }
}
