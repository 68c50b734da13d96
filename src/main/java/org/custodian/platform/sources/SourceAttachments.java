package org.custodian.platform.sources;

import org.springframework.data.jpa.repository.JpaRepository;

interface SourceAttachments extends JpaRepository<SourceAttachment, Long> {}
