package org.custodian.fieldcollect;

/** What a submission's file is, without its bytes: for lists, pages and the API. */
public record AttachedFile(long id, String name, String contentType, long size) {}
