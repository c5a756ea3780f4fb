package io.github.netpol.gate;

import io.github.netpol.finding.SourcePosition;

import java.time.LocalDate;

/**
 * One entry of the accepted-changes file; {@code expires} may be null (no expiry).
 *
 * @param digest for a finding about one object, the digest of that object as it was reviewed; otherwise null
 */
public record AcceptedChange(String id, String reason, LocalDate expires, String digest, SourcePosition location) {

    /** An entry for a change between versions, which carries no digest. */
    public AcceptedChange(String id, String reason, LocalDate expires, SourcePosition location) {
        this(id, reason, expires, null, location);
    }

    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }
}
