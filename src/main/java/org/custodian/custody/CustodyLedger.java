package org.custodian.custody;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The custody ledger: every change to an item is an event appended here, in the same transaction as the
 * change, chained by {@link LedgerChain}. The application only ever inserts; the database refuses updates
 * and deletes of events (a trigger), and {@link #verify()} finds what was changed behind its back.
 *
 * <p>Appending locks the ledger head, so concurrent custody writes extend one chain, in commit order.
 */
@Component
public class CustodyLedger {

    /** What happened to the item. */
    public enum Kind {
        REGISTERED,
        DISPATCHED,
        RECEIVED,
        HANDED_OVER,
        DESTROYED,
        RELEASED
    }

    /** The result of a verification: how many events held, and the first that did not, if any. */
    public record Verification(
            long events,
            boolean intact,
            @Nullable Long firstBrokenEvent,
            @Nullable String reason,
            String headHash,
            Duration took) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FETCH = 10_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    CustodyLedger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH);
    }

    /** Appends one event for the item; must run inside the transaction that makes the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    void append(long itemId, Kind kind, Map<String, ? extends @Nullable Object> payload) {
        String content = JSON.writeValueAsString(payload);
        String actor = actor();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> head =
                jdbc.queryForMap("select last_seq, last_hash from custody_ledger_head where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String previous = ((String) head.get("last_hash")).strip();
        String hash = LedgerChain.hash(previous, seq, itemId, at, actor, kind.name(), content);
        jdbc.update(
                "insert into custody_event (seq, item_id, at, actor, kind, payload, previous_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                seq,
                itemId,
                Timestamp.from(at),
                actor,
                kind.name(),
                content,
                previous,
                hash);
        jdbc.update("update custody_ledger_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
    }

    /**
     * Takes the ledger head's lock for the rest of the transaction. Writes that number new records call
     * this first, so that concurrent writers queue instead of racing for the same reference.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock() {
        jdbc.queryForMap("select last_seq from custody_ledger_head where id = 1 for update");
    }

    /** An item's events, oldest first. */
    @Transactional(readOnly = true)
    public List<LedgerChain.Link> history(long itemId) {
        return jdbc.query(
                "select seq, item_id, at, actor, kind, payload, previous_hash, hash from custody_event"
                        + " where item_id = ? order by seq",
                (rs, n) -> link(rs),
                itemId);
    }

    /** Recomputes the whole chain from the first event and reports the first broken link. */
    @Transactional(readOnly = true)
    public Verification verify() {
        long started = System.nanoTime();
        LedgerChain.Walker walker = new LedgerChain.Walker();
        LedgerChain.Broken[] broken = {null};
        streaming.query(
                "select seq, item_id, at, actor, kind, payload, previous_hash, hash from custody_event order by seq",
                (RowCallbackHandler) rs -> {
                    if (broken[0] == null) {
                        broken[0] = walker.next(link(rs));
                    }
                });
        if (broken[0] == null) {
            Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from custody_ledger_head");
            long lastSeq = ((Number) head.get("last_seq")).longValue();
            if (lastSeq != walker.checked() || !walker.head().equals(((String) head.get("last_hash")).strip())) {
                broken[0] = new LedgerChain.Broken(
                        walker.checked() + 1,
                        "the ledger head records " + lastSeq + " events but " + walker.checked()
                                + " are stored: events after " + walker.checked() + " were removed");
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LedgerChain.Broken b = broken[0];
        return new Verification(
                walker.checked(),
                b == null,
                b == null ? null : b.seq(),
                b == null ? null : b.reason(),
                walker.head(),
                took);
    }

    private static LedgerChain.Link link(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LedgerChain.Link(
                rs.getLong(1),
                rs.getLong(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8));
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated()
                ? "system"
                : auth.getName().replace('\n', ' ');
    }
}
