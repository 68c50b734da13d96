package org.custodian.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * A page's links to WebJars ({@code /webjars/leaflet/dist/leaflet.js}) name the version the application
 * carries ({@code /webjars/leaflet/1.9.4/dist/leaflet.js}), as the framework's filter does; every other link
 * is written as it is.
 *
 * <p>The framework's filter asks the static-file handlers about every link a page writes. Those handlers
 * serve {@code /**}, so a link to {@code /incidents/12} was looked for as a file in four places on the class
 * path, through every library in the application's archive, and a miss is not remembered: half of the time a
 * page took went there (the load run of 200 users). Links to the static folders ({@code /css}, {@code /js},
 * ...) come back unchanged from those handlers anyway (no version strategy is configured), so only the
 * WebJars' links are asked about, and those the handlers remember.
 */
@Configuration(proxyBeanMethods = false)
class WebJarLinks {

    /** Replaces the framework's filter: one of this type present, Spring Boot registers none of its own. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> webJarLinksFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static final class Filter extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(request instanceof HttpServletRequest http)
                    || !(response instanceof HttpServletResponse httpResponse)) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(request, new Links(http, httpResponse));
        }
    }

    private static final class Links extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final String webJars;

        Links(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
            this.webJars = request.getContextPath() + "/webjars/";
        }

        @Override
        public String encodeURL(String url) {
            if (url.startsWith(webJars)
                    && request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR)
                            instanceof ResourceUrlProvider provider) {
                String versioned = provider.getForRequestUrl(request, url);
                return super.encodeURL(versioned == null ? url : versioned);
            }
            return super.encodeURL(url);
        }
    }
}
