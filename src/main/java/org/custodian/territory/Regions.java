package org.custodian.territory;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Regions extends JpaRepository<Region, Long> {

    Optional<Region> findByCode(String code);

    List<Region> findAllByOrderByCode();

    @Query("select new org.custodian.territory.RegionName(r.code, r.names) from Region r order by r.code")
    List<RegionName> findNamesByOrderByCode();

    /** The codes of the regions whose boundary holds the point (inside or on it), in code order. */
    @Query("select r.code from Region r where st_intersects(r.boundary, :point) = true order by r.code")
    List<String> codesAt(@Param("point") Point point);

    /** Each region's code and boundary, without making the regions managed entities. */
    @Query("select r.code, r.boundary from Region r order by r.code")
    List<Object[]> codesAndBoundaries();
}
