package org.custodian.territory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Agencies extends JpaRepository<Agency, Long> {

    Optional<Agency> findByName(String name);

    List<Agency> findAllByOrderByName();
}
