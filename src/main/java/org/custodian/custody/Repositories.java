package org.custodian.custody;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Items in custody, always read through the caller's regions. */
interface CustodyItems extends JpaRepository<CustodyItem, Long> {

    String IN_SCOPE = "(:all = true or i.regionCode in :codes)";

    @Query("select i from CustodyItem i where " + IN_SCOPE
            + " and (:region is null or i.regionCode = :region)"
            + " and (:category is null or i.category = :category)"
            + " and (:status is null or i.status = :status)"
            + " and (:site is null or i.siteId = :site)"
            + " and (:serial is null or upper(i.serialNumber) = :serial or upper(i.markings) = :serial)"
            + " and (:partial is null or upper(i.serialNumber) like :partial or upper(i.markings) like :partial)"
            + " order by i.id desc")
    List<CustodyItem> search(
            @Param("region") @Nullable String region,
            @Param("category") CustodyItem.@Nullable Category category,
            @Param("status") CustodyItem.@Nullable Status status,
            @Param("site") @Nullable Long site,
            @Param("serial") @Nullable String serial,
            @Param("partial") @Nullable String partial,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes,
            Pageable page);

    @Query("select i from CustodyItem i where i.id = :id and " + IN_SCOPE)
    Optional<CustodyItem> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    /** The item, locked until the transaction ends: two transfers of one item queue here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from CustodyItem i where i.id = :id")
    Optional<CustodyItem> lockById(@Param("id") long id);

    @Query("select i from CustodyItem i where i.siteId = :site and i.status = 'IN_CUSTODY' order by i.id")
    List<CustodyItem> heldAt(@Param("site") long site);

    /** The kinds of hazardous items a site holds: few, however many items. */
    @Query("select new org.custodian.custody.StorageSite$HeldHazard(min(i.reference), i.hazardCode, i.typeModel)"
            + " from CustodyItem i where i.siteId = :site and i.status = 'IN_CUSTODY' and i.hazardCode is not null"
            + " group by i.hazardCode, i.typeModel")
    List<StorageSite.HeldHazard> hazardsHeldAt(@Param("site") long site);

    List<CustodyItem> findByBatchIdOrderById(long batchId);

    boolean existsByOrdnanceFindId(long findId);

    @Query("select i.regionCode, i.category, i.status, count(i) from CustodyItem i where " + IN_SCOPE
            + " and (:region is null or i.regionCode = :region)"
            + " group by i.regionCode, i.category, i.status order by i.regionCode, i.category, i.status")
    List<Object[]> counts(
            @Param("region") @Nullable String region,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes);
}

interface StorageSites extends JpaRepository<StorageSite, Long> {

    @Query("select s from StorageSite s where (:all = true or s.regionCode in :codes)"
            + " and (:region is null or s.regionCode = :region) order by s.regionCode, s.name")
    List<StorageSite> findInScope(
            @Param("region") @Nullable String region,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes);

    List<StorageSite> findByRegionCode(String regionCode);

    /**
     * The site, locked until the transaction ends, with how many items it holds as its locked row says: two
     * writes that put items in one site queue here, so the second sees what the first stored before it judges
     * capacity and compatibility. An item already in
     * the register is locked before the site it goes to (see {@link Custody}).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select new org.custodian.custody.StorageSite$Locked(s, s.heldItems) from StorageSite s where s.id = :id")
    Optional<StorageSite.Locked> lockById(@Param("id") long id);

    /** Every site, locked in id order: a transaction that may try several sites locks them all the same way. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select new org.custodian.custody.StorageSite$Locked(s, s.heldItems) from StorageSite s order by s.id")
    List<StorageSite.Locked> lockAll();

    Optional<StorageSite> findByName(String name);
}

interface SurrenderBatches extends JpaRepository<SurrenderBatch, Long> {

    @Query("select b from SurrenderBatch b where (:all = true or b.regionCode in :codes) order by b.receivedAt desc")
    List<SurrenderBatch> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);
}

interface Transfers extends JpaRepository<Transfer, Long> {

    List<Transfer> findByItemIdOrderById(long itemId);

    @Query("select t from Transfer t where t.toSiteId = :site and t.state = 'DISPATCHED' order by t.id")
    List<Transfer> expectedAt(@Param("site") long site);
}

interface Destructions extends JpaRepository<Destruction, Long> {

    Optional<Destruction> findByItemId(long itemId);
}
