package org.custodian.platform.security;

import org.custodian.platform.nodes.NodeNotices;
import org.springframework.stereotype.Component;

/**
 * Hears the {@link CredentialNotices} of every node (this one included) and forgets the remembered tokens and
 * the account named, so a revoked token or a disabled account stops working on every node at once rather than
 * when the caches expire. When notices may have been missed, it forgets everything.
 */
@Component
class CredentialNoticeListener implements NodeNotices.Listener {

    private final TokenKeeper tokens;
    private final CurrentAccounts accounts;

    CredentialNoticeListener(NodeNotices notices, TokenKeeper tokens, CurrentAccounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
        notices.listen(CredentialNotices.CHANNEL, this);
    }

    @Override
    public void heard(String username) {
        accounts.forgetHere(username);
        tokens.forgetResolvedHere();
    }

    @Override
    public void missed() {
        tokens.forgetResolvedHere();
        accounts.forgetAllHere();
    }
}
