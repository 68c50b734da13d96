package org.custodian.fieldcollect;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Submissions extends JpaRepository<Submission, Long> {

    Optional<Submission> findByInstanceId(String instanceId);

    @Query("select s from Submission s where s.id = :id and (:all = true or s.regionCode in :regions)")
    Optional<Submission> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("regions") java.util.Collection<String> regions);

    @Query("select s from Submission s where (:all = true or s.regionCode in :regions)"
            + " and (:form is null or s.formId = :form) and s.status = :status order by s.receivedAt")
    List<Submission> queue(
            @Param("all") boolean all,
            @Param("regions") java.util.Collection<String> regions,
            @Param("form") @org.jspecify.annotations.Nullable String form,
            @Param("status") Submission.Status status,
            org.springframework.data.domain.Limit limit);
}
