package io.github.netpol.fork;

import io.github.netpol.gate.CheckRequest;

/**
 * What a forked check is given: the request Maven's JVM gathered, the accepted-changes file's text (the forked JVM
 * reads it again into the same entries and problems), and how to report.
 *
 * @param acceptedText the accepted-changes file's text, or null when there is none
 * @param heapPeak     whether the forked JVM adds its heap peak to its stage times (Maven's debug log is on)
 */
public record ForkRequest(CheckRequest check, String acceptedText, ReportSettings reports, boolean heapPeak) {

    /** A request whose stage times leave the heap out. */
    public ForkRequest(CheckRequest check, String acceptedText, ReportSettings reports) {
        this(check, acceptedText, reports, false);
    }
}
