package org.custodian.territory;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.platform.Callers;
import org.custodian.platform.Sources;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrations within the caller's scope: established and dissolved by admins, particulars changed by
 * admins and the region's directors. An administration is dissolved, never deleted: it is history.
 */
@RestController
@RequestMapping("/api/administrations")
class AdministrationController {

    private final Territory territory;
    private final Callers callers;
    private final Sources sources;

    AdministrationController(Territory territory, Callers callers, Sources sources) {
        this.territory = territory;
        this.callers = callers;
        this.sources = sources;
    }

    @Operation(
            summary = "List administrations",
            description =
                    "The temporary administrations of the regions, optionally of one region, with their directors and staff. Anyone signed in may call it.")
    @GetMapping
    List<AdministrationView> list(@RequestParam(required = false) @Nullable String region) {
        Map<Long, Agency> agencies = agencies();
        return territory.administrations(callers.current(), region).stream()
                .map(a -> view(a, agencies))
                .toList();
    }

    @Operation(
            summary = "Read an administration",
            description = "One administration with its mandate, director and staff. Anyone signed in may call it.")
    @GetMapping("/{id}")
    AdministrationView get(@PathVariable long id) {
        return view(territory.administration(callers.current(), id), agencies());
    }

    @Operation(
            summary = "Establish an administration",
            description =
                    "Establishes a region's temporary administration with its legal basis and the day it starts. Administrators only; anyone else is refused with 403. A region that already has an active one is refused with 409.")
    @PostMapping
    ResponseEntity<AdministrationView> establish(@Valid @RequestBody AdministrationRequest request) {
        Administration a = territory.establish(callers.current(), request.draft());
        return ResponseEntity.created(URI.create("/api/administrations/" + a.id()))
                .body(view(a, agencies()));
    }

    @Operation(
            summary = "Describe an administration",
            description =
                    "Changes an administration's description and mandate. Administrators and the region's directors may call it; others are refused with 403. The body carries the version read; a stale one is refused with 409 and nothing is changed.")
    @PutMapping("/{id}")
    AdministrationView update(@PathVariable long id, @Valid @RequestBody AdministrationRequest request) {
        Administration a = territory.updateAdministration(
                callers.current(), id, RegionController.requireVersion(request.version()), request.draft());
        return view(a, agencies());
    }

    @Operation(
            summary = "Appoint staff to an administration",
            description =
                    "Appoints a person to a post of the administration from a day. Administrators only; anyone else is refused with 403. A dissolved administration is refused with 409.")
    @PostMapping("/{id}/appointments")
    AdministrationView appoint(@PathVariable long id, @Valid @RequestBody AppointmentRequest request) {
        Administration a = territory.appoint(
                callers.current(),
                id,
                new Appointment(
                        request.personName().strip(),
                        request.position().strip(),
                        request.appointedBy(),
                        request.appointedOn(),
                        null));
        return view(a, agencies());
    }

    @Operation(
            summary = "Dissolve an administration",
            description =
                    "Ends an administration on the day given. Administrators only; anyone else is refused with 403. One already dissolved is refused with 409.")
    @PostMapping("/{id}/dissolution")
    AdministrationView dissolve(@PathVariable long id, @Valid @RequestBody DissolutionRequest request) {
        return view(territory.dissolve(callers.current(), id, request.dissolvedOn()), agencies());
    }

    private Map<Long, Agency> agencies() {
        return territory.agencies().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
    }

    private AdministrationView view(Administration a, Map<Long, Agency> agencies) {
        Function<Long, AgencyRef> ref = id -> {
            Agency agency = agencies.get(id);
            return new AgencyRef(id, agency == null ? "?" : agency.name());
        };
        return new AdministrationView(
                a.id(),
                a.region().code(),
                a.name(),
                a.establishedOn(),
                a.decreeReference(),
                a.status(),
                a.dissolvedOn(),
                a.director()
                        .map(d -> new AppointmentView(
                                d.personName(), d.position(), ref.apply(d.appointedBy()), d.appointedOn(), d.endedOn()))
                        .orElse(null),
                a.appointments().stream()
                        .map(d -> new AppointmentView(
                                d.personName(), d.position(), ref.apply(d.appointedBy()), d.appointedOn(), d.endedOn()))
                        .toList(),
                a.coordination().stream()
                        .map(c -> new CoordinationView(ref.apply(c.agencyId()), c.subject()))
                        .toList(),
                List.copyOf(sources.findAll(a.sources()).values()),
                a.version());
    }

    record AdministrationRequest(
            @NotBlank String regionCode,
            @NotBlank @Size(max = 300) String name,
            @NotNull LocalDate establishedOn,
            @Nullable @Size(max = 300) String decreeReference,
            @Nullable List<@Valid CoordinationRequest> coordination,
            @Nullable Set<Long> sources,
            @Nullable Long version) {

        Territory.AdministrationDraft draft() {
            return new Territory.AdministrationDraft(
                    regionCode,
                    name.strip(),
                    establishedOn,
                    decreeReference,
                    coordination == null
                            ? List.of()
                            : coordination.stream()
                                    .map(c -> new CoordinationLink(c.agencyId(), c.subject()))
                                    .toList(),
                    sources == null ? Set.of() : sources);
        }
    }

    record CoordinationRequest(
            @NotNull Long agencyId,
            @NotBlank @Size(max = 300) String subject) {}

    record AppointmentRequest(
            @NotBlank @Size(max = 200) String personName,
            @NotBlank @Size(max = 100) String position,
            @NotNull Long appointedBy,
            @NotNull LocalDate appointedOn) {}

    record DissolutionRequest(@NotNull LocalDate dissolvedOn) {}

    record AgencyRef(long id, String name) {}

    record AppointmentView(
            String personName,
            String position,
            AgencyRef appointedBy,
            LocalDate appointedOn,
            @Nullable LocalDate endedOn) {}

    record CoordinationView(AgencyRef agency, String subject) {}

    record AdministrationView(
            long id,
            String regionCode,
            String name,
            LocalDate establishedOn,
            @Nullable String decreeReference,
            Administration.Status status,
            @Nullable LocalDate dissolvedOn,
            @Nullable AppointmentView director,
            List<AppointmentView> appointments,
            List<CoordinationView> coordination,
            List<Sources.Citation> sources,
            long version) {}
}
