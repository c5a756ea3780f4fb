package io.github.netpol.gate;

import io.github.netpol.finding.SourcePosition;

import java.time.LocalDate;

/** One entry of the accepted-changes file; {@code expires} may be null (no expiry). */
public record AcceptedChange(String id, String reason, LocalDate expires, SourcePosition location) {

    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }
}
