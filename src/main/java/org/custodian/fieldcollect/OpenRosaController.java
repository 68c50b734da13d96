package org.custodian.fieldcollect;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodian.platform.Callers;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The OpenRosa 1.0 endpoints ODK Collect and KoboCollect use: form list, form download, manifest and
 * submission. The same paths answer under {@code /openrosa} (HTTP Basic) and under {@code
 * /openrosa/key/{key}} (a device key; the security chain resolves it to its account before this runs).
 */
@RestController
class OpenRosaController {

    private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final FieldForms forms;
    private final FieldCollection collection;
    private final DeviceKeyRing keys;
    private final Callers callers;

    OpenRosaController(FieldForms forms, FieldCollection collection, DeviceKeyRing keys, Callers callers) {
        this.forms = forms;
        this.collection = collection;
        this.keys = keys;
        this.callers = callers;
    }

    /** Where this device's OpenRosa paths start: with its key when it came with one. */
    private static String base(@Nullable String key) {
        String root = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/openrosa";
        return key == null ? root : root + "/key/" + key;
    }

    @Operation(
            summary = "OpenRosa form list",
            description =
                    "The OpenRosa 1.0 form list (text/xml, namespace http://openrosa.org/xforms/xformsList) that ODK Collect reads: each open form with formID, name in the Accept-Language, version, md5 hash, download and manifest URLs. Under /openrosa/key/{key} the URLs carry the device key. Anyone signed in may call it.")
    @GetMapping({"/openrosa/formList", "/openrosa/key/{key}/formList"})
    ResponseEntity<String> formList(
            @PathVariable(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable String formID,
            Locale locale) {
        callers.current();
        String base = base(key);
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xforms xmlns=\"http://openrosa.org/xforms/xformsList\">\n");
        for (FormDefinition f : forms.open()) {
            if (formID != null && !formID.equals(f.id())) {
                continue;
            }
            xml.append("  <xform>\n")
                    .append("    <formID>")
                    .append(esc(f.id()))
                    .append("</formID>\n")
                    .append("    <name>")
                    .append(esc(f.title(locale)))
                    .append("</name>\n")
                    .append("    <version>")
                    .append(esc(f.version()))
                    .append("</version>\n")
                    .append("    <hash>md5:")
                    .append(f.md5())
                    .append("</hash>\n")
                    .append("    <downloadUrl>")
                    .append(esc(base + "/forms/" + f.id() + ".xml"))
                    .append("</downloadUrl>\n")
                    .append("    <manifestUrl>")
                    .append(esc(base + "/forms/" + f.id() + "/manifest"))
                    .append("</manifestUrl>\n")
                    .append("  </xform>\n");
        }
        xml.append("</xforms>\n");
        return ResponseEntity.ok().contentType(XML).body(xml.toString());
    }

    @Operation(
            summary = "Download a blank XForm",
            description =
                    "The XForm file whose MD5 the form list gives. Anyone signed in may call it; an unknown or closed form answers 404.")
    @GetMapping({"/openrosa/forms/{formId}.xml", "/openrosa/key/{key}/forms/{formId}.xml"})
    ResponseEntity<byte[]> form(@PathVariable(required = false) @Nullable String key, @PathVariable String formId) {
        callers.current();
        FormDefinition form = forms.openForm(formId);
        return ResponseEntity.ok()
                .contentType(XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + form.id() + ".xml\"")
                .body(form.xml());
    }

