package org.custodian.humanitarian;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;

/**
 * The people of an evacuation as one source reports them: the total, by age band, by sex, persons with
 * disabilities and children. A source may leave out what it does not say; what it says must hold together:
 * whole non-negative numbers, the five age bands (all or none) adding up to the total, children no more than
 * the total and equal to the three youngest bands when both are given.
 */
public record People(
        int evacuated,
        @Nullable Integer age0to4,
        @Nullable Integer age5to11,
        @Nullable Integer age12to17,
        @Nullable Integer age18to59,
        @Nullable Integer age60plus,
        @Nullable Integer female,
        @Nullable Integer male,
        @Nullable Integer disabled,
        @Nullable Integer children) {

    /** The measures under which the figures are reported, in the order shown. */
    public static final String[] MEASURES = {
        "evacuated",
        "age_0_4",
        "age_5_11",
        "age_12_17",
        "age_18_59",
        "age_60_plus",
        "female",
        "male",
        "disabled",
        "children"
    };

    /** The five age bands' measures. */
    public static final String[] AGE_BANDS = {"age_0_4", "age_5_11", "age_12_17", "age_18_59", "age_60_plus"};

    public People {
        Map<String, @Nullable Integer> all = measures(
                evacuated, age0to4, age5to11, age12to17, age18to59, age60plus, female, male, disabled, children);
        all.forEach((measure, n) -> {
            if (n != null && n < 0) {
                throw new RuleViolated(measure, CommonRefusals.NUMBER_PEOPLE_CANNOT_NEGATIVE);
            }
        });
        Integer[] bands = {age0to4, age5to11, age12to17, age18to59, age60plus};
        long given = java.util.Arrays.stream(bands)
                .filter(java.util.Objects::nonNull)
                .count();
        if (given != 0 && given != bands.length) {
            throw new RuleViolated("age_0_4", Refusals.GIVE_ALL_FIVE_AGE_BANDS);
        }
        if (given == bands.length) {
            int sum = java.util.Arrays.stream(bands).mapToInt(Integer::intValue).sum();
            if (sum != evacuated) {
                throw new RuleViolated("evacuated", Refusals.AGE_BANDS_ADD_UP_EVACUATED, sum, evacuated);
            }
            int young = age0to4 + age5to11 + age12to17;
            if (children != null && children != young) {
                throw new RuleViolated("children", Refusals.CHILDREN_BUT_AGE_BANDS_UNDER, children, young);
            }
        }
        if (female != null && male != null && female + male > evacuated) {
            throw new RuleViolated("female", Refusals.MORE_WOMEN_MEN_PEOPLE_EVACUATED);
        }
        for (String measure : new String[] {"female", "male", "disabled", "children"}) {
            Integer n = all.get(measure);
            if (n != null && n > evacuated) {
                throw new RuleViolated(measure, Refusals.MORE_THAN_EVACUATED, evacuated);
            }
        }
    }

    private static Map<String, @Nullable Integer> measures(@Nullable Integer... values) {
        Map<String, @Nullable Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < MEASURES.length; i++) {
            map.put(MEASURES[i], values[i]);
        }
        return map;
    }

    /** The numbers given, by measure, in order; those left out are absent. */
    public Map<String, Integer> given() {
        Map<String, Integer> map = new LinkedHashMap<>();
        measures(evacuated, age0to4, age5to11, age12to17, age18to59, age60plus, female, male, disabled, children)
                .forEach((m, n) -> {
                    if (n != null) {
                        map.put(m, n);
                    }
                });
        return map;
    }

    /**
     * A count as typed or sent: a whole number of people, not negative.
     *
     * @throws RuleViolated naming the measure for a fraction or a negative number
     */
    public static @Nullable Integer whole(String measure, @Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw new RuleViolated(measure, CommonRefusals.NUMBER_PEOPLE_CANNOT_NEGATIVE);
        }
        try {
            return value.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new RuleViolated(measure, Refusals.NUMBER_PEOPLE_WHOLE_NUMBER, value.toPlainString());
        }
    }
}
