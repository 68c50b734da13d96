package org.custodian.platform;

/** The authenticated caller of the current request or task. */
public interface Callers {

    /**
     * @return the caller's scope
     * @throws org.springframework.security.authentication.AuthenticationCredentialsNotFoundException when no
     *     one is authenticated
     */
    Scope current();
}
