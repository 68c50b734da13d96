package org.custodian.platform.integrity;

import java.io.Serializable;
import java.util.List;
import org.custodian.platform.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit trail page's checkpoint button, for administrators as the API's is: signs a checkpoint of every
 * hash chain now, then shows the audit page with what became of each chain.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class IntegrityPageController {

    private final Checkpointing checkpointing;
    private final Callers callers;

    IntegrityPageController(Checkpointing checkpointing, Callers callers) {
        this.checkpointing = checkpointing;
        this.callers = callers;
    }

    /**
     * What became of one chain, as the page says it: a new checkpoint (taken), the last one still current, or
     * why none was signed (the chain no longer leads to its last checkpoint: an alarm, not a refusal).
     */
    record Outcome(
            String chain,
            long number,
            boolean taken,
            @Nullable String problem) implements Serializable {}

    @PostMapping("/audit/checkpoints")
    String take(RedirectAttributes redirect) {
        List<Outcome> outcomes = checkpointing.takeAll(callers.current().username()).stream()
                .map(o -> new Outcome(
                        o.chain(), o.checkpoint() == null ? 0 : o.checkpoint().number(), o.taken(), o.refused()))
                .toList();
        redirect.addFlashAttribute("checkpointOutcomes", new java.util.ArrayList<>(outcomes));
        return "redirect:/audit#checkpoints";
    }
}
