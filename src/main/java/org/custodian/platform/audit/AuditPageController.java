package org.custodian.platform.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.platform.Checkpoints;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail page, for administrators as its API is: entries newest first, filtered and paged, each
 * with the fields it changed; and, on request, the verification of the chain.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    /** Entries on one page: enough to scan, few enough that each shows its changes in full. */
    static final int PAGE_SIZE = 50;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Checkpoints listed on the page: the last turn of each chain and a few before. */
    static final int CHECKPOINTS_SHOWN = 8;

    private final AuditLog log;
    private final Checkpoints checkpoints;

    AuditPageController(AuditLog log, Checkpoints checkpoints) {
        this.log = log;
        this.checkpoints = checkpoints;
    }

    /** One field an entry changed: its value before and after (null when the record did not exist). */
    record Change(
            String field, @Nullable String before, @Nullable String after) {}

    /** An entry as the page shows it. */
    record Row(AuditEntry entry, List<Change> changes) {}

    @GetMapping("/audit")
    String audit(
            @RequestParam(required = false) @Nullable String recordType,
            @RequestParam(required = false) @Nullable String recordId,
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "false") boolean verify,
            Model model) {
        int shown = Math.max(page, 1);
        AuditLog.Filter filter = new AuditLog.Filter(given(recordType), given(recordId), given(user), from, to);
        List<AuditEntry> entries = log.search(filter, (long) (shown - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute(
                "rows",
                entries.stream()
                        .limit(PAGE_SIZE)
                        .map(e -> new Row(e, changes(e.before(), e.after())))
                        .toList());
        model.addAttribute("filter", filter);
        model.addAttribute("recordTypes", log.recordTypes());
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        model.addAttribute("checkpoints", checkpoints.latest(CHECKPOINTS_SHOWN));
        if (verify) {
            model.addAttribute("verification", log.verify());
        }
        return "audit/list";
    }

    private static @Nullable String given(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The fields whose values differ between the two states (JSON objects of field to value): every field of
     * a record created or deleted, only those changed otherwise.
     */
    static List<Change> changes(@Nullable String before, @Nullable String after) {
        JsonNode old = parse(before);
        JsonNode now = parse(after);
        Set<String> fields = new LinkedHashSet<>();
        old.propertyNames().forEach(fields::add);
        now.propertyNames().forEach(fields::add);
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String was = text(old.get(field));
            String is = text(now.get(field));
            if (!java.util.Objects.equals(was, is)) {
                changes.add(new Change(field, was, is));
            }
        }
        return changes;
    }

    private static JsonNode parse(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(state);
            return node.isObject() ? node : JSON.valueToTree(Map.of("state", state));
        } catch (JacksonException e) {
            // A state that is not JSON is shown as it was stored.
            return JSON.valueToTree(Map.of("state", state));
        }
    }

    private static @Nullable String text(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}
