package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.model.Origin;

import java.util.List;

/** Collects the findings about one object, placing each at the node its JSON pointer names. */
record FindingSink(Origin origin, String namespace, List<Finding> out) {

    /** True when the manifest itself wrote a node at this pointer (fabric8 turns some absent lists into empty ones). */
    boolean written(String pointer) {
        return origin.sourceMap().has(origin.pointerPrefix() + pointer);
    }

    void error(FindingCode code, String pointer, String message) {
        add(code, Severity.ERROR, pointer, message);
    }

    void warning(FindingCode code, String pointer, String message) {
        add(code, Severity.WARNING, pointer, message);
    }

    void add(FindingCode code, Severity severity, String pointer, String message) {
        out.add(Finding.of(code, message).withSeverity(severity).at(origin.at(pointer)).withNamespace(namespace));
    }
}
