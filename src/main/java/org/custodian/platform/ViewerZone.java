package org.custodian.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The time zone in which a person reads times that belong to no region (their tokens, their sign-ins): the
 * zone of the regions they work in. Kept by the module that knows the regions (territory), since platform lies
 * below it; UTC when no such module is present.
 */
public interface ViewerZone {

    DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    /** The zone shared by the regions of this scope (all regions for an administrator); UTC when they differ. */
    ZoneId of(Scope scope);

    /** "2026-01-01 14:00 +04:00": the moment's wall-clock time in that zone, with its offset; empty for none. */
    static String minute(@Nullable Instant at, ZoneId zone) {
        return at == null ? "" : MINUTE.format(at.atZone(zone));
    }

    /** "2026-01-01 14:00 +04:00 Asia/Baku", or "2026-01-01 10:00 UTC": a moment with its zone named. */
    static String named(Instant at, ZoneId zone) {
        return isUtc(zone)
                ? DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(at.atZone(ZoneOffset.UTC))
                : minute(at, zone) + " " + zone.getId();
    }

    private static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    /** The zone as a person reads it: "Asia/Baku (+04:00)", or "UTC". */
    static String name(ZoneId zone, Instant at) {
        ZoneOffset offset = zone.getRules().getOffset(at);
        return isUtc(zone) ? "UTC" : zone.getId() + " (" + offset.getId() + ")";
    }
}
