package org.custodian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The application's mapping passes over mappings by their paths first ({@link PathFirstMappings}); it must still
 * choose for every path what Spring's own judgement of all the mappings chooses.
 */
@CustodianIntegrationTest
class PathFirstMappingsIntegrationTests {

    private static final String NO_HANDLER = "no handler";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theApplicationsMappingIsTheOneThatComparesPathsFirst() {
        assertThat(mapping).isInstanceOf(PathFirstMappings.Mapping.class);
    }

    @Test
    void everyPathOfEveryMappingFindsTheHandlerThatSpringAloneWouldChoose() {
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo info : all.keySet()) {
            for (PathPattern pattern :
                    Objects.requireNonNull(info.getPathPatternsCondition()).getPatterns()) {
                String path = pathFor(pattern.getPatternString());
                for (String method : methodsOf(info)) {
                    // A path of this mapping, one that another mapping shares, and one that no mapping knows.
                    for (String asked : List.of(path, path + "x", "/no-such" + path)) {
                        assertThat(chosen(method, asked))
                                .as("%s %s (from %s)", method, asked, pattern)
                                .isEqualTo(springAlone(all, method, asked));
                        checked.add(method + " " + asked);
                    }
                }
            }
        }
        // Paths with variables, which Spring cannot find directly, are among those checked.
        assertThat(checked).anyMatch(p -> p.startsWith("GET /tiles/1/1/1/1"));
        assertThat(checked).anyMatch(p -> p.startsWith("POST /openrosa/key/1/submission"));
        assertThat(checked).hasSizeGreaterThan(300);
        assertThat(chosen("GET", "/tiles/incidents/3/1/1.mvt")).contains("TileController");
    }

    @Test
    void aPathWithVariablesIsMarkedAsSpringMarksItsBestMatch() throws Exception {
        MockHttpServletRequest request = request("GET", "/tiles/incidents/3/1/2.mvt");
        HandlerExecutionChain chain = Objects.requireNonNull(mapping.getHandler(request));
        assertThat(chain.getHandler().toString()).contains("TileController");
        // The registered handler method, as Spring keeps it (by its bean's name); the chain's has its bean.
        assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE))
                .isInstanceOfSatisfying(HandlerMethod.class, best -> assertThat(best.getMethod())
                        .isEqualTo(((HandlerMethod) chain.getHandler()).getMethod()));
        assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
                .hasToString("/tiles/{layer}/{z}/{x}/{y}.mvt");
        assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE))
                .isEqualTo(Map.of("layer", "incidents", "z", "3", "x", "1", "y", "2"));
        assertThat(request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE))
                .isEqualTo("/tiles/incidents/3/1/2.mvt");
    }

    @Test
    void aMappingsFirstSegmentIsTheTextUpToTheSecondSlash() {
        assertThat(PathFirstMappings.Mapping.firstSegment("/tiles/")).isEqualTo("/tiles/");
        assertThat(PathFirstMappings.Mapping.firstSegment("/tiles/incidents/3/1/2.mvt"))
                .isEqualTo("/tiles/");
        assertThat(PathFirstMappings.Mapping.firstSegment("/api/records")).isEqualTo("/api/");
        assertThat(PathFirstMappings.Mapping.firstSegment("/tiles")).isNull();
        assertThat(PathFirstMappings.Mapping.firstSegment("/")).isNull();
        assertThat(PathFirstMappings.Mapping.firstSegment("")).isNull();
    }

    @Test
    void aFixedBeginningEndsAtTheFirstVariableOrWildcard() {
        assertThat(PathFirstMappings.Mapping.fixedBeginning("/tiles/{layer}/{z}/{x}/{y}.mvt"))
                .isEqualTo("/tiles/");
        assertThat(PathFirstMappings.Mapping.fixedBeginning("/api/regions")).isEqualTo("/api/regions");
        assertThat(PathFirstMappings.Mapping.fixedBeginning("/webjars/**")).isEqualTo("/webjars/");
        assertThat(PathFirstMappings.Mapping.fixedBeginning("/files/photo?.jpg"))
                .isEqualTo("/files/photo");
        assertThat(PathFirstMappings.Mapping.fixedBeginning("/doc/{*rest}")).isEqualTo("/doc/");
    }

    /** The handler the application's mapping finds, or what it refuses with. */
    private String chosen(String method, String path) {
        MockHttpServletRequest request = request(method, path);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? NO_HANDLER : chain.getHandler().toString();
        } catch (Exception e) {
            // No mapping fits in full (405, 415, 406), or two fit equally well.
            return NO_HANDLER;
        }
    }

    /** Spring's own judgement: every mapping's full conditions, the best of those that match by its ordering. */
    private static String springAlone(Map<RequestMappingInfo, HandlerMethod> all, String method, String path) {
        MockHttpServletRequest request = request(method, path);
        List<RequestMappingInfo> matching = new ArrayList<>();
        for (RequestMappingInfo info : all.keySet()) {
            RequestMappingInfo match = info.getMatchingCondition(request);
            if (match != null) {
                matching.add(match);
            }
        }
        if (matching.isEmpty()) {
            return NO_HANDLER;
        }
        matching.sort((a, b) -> a.compareTo(b, request));
        if (matching.size() > 1 && matching.get(0).compareTo(matching.get(1), request) == 0) {
            return NO_HANDLER;
        }
        RequestMappingInfo best = matching.get(0);
        return all.entrySet().stream()
                .filter(e -> Objects.equals(e.getKey().getMatchingCondition(request), best))
                .findFirst()
                .orElseThrow()
                .getValue()
                .toString();
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "*/*");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private static List<String> methodsOf(RequestMappingInfo info) {
        var methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty()
                ? List.of("GET")
                : methods.stream().map(Enum::name).toList();
    }

    /** A path that the pattern matches: each variable or wildcard as "1". */
    static String pathFor(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "1/1")
                .replaceAll("\\{[^}]*}", "1")
                .replace("**", "1/1")
                .replace('*', '1')
                .replace('?', '1');
    }
}
