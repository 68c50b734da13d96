package org.custodian.platform.security;

import java.util.List;
import java.util.Set;
import org.custodian.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's staff of Khojaly, to try the everyday jobs as a region's officer and its director: {@code
 * khj-officer}, {@code khj-director} and the outreach worker {@code khj-outreach}, created once, only while the demo is on. Their password comes from
 * {@code CUSTODIAN_DEMO_PASSWORD}; without it one is generated and printed this once, as the administrator's
 * is. Existing accounts are never changed here.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class DemoStaff implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    /** A demo account: username, name, role and its one region. */
    record Member(String username, String displayName, Role role, String region) {}

    static final List<Member> STAFF = List.of(
            new Member("khj-officer", "Khojaly officer (demo)", Role.OFFICER, "KHJ"),
            new Member("khj-director", "Khojaly director (demo)", Role.DIRECTOR, "KHJ"),
            new Member("khj-outreach", "Khojaly outreach worker (demo)", Role.OUTREACH_WORKER, "KHJ"));

    private final AccountRegister register;
    private final Accounts accounts;
    private final String configuredPassword;

    DemoStaff(AccountRegister register, Accounts accounts, @Value("${custodian.demo.password:}") String password) {
        this.register = register;
        this.accounts = accounts;
        this.configuredPassword = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Member> missing = STAFF.stream()
                .filter(m -> accounts.findByUsername(m.username()).isEmpty())
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? FirstAdministrator.generate() : configuredPassword;
        for (Member m : missing) {
            register.open(
                    m.username(),
                    new AccountRegister.Particulars(m.displayName(), m.role(), false, Set.of(m.region()), null),
                    password);
        }
        String users = String.join(", ", missing.stream().map(Member::username).toList());
        if (generated) {
            log.warn(
                    "\n\n  Demo: created the demo staff of Khojaly.\n    users:    {}\n    password: {}\n"
                            + "  It is shown only this once. Set CUSTODIAN_DEMO_PASSWORD to choose it instead.\n",
                    users,
                    password);
        } else {
            log.info(
                    "Demo: created the demo staff of Khojaly ({}) with the password from CUSTODIAN_DEMO_PASSWORD",
                    users);
        }
    }
}
