package org.custodian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.Reason;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Refusal;
import org.custodian.platform.RuleViolated;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every reason the domain gives for a refusal has its text in English, Azerbaijani, Russian and Armenian:
 * each constant of a package's {@code Refusals} enum (its key cannot be mistyped) has a text in the four
 * bundles, each text in the bundles belongs to a constant the code uses, the four take the same arguments and
 * read as MessageFormat patterns, and a translation is not an English copy.
 */
class RefusalsUnitTests {

    private static final List<String> LANGUAGES = List.of("", "_az", "_ru", "_hy");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");
    private static final Path SOURCES = Path.of("src/main/java");

    /** The constants of every Refusals enum by key; geo's, below platform, keys them by the same rule. */
    private static Map<String, Enum<?>> refusals = Map.of();

    @BeforeAll
    static void findRefusals() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(Refusal.class));
        Map<String, Enum<?>> found = new TreeMap<>();
        for (BeanDefinition candidate : scan.findCandidateComponents("org.custodian")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), RefusalsUnitTests.class.getClassLoader());
            boolean main = !type.getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toString()
                    .contains("test-classes");
            if (type.isEnum() && main) {
                add(found, type);
            }
        }
        add(found, Class.forName("org.custodian.geo.Refusals"));
        refusals = found;
    }

    private static void add(Map<String, Enum<?>> found, Class<?> type) {
        for (Object constant : type.getEnumConstants()) {
            Enum<?> refusal = (Enum<?>) constant;
            assertThat(found.put(key(refusal), refusal)).as(key(refusal)).isNull();
        }
    }

    private static String key(Enum<?> refusal) {
        if (refusal instanceof Refusal r) {
            return r.key();
        }
        return "refusal." + refusal.getDeclaringClass().getPackageName().substring("org.custodian.".length()) + "."
                + refusal.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Test
    void findsTheRefusalsOfEveryModule() {
        Set<String> modules = refusals.keySet().stream()
                .map(key -> key.substring("refusal.".length(), key.lastIndexOf('.')))
                .collect(Collectors.toSet());
        assertThat(modules)
                .contains(
                        "platform", "geo", "mineaction", "custody", "incidents", "humanitarian", "territory", "alerts");
        assertThat(refusals).hasSizeGreaterThan(300);
    }

    @Test
    void everyRefusalHasItsTextInEveryLanguageAndNoOtherTextIsKept() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String language : LANGUAGES) {
            String file = "i18n/refusals" + language + ".properties";
            Properties texts = LanguageBundlesUnitTests.load(file);
            for (String key : refusals.keySet()) {
                if (texts.getProperty(key, "").isBlank()) {
                    problems.add(file + ": missing " + key);
                }
            }
            for (String key : texts.stringPropertyNames()) {
                if (!refusals.containsKey(key)) {
                    problems.add(file + ": " + key + " belongs to no constant of a Refusals enum");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void translationsTakeTheSameArgumentsReadAsPatternsAndAreNotEnglishCopies() throws IOException {
        Properties english = LanguageBundlesUnitTests.load("i18n/refusals.properties");
        List<String> problems = new ArrayList<>();
        for (String language : LANGUAGES) {
            String file = "i18n/refusals" + language + ".properties";
            Properties texts = LanguageBundlesUnitTests.load(file);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                String original = english.getProperty(key, "");
                if (!LanguageBundlesUnitTests.arguments(text).equals(LanguageBundlesUnitTests.arguments(original))) {
                    problems.add(file + ": " + key + " takes " + LanguageBundlesUnitTests.arguments(text)
                            + ", English takes " + LanguageBundlesUnitTests.arguments(original));
                }
                // A single quote starts a quoted part in MessageFormat: one in the text is written twice.
                if (text.replace("''", "").contains("'")) {
                    problems.add(file + ": " + key + " has a single quote; write it twice");
                }
                try {
                    new MessageFormat(text, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    problems.add(file + ": " + key + " is not a MessageFormat pattern: " + e.getMessage());
                }
                if (!language.isEmpty()
                        && text.equals(original)
                        && ARGUMENT.matcher(text).replaceAll("").chars().anyMatch(Character::isLetter)) {
                    problems.add(file + ": " + key + " is the English text");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRefusalIsGivenSomewhereInTheCode() throws IOException {
        Map<String, String> sourcesByPackage = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().endsWith("Refusals.java"))
                    .forEach(f -> sourcesByPackage.merge(
                            SOURCES.relativize(f.getParent()).toString().replace('/', '.'), read(f), String::concat));
        }
        String everything = String.join("\n", sourcesByPackage.values());
        List<String> unused = new ArrayList<>();
        refusals.forEach((key, refusal) -> {
            String enumName = refusal.getDeclaringClass().getSimpleName();
            String code = enumName.equals("CommonRefusals")
                    ? everything
                    : sourcesByPackage.getOrDefault(refusal.getDeclaringClass().getPackageName(), "");
            if (!Pattern.compile("\\b" + enumName + "\\." + refusal.name() + "\\b")
                    .matcher(code)
                    .find()) {
                unused.add(enumName + "." + refusal.name() + " ("
                        + refusal.getDeclaringClass().getPackageName() + ")");
            }
        });
        assertThat(unused).isEmpty();
    }

    @Test
    void theApiSaysItInEnglishAndAPageInItsLanguageWithValuesAsGiven() {
        Reason none = Reason.of(CommonRefusals.NO_REGION, 1234567);
        assertThat(none.english()).isEqualTo("no region 1234567");
        assertThat(new RecordNotFound(CommonRefusals.NO_REGION, 1234567).getMessage())
                .isEqualTo("no region 1234567");
        for (String language : List.of("az", "ru", "hy")) {
            String said = none.in(Locale.forLanguageTag(language));
            assertThat(said).contains("1234567").isNotEqualTo(none.english());
        }
        // A language without texts of its own says it in English.
        assertThat(none.in(Locale.GERMAN)).isEqualTo("no region 1234567");
        RuleViolated quoted = new RuleViolated("date", CommonRefusals.DATE_IN_FUTURE);
        assertThat(quoted.getMessage()).isEqualTo("the date is in the future");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
