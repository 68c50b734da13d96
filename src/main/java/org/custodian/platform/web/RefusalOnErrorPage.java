package org.custodian.platform.web;

import java.util.Map;
import org.custodian.geo.GeometryRejected;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.Reason;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page of a refused page request (a record that does not exist, a change the records do not
 * allow) says why, in the page's language, as {@code reason}. The API's problems are made elsewhere, in
 * English ({@link ProblemAdvice}).
 */
@Component
class RefusalOnErrorPage extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        for (Throwable t = getError(request); t != null; t = t.getCause()) {
            Reason reason = reason(t);
            if (reason != null) {
                attributes.put("reason", reason.in(LocaleContextHolder.getLocale()));
                break;
            }
        }
        return attributes;
    }

    private static @Nullable Reason reason(Throwable t) {
        if (t instanceof RuleViolated e) {
            return e.reason();
        }
        if (t instanceof ConflictWithState e) {
            return e.reason();
        }
        if (t instanceof RecordNotFound e) {
            return e.reason();
        }
        if (t instanceof InvalidParameter e) {
            return e.reason();
        }
        if (t instanceof GeometryRejected e) {
            return Reason.of(CommonRefusals.GEOMETRY_REFUSED, e);
        }
        return null;
    }
}
