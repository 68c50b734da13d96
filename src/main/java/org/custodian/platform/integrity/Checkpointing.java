package org.custodian.platform.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.custodian.platform.Checkpoints;
import org.custodian.platform.HashChain;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes checkpoints of every {@link HashChain}: on a schedule ({@code custodian.integrity.checkpoint-interval})
 * and on demand. A chain is signed only when its links hold and it still leads to its last checkpoint, so a
 * chain rewritten behind the application's back is never signed over; a chain unchanged since its last
 * checkpoint is not signed again.
 */
@Component
class Checkpointing {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointing.class);

    private final List<HashChain> chains;
    private final CheckpointFile file;

    Checkpointing(List<HashChain> chains, CheckpointFile file) {
        this.chains = chains;
        this.file = file;
    }

    /** What became of one chain: a new checkpoint, the last one still current, or why none was signed. */
    record Outcome(
            String chain,
            Checkpoints.@Nullable Checkpoint checkpoint,
            boolean taken,
            @Nullable String refused) {}

    @Scheduled(
            initialDelayString = "${custodian.integrity.checkpoint-initial-delay:PT1M}",
            fixedDelayString = "${custodian.integrity.checkpoint-interval:PT1H}")
    // Nodes sharing a database share its chains: one of them signs each turn.
    @SchedulerLock(name = "integrity-checkpoints")
    public void scheduled() {
        for (Outcome o : takeAll(null)) {
            if (o.refused() != null) {
                LOG.error("No checkpoint of the {} chain: {}", o.chain(), o.refused());
            }
        }
    }

    /** Takes a checkpoint of every chain, asked for by {@code by} (null: on schedule). */
    synchronized List<Outcome> takeAll(@Nullable String by) {
        List<Outcome> outcomes = new ArrayList<>();
        for (HashChain chain : chains) {
            outcomes.add(take(chain, by));
        }
        return outcomes;
    }

    private Outcome take(HashChain chain, @Nullable String by) {
        Optional<HashChain.Head> head = chain.verifiedHead();
        if (head.isEmpty()) {
            return new Outcome(chain.name(), null, false, "its links do not hold; verify it");
        }
        Checkpoints.Finding finding = file.check(chain.name(), head.get().length(), chain::hashAt);
        if (!finding.holds()) {
            return new Outcome(chain.name(), finding.checkpoint(), false, finding.problem());
        }
        Checkpoints.Checkpoint last = finding.checkpoint();
        if (last != null
                && last.length() == head.get().length()
                && last.head().equals(head.get().hash())) {
            return new Outcome(chain.name(), last, false, null);
        }
        return new Outcome(chain.name(), file.append(chain.name(), head.get(), by), true, null);
    }
}
