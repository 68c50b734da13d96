package org.custodian.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * What {@code /v3/api-docs} and the browsable page at {@code /swagger-ui/index.html} say beyond the
 * controllers' signatures: both ways to authenticate, and for every operation the answers a client must be
 * ready for: 201 for a record created, 204 for one removed, and each refusal as RFC 9457 problem details.
 */
@Configuration
class ApiDescription {

    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI custodianApi() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details: what is wrong, in the product's own words")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid geometry"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("boundary: self-intersection"))
                .addProperty("instance", new StringSchema().example("/api/hazard-areas"))
                .addProperty(
                        "errors",
                        new io.swagger.v3.oas.models.media.ArraySchema()
                                .description("one entry a refused field")
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("reason", new StringSchema())));
        return new OpenAPI()
                .info(new Info()
                        .title("Custodian API")
                        .description("Records of a temporary civil administration: territory, mine action, facilities,"
                                + " inventories, custody and incidents. Spatial records are GeoJSON features in"
                                + " CRS84. Changes carry the record's version; a stale one is refused with 409."
                                + " A record outside the caller's regions answers 404, as if it did not exist.")
                        .license(new License()
                                .name("Apache License, Version 2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("the account's user name and password"))
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("a personal token (cus_...) issued by POST /api/tokens"))
                        .addSchemas(PROBLEM, problem))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    @Bean
    OperationCustomizer answers() {
        return (operation, handler) -> {
            describeSuccess(operation, handler);
            addRefusals(operation, handler);
            return operation;
        };
    }

    /** 201 for a POST that answers with a created record, 204 for a removal; JSON rather than any type. */
    private static void describeSuccess(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        ApiResponse ok = responses.get("200");
        if (ok == null) {
            return;
        }
        if (ok.getContent() != null && ok.getContent().containsKey("*/*")) {
            MediaType any = ok.getContent().remove("*/*");
            ok.getContent().addMediaType("application/json", any);
        }
        boolean answersEntity =
                ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType());
        boolean noBody =
                handler.getMethod().getGenericReturnType().getTypeName().endsWith("<java.lang.Void>");
        if (handler.hasMethodAnnotation(ResponseStatus.class)) {
            return;
        }
        if (handler.hasMethodAnnotation(PostMapping.class) && answersEntity && !noBody) {
            responses.remove("200");
            responses.addApiResponse("201", ok.description("created; Location names the new record"));
        } else if (handler.hasMethodAnnotation(DeleteMapping.class) && noBody) {
            responses.remove("200");
            responses.addApiResponse("204", new ApiResponse().description("removed"));
        }
    }

    private static void addRefusals(Operation operation, HandlerMethod handler) {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("400", "a parameter or the body cannot be read; the detail names it and what is allowed");
        refusals.put("401", "no valid credentials");
        refusals.put("403", "your role or scope does not allow this");
        refusals.put("404", "no such record within your scope");
        if (!handler.hasMethodAnnotation(GetMapping.class)) {
            refusals.put("409", "the record changed since the version given, or its state does not allow this");
            refusals.put("413", "the body is larger than allowed");
            refusals.put("422", "the change breaks a rule of the record; the detail and errors say which");
        }
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            if (operation.getResponses().containsKey(r.getKey())) {
                continue;
            }
            operation
                    .getResponses()
                    .addApiResponse(
                            r.getKey(),
                            new ApiResponse()
                                    .description(r.getValue())
                                    .content(new Content()
                                            .addMediaType(
                                                    org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                    new MediaType()
                                                            .schema(new Schema<>()
                                                                    .$ref("#/components/schemas/" + PROBLEM)))));
        }
    }
}
