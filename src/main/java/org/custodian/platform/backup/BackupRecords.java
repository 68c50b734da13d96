package org.custodian.platform.backup;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BackupRecords extends JpaRepository<Backup, Long> {

    List<Backup> findAllByOrderByMadeAtDesc();
}
