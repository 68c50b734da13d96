package org.custodian.territory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.custodian.geo.RegionRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Shows a moment as people of a region read it: in the region's own time zone, with its offset, and only to
 * the precision that is known, so a day-only report never shows an invented clock time. Pages reach it as
 * {@code @regionTimes}. Thread-safe; a region's zone is remembered for a minute, so a list of many records
 * asks for it once and a corrected zone shows soon after.
 */
@Component("regionTimes")
public class RegionTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Territory territory;
    private final Cache<String, ZoneId> zones = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    RegionTimes(Territory territory) {
        this.territory = territory;
    }

    /** An import may bring the region itself: a code remembered as no region's (UTC) is asked again. */
    @TransactionalEventListener
    void on(RegionRecords.Imported imported) {
        if (imported.wrote("territory_region")) {
            zones.invalidate(imported.regionCode());
        }
    }

    /**
     * The moment a report gives: the day and, when known, the wall-clock time in the region's zone. With the
     * time unknown it is noon of that day, which keeps the same day in every neighbouring zone; records keep
     * a flag saying so, and pages then show the day alone ({@link #known}).
     */
    public static Instant moment(LocalDate day, @Nullable LocalTime time, ZoneId zone) {
        return day.atTime(time == null ? LocalTime.NOON : time).atZone(zone).toInstant();
    }

    /** The region's time zone; UTC for a code no region has. */
    public ZoneId zone(String regionCode) {
        return zones.get(regionCode, code -> {
            try {
                return territory.region(code).zone();
            } catch (RuntimeException unknown) {
                return ZoneId.of("UTC");
            }
        });
    }

    /** "2023-09-19 14:30 +04:00": the region's wall-clock time and its offset; empty for no time. */
    public String minute(@Nullable Instant at, String regionCode) {
        return at == null ? "" : MINUTE.format(at.atZone(zone(regionCode)));
    }

    /** "2023-09-19": the day in the region. */
    public String day(@Nullable Instant at, String regionCode) {
        return at == null ? "" : DAY.format(at.atZone(zone(regionCode)));
    }

    /** The minute when the time of day is known, else only the day. */
    public String known(@Nullable Instant at, String regionCode, boolean timeOfDayKnown) {
        return timeOfDayKnown ? minute(at, regionCode) : day(at, regionCode);
    }
}
