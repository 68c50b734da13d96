package org.custodian.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * chosen as before. Walking over every mapping to compare beginnings still cost a sixth of that request: the
 * mappings are also grouped by the first segment of their beginnings ({@code /tiles/}), so a path is compared
 * only with its own group and the few mappings that may match any first segment; when exactly one of those
 * matches in full, it is the one Spring would choose, and the request is marked as Spring marks it.
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

        /** Every mapping by its paths, made anew whenever a mapping is added or taken away. */
        private volatile Index index = Index.of(Map.of());

        @Override
        public void afterPropertiesSet() {
            super.afterPropertiesSet();
            index = Index.of(getHandlerMethods());
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            super.registerMapping(mapping, handler, method);
            index = Index.of(getHandlerMethods());
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            index = Index.of(getHandlerMethods());
        }

        @Override
        protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                throws Exception {
            // Patterns match the decoded segments without their parameters: such a path is left to Spring alone.
            if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            Index mappings = index;
            // A fixed path Spring finds directly; otherwise it would judge every mapping, where only those whose
            // paths begin as this one can match: when exactly one of them does, it is Spring's choice too.
            if (!mappings.directPaths.contains(lookupPath)) {
                HandlerMethod only = onlyMatch(mappings, lookupPath, request);
                if (only != null) {
                    return only;
                }
            }
            // None or several: Spring chooses among them (or answers 404, 405, 406, 415) as it would.
            LOOKING_UP.set(lookupPath);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKING_UP.remove();
            }
        }

        /**
         * The handler of the one mapping that matches in full, found among the mappings the path can match, and
         * the request marked as Spring marks it for its best match; none when no mapping or more than one does.
         */
        private @Nullable HandlerMethod onlyMatch(Index mappings, String path, HttpServletRequest request) {
            Candidate found = null;
            RequestMappingInfo matched = null;
            for (Candidate[] group : mappings.groupsFor(path)) {
                for (Candidate candidate : group) {
                    if (!mayMatch(candidate.beginnings, path)) {
                        continue;
                    }
                    RequestMappingInfo match = super.getMatchingMapping(candidate.mapping, request);
                    if (match != null) {
                        if (found != null) {
                            return null;
                        }
                        found = candidate;
                        matched = match;
                    }
                }
            }
            if (found == null) {
                return null;
            }
            request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, found.handler);
            handleMatch(matched, path, request);
            return found.handler;
        }

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKING_UP.get();
            String[] fixed = path == null ? null : index.beginnings.get(info);
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

        /** A mapping, its patterns' fixed beginnings and its handler. */
        private record Candidate(RequestMappingInfo mapping, String[] beginnings, HandlerMethod handler) {}

        /**
         * The mappings by the first segment that all their patterns' beginnings hold whole ({@code /tiles/}), the
         * rest apart (a pattern such as {@code /{*path}} or {@code /api/records{id}} may match a path of another
         * first segment); the beginnings by the very mapping Spring compares (an identity lookup: a mapping's own
         * hash and equality cost more than the comparison they would save); the paths Spring finds directly.
         */
        private record Index(
                Map<String, Candidate[]> byFirstSegment,
                Candidate[] anyFirstSegment,
                Map<RequestMappingInfo, String[]> beginnings,
                Set<String> directPaths) {

            private static final Candidate[] NONE = new Candidate[0];

            static Index of(Map<RequestMappingInfo, HandlerMethod> handlers) {
                Map<String, List<Candidate>> bySegment = new HashMap<>();
                List<Candidate> any = new ArrayList<>();
                Map<RequestMappingInfo, String[]> beginnings = new IdentityHashMap<>();
                Set<String> direct = new HashSet<>();
                handlers.forEach((mapping, handler) -> {
                    Candidate candidate = new Candidate(mapping, beginningsOf(mapping), handler);
                    beginnings.put(mapping, candidate.beginnings);
                    direct.addAll(mapping.getDirectPaths());
                    Set<String> segments = new HashSet<>();
                    for (String beginning : candidate.beginnings) {
                        segments.add(firstSegment(beginning));
                    }
                    if (segments.isEmpty() || segments.contains(null)) {
                        any.add(candidate);
                    } else {
                        segments.forEach(segment -> bySegment
                                .computeIfAbsent(segment, s -> new ArrayList<>())
                                .add(candidate));
                    }
                });
                Map<String, Candidate[]> grouped = new HashMap<>();
                bySegment.forEach((segment, list) -> grouped.put(segment, list.toArray(NONE)));
                return new Index(grouped, any.toArray(NONE), beginnings, Set.copyOf(direct));
            }

            /** The groups of mappings a path may match. */
            Candidate[][] groupsFor(String path) {
                String segment = firstSegment(path);
                Candidate[] keyed = segment == null ? null : byFirstSegment.get(segment);
                return keyed == null ? new Candidate[][] {anyFirstSegment} : new Candidate[][] {keyed, anyFirstSegment};
            }
        }

        /** The text up to the slash that ends the first segment ({@code /tiles/}), or null when no slash does. */
        static @Nullable String firstSegment(String path) {
            int slash = path.startsWith("/") ? path.indexOf('/', 1) : -1;
            return slash < 0 ? null : path.substring(0, slash + 1);
        }
    }
}
