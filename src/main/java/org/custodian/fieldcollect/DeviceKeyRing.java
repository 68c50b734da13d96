package org.custodian.fieldcollect;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.custodian.platform.PathCredentials;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Issues, resolves and revokes device keys. A person makes keys for their own account (a supervisor signs in
 * as the field account, or the field user on their laptop) and shows the QR code to the phone; an
 * administrator sees and revokes every key. The key is shown once, in the QR code page that follows its
 * making.
 */
@Service
class DeviceKeyRing implements PathCredentials {

    static final String PREFIX = "/openrosa/key/";

    /** Roles that send submissions; a viewer's or partner's account cannot have a device key. */
    static final java.util.Set<Role> COLLECTORS = java.util.Set.of(Role.ADMIN, Role.DIRECTOR, Role.OFFICER, Role.FIELD);

    /** The request attribute holding the key a request already looked up. */
    private static final String LOOKED_UP = DeviceKeyRing.class.getName() + ".lookedUp";

    private record LookedUp(String secret, Optional<DeviceKey> key) {}

    private final SecureRandom random = new SecureRandom();
    private final DeviceKeys keys;
    private final Clock clock = Clock.systemUTC();

    DeviceKeyRing(DeviceKeys keys) {
        this.keys = keys;
    }

    record Issued(DeviceKey key, String secret) {}

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Optional<String> resolve(String secret) {
        return usable(secret).map(DeviceKey::username);
    }

    /**
     * The usable key with this secret. Looked up once per request: the path-key filter that signs the device in
     * and the submission that records which key sent it ask for the same key.
     */
    Optional<DeviceKey> usable(String secret) {
        if (secret.length() < 20 || secret.length() > 100) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(LOOKED_UP, RequestAttributes.SCOPE_REQUEST) instanceof LookedUp earlier
                && earlier.secret().equals(secret)) {
            return earlier.key();
        }
        Optional<DeviceKey> key = keys.findByTokenHash(Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8)))
                .filter(DeviceKey::usable);
        if (request != null) {
            request.setAttribute(LOOKED_UP, new LookedUp(secret, key), RequestAttributes.SCOPE_REQUEST);
        }
        return key;
    }

    @Transactional
    Issued issue(Scope scope, String name) {
        if (!COLLECTORS.contains(scope.role())) {
            throw new AccessDeniedException("your role does not send field submissions, so it has no device keys");
        }
        String label = name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new RuleViolated("name", Refusals.NAME_DEVICE_UP_TO_100_CHARACTERS);
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        DeviceKey key = keys.save(new DeviceKey(
                scope.username(),
                label,
                Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8)),
                clock.instant(),
                scope.username()));
        return new Issued(key, secret);
    }

    /** The caller's keys; an administrator's list holds everyone's. */
    @Transactional(readOnly = true)
    List<DeviceKey> visible(Scope scope) {
        return scope.isAdmin()
                ? keys.findAllByOrderByCreatedAtDesc()
                : keys.findAllByUsernameOrderByCreatedAtDesc(scope.username());
    }

    @Transactional
    DeviceKey revoke(Scope scope, long id) {
        DeviceKey key = keys.findById(id)
                .filter(k -> scope.isAdmin() || k.username().equals(scope.username()))
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_DEVICE_KEY, id));
        key.revoke(clock.instant());
        return key;
    }
}
