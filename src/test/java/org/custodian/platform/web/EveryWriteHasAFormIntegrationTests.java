package org.custodian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write the API allows has a page form that does the same (issue 12: an officer never needs the API):
 * each API write is paired in {@code api-writes-and-forms.tsv} with a page endpoint, which the application
 * must serve and which a template or a page script must send a form to.
 */
@CustodianIntegrationTest
class EveryWriteHasAFormIntegrationTests {

    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** A path variable, whatever its name: a template may call {id} what the controller calls {code}. */
    static final Pattern VARIABLE = Pattern.compile("\\{[^}/]*}");

    @Autowired
    ApplicationContext context;

    @Test
    void everyApiWriteHasAPageFormThatTheApplicationServes() throws IOException {
        Map<String, String> pairs = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/api-writes-and-forms.tsv")) {
            assertThat(in).as("api-writes-and-forms.tsv on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    pairs.put(cells[0] + " " + cells[1], cells[2].strip());
                }
            }
        }
        Set<String> apiWrites = new TreeSet<>();
        Set<String> pageWrites = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(m -> m.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getMethodsCondition().getMethods().forEach(method -> info.getPatternValues()
                        .forEach(path -> {
                            if (WRITES.contains(method.name())) {
                                (path.startsWith("/api/") ? apiWrites : pageWrites).add(method.name() + " " + path);
                            }
                        }))));
        String sent = formsAndScripts();

        List<String> wrong = new ArrayList<>();
        for (String write : apiWrites) {
            String page = pairs.get(write);
            if (page == null) {
                wrong.add(write + ": no line in api-writes-and-forms.tsv");
            } else if (!pageWrites.contains(page)) {
                wrong.add(write + ": the page endpoint " + page + " is not served");
            } else if (!sent.contains(
                    VARIABLE.matcher(page.substring(page.indexOf(' ') + 1)).replaceAll("{}"))) {
                wrong.add(write + ": no template or page script sends a form to " + page);
            }
        }
        pairs.keySet().stream()
                .filter(w -> !apiWrites.contains(w))
                .forEach(w -> wrong.add(w + ": listed but no longer an API write"));
        assertThat(wrong).as("API writes without their page form").isEmpty();
    }

    /** The text of every template and page script, with path variables and Thymeleaf expressions as {}. */
    private static String formsAndScripts() throws IOException {
        StringBuilder all = new StringBuilder();
        var resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:templates/**/*.html", "classpath*:static/js/*.js")) {
            for (Resource r : resolver.getResources(pattern)) {
                try (InputStream in = r.getInputStream()) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .append('\n');
                }
            }
        }
        // "@{/incidents/{id}/sources(id=...)}" and a script's "/incidents/${id}/sources" both read
        // "/incidents/{}/sources".
        return VARIABLE.matcher(all.toString().replace("${", "{")).replaceAll("{}");
    }
}
