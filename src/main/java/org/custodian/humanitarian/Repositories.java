package org.custodian.humanitarian;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Corridor records, always read through the caller's regions. */
interface CorridorRecords extends JpaRepository<Corridor, Long> {

    @Query("select c from Corridor c where (:all = true or c.regionCode in :codes) order by c.name")
    List<Corridor> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select c from Corridor c where c.id = :id and (:all = true or c.regionCode in :codes)")
    Optional<Corridor> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}

/** Station records, always read through the caller's regions. */
interface StationRecords extends JpaRepository<Station, Long> {

    @Query("select s from Station s where (:all = true or s.regionCode in :codes) order by s.name")
    List<Station> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select s from Station s where s.id = :id and (:all = true or s.regionCode in :codes)")
    Optional<Station> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}

/** Shelter records, always read through the caller's regions. */
interface ShelterRecords extends JpaRepository<Shelter, Long> {

    @Query("select s from Shelter s where (:all = true or s.regionCode in :codes) order by s.name")
    List<Shelter> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select s from Shelter s where s.id = :id and (:all = true or s.regionCode in :codes)")
    Optional<Shelter> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}

/** Evacuation records, always read through the caller's regions. */
interface EvacuationRecords extends JpaRepository<Evacuation, Long> {

    @Query(
            "select e from Evacuation e where (:all = true or e.regionCode in :codes) order by e.evacuatedOn desc, e.id desc")
    List<Evacuation> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select e from Evacuation e where e.id = :id and (:all = true or e.regionCode in :codes)")
    Optional<Evacuation> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}

/** Convoy records, always read through the caller's regions. */
interface ConvoyRecords extends JpaRepository<Convoy, Long> {

    @Query("select c from Convoy c where (:all = true or c.regionCode in :codes) order by c.id desc")
    List<Convoy> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select c from Convoy c where c.id = :id and (:all = true or c.regionCode in :codes)")
    Optional<Convoy> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}

/** Notification records, always read through the caller's regions. */
interface NotificationRecords extends JpaRepository<Notification, Long> {

    @Query(
            "select n from Notification n where (:all = true or n.regionCode in :codes) order by n.sentAt desc, n.id desc")
    List<Notification> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select n from Notification n where n.id = :id and (:all = true or n.regionCode in :codes)")
    Optional<Notification> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}
