package org.custodian.cop;

import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The region export and import forms of the administrators' backups page. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RegionTransferPageController {

    private final RegionTransfer transfer;
    private final Callers callers;

    RegionTransferPageController(RegionTransfer transfer, Callers callers) {
        this.transfer = transfer;
        this.callers = callers;
    }

    @GetMapping("/backups/region-export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String region) {
        // Optional here so that a caller who is no administrator is refused first, whatever they sent.
        if (region == null || region.isBlank()) {
            throw new org.custodian.platform.RuleViolated("region", Refusals.GIVE_REGION_CODE);
        }
        return RegionTransferController.download(
                transfer, callers, region.strip().toUpperCase(java.util.Locale.ROOT));
    }

    @PostMapping("/backups/region-import")
    String importFile(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
        RegionTransfer.Imported[] done = new RegionTransfer.Imported[1];
        String page = PageForms.attempt(
                "/backups", redirect, () -> done[0] = RegionTransferController.importUpload(transfer, callers, file));
        if (done[0] != null) {
            redirect.addFlashAttribute("regionImported", done[0].region());
            redirect.addFlashAttribute("regionRecords", done[0].total());
        }
        return page;
    }
}
