package org.custodian.platform.integrity;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.custodian.platform.Callers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkpoints of the hash chains, for administrators: take one now, download the file and its public key to
 * keep a copy elsewhere (a partner's copy is what shows a checkpoints file emptied or replaced).
 */
@RestController
@RequestMapping("/api/integrity")
@PreAuthorize("hasRole('ADMIN')")
class IntegrityController {

    private final Checkpointing checkpointing;
    private final CheckpointFile file;
    private final Callers callers;

    IntegrityController(Checkpointing checkpointing, CheckpointFile file, Callers callers) {
        this.checkpointing = checkpointing;
        this.file = file;
        this.callers = callers;
    }

    @Operation(
            summary = "Sign a checkpoint of every hash chain",
            description =
                    "Takes a signed checkpoint of the audit trail and the custody ledger now: the head of each chain, signed with the instance's key, so that a later rewrite of history can be detected; the checkpoint file also tells who asked for it. Administrators only; anyone else is refused with 403.")
    @PostMapping("/checkpoints")
    List<Checkpointing.Outcome> take() {
        return checkpointing.takeAll(callers.current().username());
    }

    @Operation(
            summary = "Download the signed checkpoints",
            description =
                    "Every checkpoint taken so far, as JSON lines, for keeping away from the database and for the command-line verifier. Administrators only; anyone else is refused with 403.")
    @GetMapping("/checkpoints")
    ResponseEntity<byte[]> checkpoints() {
        return download(file.contents(), CheckpointFile.FILE, "application/x-ndjson");
    }

    @Operation(
            summary = "Download the checkpoint public key",
            description =
                    "The PEM public key that verifies checkpoint signatures. Administrators only; anyone else is refused with 403.")
    @GetMapping("/checkpoint-key.pem")
    ResponseEntity<byte[]> publicKey() {
        return download(
                file.publicKeyPem().getBytes(StandardCharsets.US_ASCII),
                CheckpointFile.PUBLIC_KEY,
                "application/x-pem-file");
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(type))
                .body(body);
    }
}
