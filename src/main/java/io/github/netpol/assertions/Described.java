package io.github.netpol.assertions;

import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.ValueSet;
import io.github.netpol.finding.NamedPort;

import java.util.List;
import java.util.Map;

/**
 * One end of an assertion in the terms of the symbolic analysis.
 *
 * @param where      the namespaces, a region over the namespace name and namespace labels
 * @param podLabels  per label key, the values a described pod may carry there
 * @param namedPorts the ports the pods name, or {@code null} when they may name any port anything
 * @param addresses  for an external end, its addresses; {@code null} for pods
 */
record Described(Region where, Map<String, ValueSet> podLabels, List<NamedPort> namedPorts, IntervalSet addresses) {

    static Described addresses(IntervalSet addresses) {
        return new Described(Region.empty(), Map.of(), List.of(), addresses);
    }

    boolean isAddresses() {
        return addresses != null;
    }
}
