package org.custodian.territory;

/**
 * A region's code and names without its boundary: what a filter's or a form's choice of region shows. Read
 * without the boundary, which can be thousands of vertices the choice never draws.
 */
public record RegionName(String code, Names names) {}
