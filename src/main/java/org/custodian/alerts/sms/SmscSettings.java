package org.custodian.alerts.sms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMSC the alerts are sent to over SMPP 3.4 ({@code custodian.alerts.smsc.*}). Without a host, messages wait
 * in the outbox.
 *
 * @param host the SMSC's host; blank means none is configured
 * @param port its SMPP port
 * @param systemId the account at the SMSC
 * @param password its password
 * @param systemType the system type the SMSC expects, often blank
 * @param sourceAddress the sender shown on phones (alphanumeric, at most 11 characters)
 * @param window how many submits may wait for their answer at once
 * @param rate submits a second at most; 0 for no limit
 * @param responseTimeout how long a submit waits for its answer before it is taken as unconfirmed
 * @param maxAttempts attempts before a message refused for a passing reason is given up as FAILED
 * @param abandonedAfter how long a message may stay SENDING before it is taken as left by a stopped instance
 * @param resendUnconfirmedAfter how long a message in doubt waits for a receipt before it is sent again (10
 *     minutes by default: a warning lost weighs more than one received twice); zero never sends it again
 */
@ConfigurationProperties("custodian.alerts.smsc")
record SmscSettings(
        String host,
        int port,
        String systemId,
        String password,
        String systemType,
        String sourceAddress,
        int window,
        int rate,
        Duration responseTimeout,
        int maxAttempts,
        Duration abandonedAfter,
        Duration resendUnconfirmedAfter) {

    SmscSettings {
        host = host == null ? "" : host.strip();
        port = port == 0 ? 2775 : port;
        systemId = systemId == null ? "" : systemId;
        password = password == null ? "" : password;
        systemType = systemType == null ? "" : systemType;
        sourceAddress = sourceAddress == null || sourceAddress.isBlank() ? "CUSTODIAN" : sourceAddress;
        window = window <= 0 ? 10 : window;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        abandonedAfter = abandonedAfter == null ? Duration.ofMinutes(2) : abandonedAfter;
        resendUnconfirmedAfter = resendUnconfirmedAfter == null ? Duration.ofMinutes(10) : resendUnconfirmedAfter;
    }

    boolean configured() {
        return !host.isEmpty();
    }
}
