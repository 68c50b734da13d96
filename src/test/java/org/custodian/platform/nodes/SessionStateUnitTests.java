package org.custodian.platform.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.Role;
import org.custodian.platform.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.modulith.events.EventPublication;

/**
 * What a session holds is written to the shared session store, so it must serialise: the signed-in scope, and
 * every form a page hands back with its refusal. A new form with a component that does not serialise fails
 * here, not on the first refused form in production.
 */
class SessionStateUnitTests {

    @Test
    void theSignedInScopeSerialises() throws IOException {
        assertThat(serialised(new Scope("officer", Role.OFFICER, false, Set.of("AGD", "KHJ"), 7L)))
                .isNotEmpty();
    }

    @Test
    void everyFormGivenBackWithARefusalSerialisesWhole() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<String> wrong = new ArrayList<>();
        int forms = 0;
        for (var candidate : scan.findCandidateComponents("org.custodian")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.getSimpleName().endsWith("Form")) {
                continue;
            }
            forms++;
            if (!Serializable.class.isAssignableFrom(type)) {
                wrong.add(type.getName() + " is not Serializable");
                continue;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (!serialisable(c.getGenericType())) {
                    wrong.add(type.getName() + "." + c.getName() + " (" + c.getGenericType() + ")");
                }
            }
        }
        assertThat(forms).as("forms found").isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    @Test
    void onlyPublicationsLeftUnfinishedForLongEnoughAreResubmitted() {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        Instant before = now.minus(Duration.ofMinutes(5));
        assertThat(UnfinishedEvents.isStale(publication(now.minusSeconds(600), null, null), before))
                .isTrue();
        assertThat(UnfinishedEvents.isStale(publication(now.minusSeconds(60), null, null), before))
                .as("still being processed, maybe on another node")
                .isFalse();
        assertThat(UnfinishedEvents.isStale(publication(now.minusSeconds(600), now.minusSeconds(60), null), before))
                .as("resubmitted a minute ago")
                .isFalse();
        assertThat(UnfinishedEvents.isStale(publication(now.minusSeconds(600), null, now.minusSeconds(500)), before))
                .as("completed")
                .isFalse();
    }

    private static boolean serialisable(Type type) {
        if (type instanceof Class<?> c) {
            return c.isPrimitive() || c.isEnum() || Serializable.class.isAssignableFrom(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            boolean container = Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw);
            if (!container && !Serializable.class.isAssignableFrom(raw)) {
                return false;
            }
            for (Type argument : p.getActualTypeArguments()) {
                if (!serialisable(argument)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] serialised(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static EventPublication publication(Instant published, Instant resubmitted, Instant completed) {
        return new EventPublication() {
            @Override
            public UUID getIdentifier() {
                return UUID.randomUUID();
            }

            @Override
            public Object getEvent() {
                return "event";
            }

            @Override
            public Instant getPublicationDate() {
                return published;
            }

            @Override
            public Optional<Instant> getCompletionDate() {
                return Optional.ofNullable(completed);
            }

            @Override
            public Status getStatus() {
                return completed != null ? Status.COMPLETED : Status.PUBLISHED;
            }

            @Override
            public Instant getLastResubmissionDate() {
                return resubmitted;
            }

            @Override
            public int getCompletionAttempts() {
                return 1;
            }
        };
    }
}
