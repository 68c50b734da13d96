package org.custodian.fieldcollect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.platform.AfterCommit;
import org.custodian.platform.PathCredentials;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.nodes.NodeNotices;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, resolves and revokes device keys. A person makes keys for their own account (a supervisor signs in
 * as the field account, or the field user on their laptop) and shows the QR code to the phone; an
 * administrator sees and revokes every key. The key is shown once, in the QR code page that follows its
 * making.
 */
@Service
class DeviceKeyRing implements PathCredentials, NodeNotices.Listener {

    static final String PREFIX = "/openrosa/key/";

    /** Roles that send submissions; a viewer's or partner's account cannot have a device key. */
    static final java.util.Set<Role> COLLECTORS = java.util.Set.of(Role.ADMIN, Role.DIRECTOR, Role.OFFICER, Role.FIELD);

    static final String CHANNEL = "custodian_device_keys";

    /**
     * How long a key read is trusted without a notice. A revocation is seen at once on this node (on commit) and on
     * the others when they hear of it; this bounds it should a notice be lost.
     */
    static final Duration KEPT = Duration.ofSeconds(5);

    private final SecureRandom random = new SecureRandom();
    private final DeviceKeys keys;
    private final NodeNotices notices;
    private final Clock clock = Clock.systemUTC();

    /** Keys by the hash of their secret: a phone sends its key with every request. Unknown secrets are not kept. */
    private final Cache<String, DeviceKey> known =
            Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(10_000).build();

    private final AtomicLong revocations = new AtomicLong();

    DeviceKeyRing(DeviceKeys keys, NodeNotices notices) {
        this.keys = keys;
        this.notices = notices;
        notices.listen(CHANNEL, this);
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

    /** The usable key with this secret (read at most once every {@link #KEPT} per node). */
    Optional<DeviceKey> usable(String secret) {
        if (secret.length() < 20 || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8));
        DeviceKey key = known.getIfPresent(hash);
        if (key == null) {
            long before = revocations.get();
            key = keys.findByTokenHash(hash).orElse(null);
            synchronized (known) {
                // A revocation committed while reading: the key read may be the one before it, so it is not kept.
                if (key != null && revocations.get() == before) {
                    known.put(hash, key);
                }
            }
        }
        return Optional.ofNullable(key).filter(DeviceKey::usable);
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
        // Every node forgets the keys it holds once this commits (the notice leaves only then).
        notices.send(CHANNEL, "");
        AfterCommit.run(this::forget);
        return key;
    }

    @Override
    public void heard(String payload) {
        forget();
    }

    @Override
    public void missed() {
        forget();
    }

    private void forget() {
        synchronized (known) {
            revocations.incrementAndGet();
            known.invalidateAll();
        }
    }
}
