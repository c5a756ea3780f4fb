package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.model.Origin;

import java.util.List;

/** Collects the findings about one object, placing each at the node its JSON pointer names. */
record FindingSink(Origin origin, String namespace, List<Finding> out) {

    void error(String id, String pointer, String message) {
        add(id, Severity.ERROR, pointer, message);
    }

    void warning(String id, String pointer, String message) {
        add(id, Severity.WARNING, pointer, message);
    }

    void add(String id, Severity severity, String pointer, String message) {
        out.add(Finding.of(id, severity, message, origin.at(pointer)).withNamespace(namespace));
    }
}
