package org.custodian.fieldcollect;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the OpenRosa handlers before the application's other mappings are tried. A device key's paths carry
 * the key as a variable, and the application's mapping looks up only fixed paths directly: for every other
 * path it tries each mapping of the application in turn, which cost a sixth of a submission's CPU. Only
 * {@link OpenRosaController}'s mappings are tried here, and only for paths under {@code /openrosa/}; anything
 * they do not answer falls through to the application's mapping as before.
 */
@Component
class OpenRosaRoutes implements HandlerMapping, Ordered, ApplicationContextAware, InitializingBean {

    private static final String ROOT = "/openrosa/";

    private final Controllers mapping;

    OpenRosaRoutes(OpenRosaController controller) {
        this.mapping = new Controllers(controller);
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        mapping.setApplicationContext(context);
    }

    @Override
    public void afterPropertiesSet() {
        mapping.afterPropertiesSet();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean usesPathPatterns() {
        return mapping.usesPathPatterns();
    }

    @Override
    public @Nullable HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(ROOT, request.getContextPath().length())) {
            return null;
        }
        return mapping.getHandler(request);
    }

    /** The usual annotation mapping, holding one controller's methods only; not a bean of its own. */
    private static final class Controllers extends RequestMappingHandlerMapping {

        private final Object controller;

        Controllers(Object controller) {
            this.controller = controller;
        }

        @Override
        protected void initHandlerMethods() {
            detectHandlerMethods(controller);
            handlerMethodsInitialized(getHandlerMethods());
        }
    }
}
