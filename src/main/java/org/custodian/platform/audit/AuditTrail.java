package org.custodian.platform.audit;

import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audits every write to a Custodian entity, whichever module makes it: Hibernate reports each insert,
 * update and delete, and just before the transaction commits the entries are written on the same connection,
 * so a write and its audit entries commit or roll back together. They are written unlinked; {@link AuditSeal}
 * links them into the hash chain once they have committed, so that writers never wait for one another at
 * commit time for the chain's sake.
 */
@Component
class AuditTrail implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private static final String AUDITED_PACKAGE = "org.custodian.";

    private final EntityManagerFactory entityManagerFactory;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Entries not yet written, per session; a session is confined to one thread. */
    private final Map<SharedSessionContractImplementor, List<Pending>> pending =
            java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    private record Pending(
            String action,
            String recordType,
            String recordId,
            @Nullable String before,
            @Nullable String after) {}

    /** Sessions whose transaction wrote entries that the seal is to link once it commits. */
    private final java.util.Set<SharedSessionContractImplementor> written =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new IdentityHashMap<>()));

    private final AuditSeal seal;

    AuditTrail(EntityManagerFactory entityManagerFactory, AuditSeal seal) {
        this.entityManagerFactory = entityManagerFactory;
        this.seal = seal;
    }

    @PostConstruct
    void register() {
        EventListenerRegistry registry = entityManagerFactory
                .unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        record(event.getSession(), "create", event.getPersister(), event.getId(), null, event.getState());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        record(
                event.getSession(),
                "update",
                event.getPersister(),
                event.getId(),
                event.getOldState(),
                event.getState());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        record(event.getSession(), "delete", event.getPersister(), event.getId(), event.getDeletedState(), null);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void record(
            SharedSessionContractImplementor session,
            String action,
            EntityPersister persister,
            Object id,
            Object @Nullable [] before,
            Object @Nullable [] after) {
        String type = persister.getEntityName();
        if (!type.startsWith(AUDITED_PACKAGE)) {
            return;
        }
        String[] names = persister.getPropertyNames();
        Pending entry = new Pending(
                action,
                type.substring(type.lastIndexOf('.') + 1),
                String.valueOf(id),
                state(session, names, before, true),
                state(session, names, after, false));
        List<Pending> list = pending.get(session);
        if (list == null) {
            list = new ArrayList<>();
            pending.put(session, list);
            seal.writeBegan();
            session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) this::append);
            // On rollback nothing is appended; forget the entries either way.
            session.getTransactionCompletionCallbacks().registerCallback((AfterCompletionCallback) (success, s) -> {
                pending.remove(s);
                seal.writeEnded(written.remove(s) && success);
            });
        }
        list.add(entry);
    }

    private void append(SharedSessionContractImplementor session) {
        List<Pending> entries = pending.remove(session);
        if (entries == null || entries.isEmpty()) {
            return;
        }
        String actor = actor();
        // Microseconds: what both databases keep, so the hash recomputes from the stored row.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        session.doWork(connection -> write(connection, actor, at, entries));
        written.add(session);
    }

    /** The entries, unlinked, in the write's own transaction: the seal links them once they commit. */
    private static void write(Connection connection, String actor, Instant at, List<Pending> entries)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into platform_audit_pending (at, actor, action, record_type, record_id, before_state,"
                        + " after_state) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending e : entries) {
                insert.setTimestamp(1, Timestamp.from(at));
                insert.setString(2, actor);
                insert.setString(3, e.action());
                insert.setString(4, e.recordType());
                insert.setString(5, e.recordId());
                insert.setString(6, e.before());
                insert.setString(7, e.after());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private @Nullable String state(
            SharedSessionContractImplementor session, String[] names, Object @Nullable [] values, boolean before) {
        if (values == null) {
            return null;
        }
        Map<String, @Nullable Object> state = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            Object value = values[i];
            // An updated entity's old state holds the live collection; its snapshot is what was loaded.
            if (before && value instanceof PersistentCollection<?> c && c.wasInitialized()) {
                value = c.getStoredSnapshot() instanceof Map<?, ?> m ? m.values() : c.getStoredSnapshot();
            }
            // Secrets (password and token hashes) never enter the trail; AuditSecrets holds the rule.
            state.put(names[i], AuditSecrets.isSecret(names[i]) ? AuditSecrets.REDACTED : plain(session, value));
        }
        return json.writeValueAsString(state);
    }

    /**
     * A JSON-friendly form of an attribute value: geometries as WKT, references to other entities as their
     * id, collections only when loaded.
     */
    private static @Nullable Object plain(SharedSessionContractImplementor session, @Nullable Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Geometry g) {
            return g.toText();
        }
        if (value instanceof PersistentCollection<?> c && !c.wasInitialized()) {
            return "(not loaded)";
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(v -> plain(session, v)).toList();
        }
        if (value.getClass().isAnnotationPresent(jakarta.persistence.Entity.class)) {
            Object id = session.getContextEntityIdentifier(value);
            return id == null ? value.getClass().getSimpleName() : id;
        }
        if (value instanceof byte[] bytes) {
            return "(" + bytes.length + " bytes)";
        }
        return value.toString();
    }

    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
