package org.custodian.territory;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.custodian.platform.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Agencies: read by everyone signed in, written by admins. */
@RestController
@RequestMapping("/api/agencies")
class AgencyController {

    private final Territory territory;
    private final Callers callers;

    AgencyController(Territory territory, Callers callers) {
        this.territory = territory;
        this.callers = callers;
    }

    @Operation(
            summary = "List agencies",
            description =
                    "The agencies (ministries, services, partners) accounts and records belong to. Anyone signed in may call it.")
    @GetMapping
    List<AgencyView> list() {
        return territory.agencies().stream().map(AgencyView::of).toList();
    }

    @Operation(
            summary = "Read an agency",
            description = "One agency. Anyone signed in may call it; an unknown id answers 404.")
    @GetMapping("/{id}")
    AgencyView get(@PathVariable long id) {
        return AgencyView.of(territory.agency(id));
    }

    @Operation(
            summary = "Create an agency",
            description =
                    "Creates an agency with its name, short name, kind and country. Administrators only; anyone else is refused with 403. A name already taken is refused with 409.")
    @PostMapping
    ResponseEntity<AgencyView> create(@Valid @RequestBody AgencyRequest request) {
        Agency agency = territory.createAgency(callers.current(), request.draft());
        return ResponseEntity.created(URI.create("/api/agencies/" + agency.id()))
                .body(AgencyView.of(agency));
    }

    @Operation(
            summary = "Correct an agency",
            description =
                    "Corrects an agency's name, short name, kind and country. Administrators only; anyone else is refused with 403. The body carries the version read; a stale one is refused with 409 and nothing is changed.")
    @PutMapping("/{id}")
    AgencyView update(@PathVariable long id, @Valid @RequestBody AgencyRequest request) {
        return AgencyView.of(territory.updateAgency(
                callers.current(), id, RegionController.requireVersion(request.version()), request.draft()));
    }

    @Operation(
            summary = "Remove an agency",
            description =
                    "Removes an agency no account or record refers to. Administrators only; anyone else is refused with 403. One still referred to is refused with 409.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        territory.deleteAgency(callers.current(), id);
        return ResponseEntity.noContent().build();
    }

    record AgencyRequest(
            @NotBlank @Size(max = 300) String name,
            @Nullable @Size(max = 50) String shortName,
            @NotNull AgencyKind kind,
            @Nullable @Size(max = 100) String country,
            @Nullable Long version) {

        Territory.AgencyDraft draft() {
            return new Territory.AgencyDraft(name.strip(), shortName, kind, country);
        }
    }

    record AgencyView(
            long id,
            String name,
            @Nullable String shortName,
            AgencyKind kind,
            @Nullable String country,
            long version) {
        static AgencyView of(Agency a) {
            return new AgencyView(a.id(), a.name(), a.shortName(), a.kind(), a.country(), a.version());
        }
    }
}
