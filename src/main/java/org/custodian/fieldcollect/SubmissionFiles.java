package org.custodian.fieldcollect;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubmissionFiles extends JpaRepository<SubmissionFile, Long> {

    /** What a submission's files are, without their bytes. */
    @Query("select new org.custodian.fieldcollect.AttachedFile(f.id, f.name, f.contentType, f.size)"
            + " from SubmissionFile f where f.submissionId = :submission order by f.name")
    List<AttachedFile> listed(@Param("submission") long submissionId);

    Optional<SubmissionFile> findBySubmissionIdAndName(long submissionId, String name);

    boolean existsBySubmissionIdAndName(long submissionId, String name);
}
