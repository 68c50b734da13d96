package org.custodian.fieldcollect;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeviceKeys extends JpaRepository<DeviceKey, Long> {

    Optional<DeviceKey> findByTokenHash(String tokenHash);

    List<DeviceKey> findAllByUsernameOrderByCreatedAtDesc(String username);

    List<DeviceKey> findAllByOrderByCreatedAtDesc();
}
