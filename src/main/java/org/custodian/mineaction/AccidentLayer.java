package org.custodian.mineaction;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Mine accidents as a map layer, with the time window applied: accidents are few, filtered in memory. */
@Component
class AccidentLayer implements FeatureLayer {

    private final MineAction mineAction;
    private final Callers callers;

    AccidentLayer(MineAction mineAction, Callers callers) {
        this.mineAction = mineAction;
        this.callers = callers;
    }

    @Override
    public String id() {
        return "mine-accidents";
    }

    @Override
    public String title() {
        return "Mine accidents";
    }

    @Override
    public String geometryType() {
        return "Point";
    }

    @Override
    public String color() {
        return "#7a1f1a";
    }

    @Override
    public Page features(Query query) {
        List<Feature> matched = mineAction.accidents(callers.current(), null).stream()
                .filter(a -> query.bbox() == null
                        || query.bbox().intersects(a.location().getCoordinate()))
                .filter(a -> within(a.occurredAt(), query.from(), query.to()))
                .map(AccidentLayer::feature)
                .toList();
        return new Page(
                matched.stream().skip(query.offset()).limit(query.limit()).toList(), matched.size());
    }

    private static boolean within(Instant at, @Nullable Instant from, @Nullable Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }

    private static Feature feature(Accident a) {
        Map<String, @Nullable Object> p = new LinkedHashMap<>();
        p.put("name", a.description());
        p.put("occurred_at", a.occurredAt().toString());
        p.put("region_code", a.regionCode());
        p.put("device", a.device().name());
        p.put("activity", a.activity());
        p.put("killed", a.count(Victim.Outcome.KILLED));
        p.put("injured", a.count(Victim.Outcome.INJURED));
        p.put("road", a.road());
        return new Feature(String.valueOf(a.id()), a.location(), p);
    }
}
