package org.custodian.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * An alert went out after its second person's approval: first issued ({@code Alert}), updated ({@code
 * Update}) or cancelled ({@code Cancel}), as CAP names the message types. Dispatch to subscribers follows it.
 *
 * @param alertId the alert's record
 * @param identifier the CAP identifier of this message
 * @param messageType Alert, Update or Cancel
 * @param regionCodes the regions whose administrations answer for it (scopes who may see its deliveries)
 * @param area where it applies (CRS84, simplified as published)
 * @param smsText the text to send by SMS, by language code (az, hy, ru, en)
 */
public record AlertReleased(
        long alertId,
        String identifier,
        String messageType,
        Set<String> regionCodes,
        Geometry area,
        Map<String, String> smsText,
        Instant effective,
        Instant expires) {}
