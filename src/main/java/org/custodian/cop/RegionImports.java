package org.custodian.cop;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegionImports extends JpaRepository<RegionImport, Long> {}
