/**
 * Field collection: an OpenRosa 1.0 server for ODK Collect and KoboCollect (form list, form download,
 * manifests, submissions), device keys that configure a phone by QR code, and the review of what arrives.
 * Submissions are deduplicated on their {@code instanceID}; reviewers of the submission's region accept,
 * correct or reject them. An accepted submission is announced as {@link
 * org.custodian.fieldcollect.SubmissionAccepted}; the module that owns the form's subject (mine action,
 * incidents, facilities, civil) listens and makes its record from it. This module imports none of them.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Field collection",
        allowedDependencies = {"platform", "platform::nodes", "geo", "territory"})
@org.jspecify.annotations.NullMarked
package org.custodian.fieldcollect;
