package org.custodian.platform.figures;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reported figures by subject. */
interface FigureReports extends JpaRepository<FigureReport, Long> {

    List<FigureReport> findBySubjectTypeAndSubjectIdOrderByReportedOnAscIdAsc(String subjectType, long subjectId);

    List<FigureReport> findBySubjectTypeAndSubjectIdInOrderByReportedOnAscIdAsc(
            String subjectType, Collection<Long> subjectIds);

    List<FigureReport> findBySubjectTypeAndSubjectIdAndMeasure(String subjectType, long subjectId, String measure);
}
