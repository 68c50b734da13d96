package org.custodian.platform.web;

import org.custodian.platform.Refusal;

/** Why the web layer answers 503: something the application needs is out of reach for now. */
enum Refusals implements Refusal {
    DATABASE_UNREACHABLE,
    UPLOADS_NOT_RECEIVED
}
