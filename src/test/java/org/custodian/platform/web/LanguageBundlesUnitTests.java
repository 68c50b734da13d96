package org.custodian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every word a person reads exists in all four languages: each bundle named in {@code spring.messages.basename}
 * has the same keys in English, Azerbaijani, Russian and Armenian, and each translation takes the same
 * arguments as the English text.
 */
class LanguageBundlesUnitTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void everyBundleHasEveryKeyInEveryLanguage() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String basename : basenames()) {
            Properties english = load(basename + ".properties");
            for (Locale language : Languages.SUPPORTED) {
                if (language.equals(Locale.ENGLISH)) {
                    continue;
                }
                String file = basename + "_" + language.getLanguage() + ".properties";
                Properties translated = load(file);
                for (String key : new TreeSet<>(english.stringPropertyNames())) {
                    String value = translated.getProperty(key);
                    if (value == null || value.isBlank()) {
                        problems.add(file + ": missing " + key);
                    } else if (!arguments(value).equals(arguments(english.getProperty(key)))) {
                        problems.add(file + ": " + key + " takes " + arguments(value) + ", English takes "
                                + arguments(english.getProperty(key)));
                    }
                }
                for (String key : translated.stringPropertyNames()) {
                    if (!english.containsKey(key)) {
                        problems.add(file + ": " + key + " is not in English");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void findsEveryModuleBundle() throws IOException {
        assertThat(basenames()).contains("messages", "i18n/custody", "i18n/incidents");
    }

    private static List<String> basenames() throws IOException {
        Properties application = load("application.properties");
        String names = application.getProperty("spring.messages.basename");
        assertThat(names).as("spring.messages.basename").isNotBlank();
        return List.of(names.split("\\s*,\\s*"));
    }

    static Set<Integer> arguments(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    static Properties load(String resource) throws IOException {
        try (InputStream in = LanguageBundlesUnitTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }
}
