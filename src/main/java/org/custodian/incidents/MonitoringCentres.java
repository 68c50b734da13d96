package org.custodian.incidents;

import org.springframework.data.jpa.repository.JpaRepository;

/** The monitoring centres (one in the demo). */
interface MonitoringCentres extends JpaRepository<MonitoringCentre, Long> {}
