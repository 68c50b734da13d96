package org.custodian.civil;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Working group records, always read through the caller's regions. */
interface WorkingGroupRecords extends JpaRepository<WorkingGroup, Long> {

    @Query("select g from WorkingGroup g where (:all = true or g.regionCode in :codes) order by g.name")
    List<WorkingGroup> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select g from WorkingGroup g where g.id = :id and (:all = true or g.regionCode in :codes)")
    Optional<WorkingGroup> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}

/** Meeting records, always read through the caller's regions. */
interface MeetingRecords extends JpaRepository<Meeting, Long> {

    @Query(
            "select m from Meeting m where (:all = true or m.regionCode in :codes) and (:group is null or m.groupId = :group) order by m.heldOn desc, m.id desc")
    List<Meeting> findInScope(
            @Param("all") boolean all, @Param("codes") Collection<String> codes, @Param("group") @Nullable Long group);

    @Query("select m from Meeting m where m.id = :id and (:all = true or m.regionCode in :codes)")
    Optional<Meeting> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}

/** Proposal records, always read through the caller's regions. */
interface ProposalRecords extends JpaRepository<Proposal, Long> {

    @Query(
            "select p from Proposal p where (:all = true or p.regionCode in :codes) and (:meeting is null or p.meetingId = :meeting) order by p.id")
    List<Proposal> findInScope(
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes,
            @Param("meeting") @Nullable Long meeting);

    @Query("select p from Proposal p where p.id = :id and (:all = true or p.regionCode in :codes)")
    Optional<Proposal> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}

/** Decision records, always read through the caller's regions. */
interface DecisionRecords extends JpaRepository<Decision, Long> {

    @Query(
            "select d from Decision d where (:all = true or d.regionCode in :codes) and (:meeting is null or d.meetingId = :meeting) order by d.id")
    List<Decision> findInScope(
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes,
            @Param("meeting") @Nullable Long meeting);
}

/** Action item records, always read through the caller's regions. */
interface ActionItemRecords extends JpaRepository<ActionItem, Long> {

    @Query(
            "select a from ActionItem a where (:all = true or a.regionCode in :codes) and (:meeting is null or a.meetingId = :meeting) and (:owner is null or a.owner = :owner) order by a.dueOn, a.id")
    List<ActionItem> findInScope(
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes,
            @Param("meeting") @Nullable Long meeting,
            @Param("owner") @Nullable String owner);

    @Query("select a from ActionItem a where a.id = :id and (:all = true or a.regionCode in :codes)")
    Optional<ActionItem> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}

/** Outreach team records, always read through the caller's regions. */
interface OutreachTeamRecords extends JpaRepository<OutreachTeam, Long> {

    @Query("select t from OutreachTeam t where (:all = true or t.regionCode in :codes) order by t.name")
    List<OutreachTeam> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select t from OutreachTeam t where t.id = :id and (:all = true or t.regionCode in :codes)")
    Optional<OutreachTeam> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}

/** Beneficiary records, always read through the caller's regions. */
interface BeneficiaryRecords extends JpaRepository<Beneficiary, Long> {

    @Query("select b from Beneficiary b where (:all = true or b.regionCode in :codes) order by b.reference")
    List<Beneficiary> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select b from Beneficiary b where b.id = :id and (:all = true or b.regionCode in :codes)")
    Optional<Beneficiary> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    boolean existsByReference(String reference);
}

/** Reads of beneficiaries, each audited as it is written. */
interface BeneficiaryReads extends JpaRepository<BeneficiaryRead, Long> {}

/** Visit records, always read through the caller's regions. */
interface VisitRecords extends JpaRepository<Visit, Long> {

    @Query("select v from Visit v where (:all = true or v.regionCode in :codes) order by v.visitedOn desc, v.id desc")
    List<Visit> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select v from Visit v where v.id = :id and (:all = true or v.regionCode in :codes)")
    Optional<Visit> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    boolean existsBySubmission(String submission);
}