    /** The form's media files; the forms here have none, so the manifest is empty but present. */
    @Operation(
            summary = "OpenRosa manifest of a form",
            description =
                    "The form's media files as an OpenRosa manifest (namespace http://openrosa.org/xforms/xformsManifest); the forms here have none, so it is empty. An unknown or closed form answers 404.")
    @GetMapping({"/openrosa/forms/{formId}/manifest", "/openrosa/key/{key}/forms/{formId}/manifest"})
    ResponseEntity<String> manifest(@PathVariable(required = false) @Nullable String key, @PathVariable String formId) {
        callers.current();
        forms.openForm(formId);
        return ResponseEntity.ok()
                .contentType(XML)
                .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<manifest xmlns=\"http://openrosa.org/xforms/xformsManifest\"/>\n");
    }

    /** Collect asks first, to settle authentication and learn the size limit: 204, never a body. */
    @Operation(
            summary = "Prepare an OpenRosa submission",
            description =
                    "What ODK Collect asks before it sends: 204 with X-OpenRosa-Accept-Content-Length (the largest submission accepted, in bytes) once authenticated, or 401 with a Basic challenge.")
    @RequestMapping(
            value = {"/openrosa/submission", "/openrosa/key/{key}/submission"},
            method = RequestMethod.HEAD)
    ResponseEntity<Void> ready(@PathVariable(required = false) @Nullable String key) {
        callers.current();
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Send an OpenRosa submission",
            description =
                    "A filled form as ODK Collect sends it: multipart/form-data with the xml_submission_file part and one part per file. Answers 201 with an OpenRosaResponse; the same XML again (a replay, or the next part of a large submission) answers 201 too. Another XML under a known instanceID, a closed form or an old version is 409, an unknown form 404, malformed XML, a DOCTYPE or a wrong answer 422, not multipart 400, a location outside the caller's regions 403, too large 413.")
    @RequestMapping(
            value = {"/openrosa/submission", "/openrosa/key/{key}/submission"},
            method = RequestMethod.POST)
    ResponseEntity<String> submit(@PathVariable(required = false) @Nullable String key, HttpServletRequest request) {
        Scope scope = callers.current();
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new InvalidParameter("xml_submission_file", Refusals.SEND_MULTIPART_WITH_XML_PART);
        }
        MultipartFile xmlPart = multipart.getFile("xml_submission_file");
        if (xmlPart == null) {
            throw new InvalidParameter("xml_submission_file", Refusals.XML_PART_MISSING);
        }
        long total = 0;
        List<FieldCollection.Upload> uploads = new ArrayList<>();
        try {
            byte[] xml = xmlPart.getBytes();
            total += xml.length;
            for (List<MultipartFile> parts : multipart.getMultiFileMap().values()) {
                for (MultipartFile part : parts) {
                    if (part.getName().equals("xml_submission_file")) {
                        continue;
                    }
                    total += part.getSize();
                    if (total > collection.maxBytes()) {
                        return tooLarge();
                    }
                    String name = part.getOriginalFilename() == null
                                    || part.getOriginalFilename().isBlank()
                            ? part.getName()
                            : part.getOriginalFilename();
                    uploads.add(new FieldCollection.Upload(
                            name, part.getContentType() == null ? "" : part.getContentType(), part.getBytes()));
                }
            }
            if (total > collection.maxBytes()) {
                return tooLarge();
            }
            Long deviceKeyId =
                    key == null ? null : keys.usable(key).map(DeviceKey::id).orElse(null);
            FieldCollection.Received received;
            try {
                received = collection.receive(scope, deviceKeyId, xml, uploads);
            } catch (DataIntegrityViolationException race) {
                // The same instanceID arrived twice at once: the second finds the first now.
                received = collection.receive(scope, deviceKeyId, xml, uploads);
            }
            String message = received.replay()
                    ? "Received already: submission " + received.submission().id()
                    : "Received: submission " + received.submission().id() + ", waiting for review";
            return ResponseEntity.status(HttpStatus.CREATED)
                    .contentType(XML)
                    .location(ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/api/submissions/{id}")
                            .buildAndExpand(received.submission().id())
                            .toUri())
                    .body("<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">"
                            + "<message nature=\"submit_success\">" + esc(message) + "</message></OpenRosaResponse>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<String> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"type\":\"about:blank\",\"title\":\"Submission too large\",\"status\":413,"
                        + "\"detail\":\"the submission is larger than the " + collection.maxBytes()
                        + " bytes accepted; send its files in several POSTs\"}");
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
