package org.custodian.platform.security;

import org.custodian.platform.nodes.NodeNotices;
import org.springframework.stereotype.Component;

/**
 * Tells every node sharing a PostgreSQL database that an account or its tokens changed, so that each forgets
 * what it remembers of them ({@link CredentialNoticeListener}). The notice is sent inside the changing
 * transaction: PostgreSQL delivers it when, and only if, that transaction commits. The embedded database
 * serves one node, which forgets by itself.
 */
@Component
class CredentialNotices {

    static final String CHANNEL = "custodian_credentials";

    private final NodeNotices notices;

    CredentialNotices(NodeNotices notices) {
        this.notices = notices;
    }

    void changed(String username) {
        notices.send(CHANNEL, username);
    }
}
