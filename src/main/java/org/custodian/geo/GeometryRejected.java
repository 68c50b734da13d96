package org.custodian.geo;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;

/**
 * A geometry that may not be stored, with the field it came from, the reason in words a GIS officer
 * understands, and where known the offending location. Rendered as a 422 problem whose detail is English
 * ({@link #reason()}); a page says it in its own language ({@link #reason(Locale)}).
 */
public final class GeometryRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final Refusals refusal;
    private final List<String> arguments;
    private final @Nullable Coordinate location;
    private final boolean placed;

    /** Refused for a reason the values name; the location, if any, goes to the API's problem only. */
    GeometryRejected(String field, Refusals refusal, @Nullable Coordinate location, Object... arguments) {
        this(field, refusal, location, false, arguments);
    }

    private GeometryRejected(
            String field, Refusals refusal, @Nullable Coordinate location, boolean placed, Object... arguments) {
        this.field = field;
        this.refusal = refusal;
        this.arguments = Arrays.stream(arguments).map(String::valueOf).toList();
        this.location = location;
        this.placed = placed && location != null;
    }

    /** Refused for a reason found at one place, which the reason names ("self-intersection at 39.6, 47.1"). */
    static GeometryRejected at(String field, Refusals refusal, @Nullable Coordinate location, Object... arguments) {
        return new GeometryRejected(field, refusal, location, true, arguments);
    }

    public String field() {
        return field;
    }

    /** The reason in English, as the API gives it. */
    public String reason() {
        return reason(Locale.ROOT);
    }

    /** The reason in {@code language}, or in English where that language has no texts. */
    public String reason(Locale language) {
        String said = said(refusal, language, arguments.toArray());
        Coordinate c = location;
        return placed && c != null ? said(Refusals.AT_PLACE, language, said, Wgs84.latitudeLongitude(c)) : said;
    }

    @Override
    public String getMessage() {
        return reason();
    }

    public @Nullable Coordinate location() {
        return location;
    }

    private static String said(Refusals refusal, Locale language, Object... arguments) {
        String pattern = ResourceBundle.getBundle(
                        "i18n.refusals",
                        language,
                        GeometryRejected.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString(refusal.key());
        // Values are strings already: MessageFormat would give numbers a language's digit grouping.
        return new MessageFormat(pattern, language).format(arguments);
    }
}
