package org.custodian.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerChainUnitTests {

    private static List<LedgerChain.Link> chain(int n) {
        List<LedgerChain.Link> links = new ArrayList<>();
        String previous = LedgerChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            Instant at = Instant.parse("2023-09-21T08:00:00Z").plusSeconds(seq);
            String payload = "{\"n\":" + seq + "}";
            String hash = LedgerChain.hash(previous, seq, 10 + seq % 3, at, "officer", "REGISTERED", payload);
            links.add(new LedgerChain.Link(seq, 10 + seq % 3, at, "officer", "REGISTERED", payload, previous, hash));
            previous = hash;
        }
        return links;
    }

    private static LedgerChain.@org.jspecify.annotations.Nullable Broken walk(List<LedgerChain.Link> links) {
        LedgerChain.Walker walker = new LedgerChain.Walker();
        for (LedgerChain.Link link : links) {
            LedgerChain.Broken broken = walker.next(link);
            if (broken != null) {
                return broken;
            }
        }
        return null;
    }

    @Test
    void anUntouchedChainHolds() {
        assertThat(walk(chain(50))).isNull();
    }

    @Test
    void namesAnAlteredEvent() {
        List<LedgerChain.Link> links = chain(20);
        LedgerChain.Link l = links.get(6);
        links.set(
                6,
                new LedgerChain.Link(
                        l.seq(), l.itemId(), l.at(), l.actor(), l.kind(), "{\"n\":99}", l.previousHash(), l.hash()));
        assertThat(walk(links)).isEqualTo(new LedgerChain.Broken(7, "event 7 was altered after it was written"));
    }

    @Test
    void namesAnAlteredTimeOrActorOrItem() {
        List<LedgerChain.Link> links = chain(5);
        LedgerChain.Link l = links.get(2);
        links.set(
                2,
                new LedgerChain.Link(
                        l.seq(), l.itemId() + 1, l.at(), l.actor(), l.kind(), l.payload(), l.previousHash(), l.hash()));
        assertThat(walk(links).seq()).isEqualTo(3);
    }

    @Test
    void namesARemovedEvent() {
        List<LedgerChain.Link> links = chain(10);
        links.remove(3);
        assertThat(walk(links).reason()).isEqualTo("event 4 is missing (the next stored is 5)");
    }

    @Test
    void aRewrittenTailStillBreaksAtTheLinkAfterIt() {
        List<LedgerChain.Link> links = chain(10);
        LedgerChain.Link l = links.get(4);
        String forged = LedgerChain.hash(l.previousHash(), l.seq(), l.itemId(), l.at(), l.actor(), l.kind(), "{}");
        links.set(
                4,
                new LedgerChain.Link(l.seq(), l.itemId(), l.at(), l.actor(), l.kind(), "{}", l.previousHash(), forged));
        assertThat(walk(links)).isEqualTo(new LedgerChain.Broken(6, "event 6 does not follow the event before it"));
    }
}
