/**
 * Platform: accounts, roles and scopes, API tokens, the audit trail of every write, sources (provenance),
 * problem details and languages. The root package is the API other modules use: {@link
 * org.custodian.platform.Callers} for the caller's {@link org.custodian.platform.Scope}, {@link
 * org.custodian.platform.Sources} for citations, and the exceptions that become problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
@org.jspecify.annotations.NullMarked
package org.custodian.platform;
