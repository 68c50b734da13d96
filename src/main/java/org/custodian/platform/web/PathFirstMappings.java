package org.custodian.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's annotation mapping, passing over a mapping whose paths cannot match before it looks at the rest.
 *
 * <p>Spring finds a fixed path directly, but for a path with a variable in it (a record's id, a tile, a device
 * key) it tries every mapping of the application in turn, and each first asks the request for its method,
 * origin, headers and media types through the request's wrappers: a third of the processor time of a street
 * tile's request. Here each mapping first compares the path with its patterns' fixed beginnings, up to the first
 * variable or wildcard, and only the mappings that pass are judged in full by Spring, so the same handler is
 * chosen as before.
 */
@Component
class PathFirstMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        /** The path being looked up by this thread, while only its plain form needs to be compared. */
        private static final ThreadLocal<String> LOOKING_UP = new ThreadLocal<>();

        /** Each mapping's fixed beginnings, one a pattern, while the mappings are registered. */
        private final Map<RequestMappingInfo, String[]> registering = new IdentityHashMap<>();

        /**
         * The same, by the very mapping Spring compares (an identity lookup: a mapping's own hash and equality
         * cost more than the comparison they would save); published once every mapping is registered.
         */
        private volatile Map<RequestMappingInfo, String[]> beginnings = Map.of();

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            registering.put(mapping, beginningsOf(mapping));
        }

        @Override
        public void afterPropertiesSet() {
            super.afterPropertiesSet();
            beginnings = registering;
        }

        @Override
        protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                throws Exception {
            // Patterns match the decoded segments without their parameters: such a path is left to Spring alone.
            if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            LOOKING_UP.set(lookupPath);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKING_UP.remove();
            }
        }

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKING_UP.get();
            String[] fixed = path == null ? null : beginnings.get(info);
            if (fixed != null && !mayMatch(fixed, path)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        /** Whether the path begins as one of the patterns does; none means some pattern may match any path. */
        private static boolean mayMatch(String[] beginnings, String path) {
            if (beginnings.length == 0) {
                return true;
            }
            for (String beginning : beginnings) {
                if (path.startsWith(beginning)) {
                    return true;
                }
            }
            return false;
        }

        static String[] beginningsOf(RequestMappingInfo info) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition == null || condition.getPatterns().isEmpty()) {
                return new String[0];
            }
            return condition.getPatterns().stream()
                    .map(PathPattern::getPatternString)
                    .map(Mapping::fixedBeginning)
                    .toArray(String[]::new);
        }

        /** The pattern up to its first variable or wildcard: every path the pattern matches begins with it. */
        static String fixedBeginning(String pattern) {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{' || c == '*' || c == '?') {
                    return pattern.substring(0, i);
                }
            }
            return pattern;
        }
    }
}
