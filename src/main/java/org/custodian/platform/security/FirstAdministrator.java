package org.custodian.platform.security;

import java.security.SecureRandom;
import org.custodian.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator, {@code admin}, on an empty database. The password comes from
 * {@code CUSTODIAN_ADMIN_PASSWORD}; without it one is generated and printed this once. There is no default
 * password. An existing admin account is never changed here.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    FirstAdministrator(
            Accounts accounts, PasswordEncoder encoder, @Value("${custodian.admin.password:}") String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.configuredPassword = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.findByUsername("admin").isPresent()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        accounts.save(new Account("admin", "Administrator", encoder.encode(password), Role.ADMIN));
        if (generated) {
            log.warn(
                    "\n\n  First start: created the administrator.\n    user:     admin\n    password: {}\n"
                            + "  It is shown only this once. Set CUSTODIAN_ADMIN_PASSWORD to choose it instead.\n",
                    password);
        } else {
            log.info("First start: created the administrator 'admin' with the password from CUSTODIAN_ADMIN_PASSWORD");
        }
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
