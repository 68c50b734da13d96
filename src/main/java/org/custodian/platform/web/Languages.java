package org.custodian.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The interface languages: English (complete), Azerbaijani, Russian and Armenian. {@code ?lang=az} switches
 * and a cookie remembers; otherwise the browser's Accept-Language decides among these four.
 */
@Configuration
class Languages implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(
            Locale.ENGLISH, Locale.forLanguageTag("az"), Locale.forLanguageTag("ru"), Locale.forLanguageTag("hy"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("custodian-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            Locale wanted = request.getLocale();
            return SUPPORTED.stream()
                    .filter(l -> l.getLanguage().equals(wanted.getLanguage()))
                    .findFirst()
                    .orElse(Locale.ENGLISH);
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
