package io.github.netpol.report;

import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;

/** A witness in plain words: {@code TCP port 8080 from Deployment shop/web to StatefulSet shop/db}. */
final class WitnessText {

    private WitnessText() {
    }

    static String describe(Witness witness) {
        Endpoint destination = witness.destination();
        String name = destination instanceof Endpoint.Pod pod ? pod.portName(witness.protocol(), witness.port()) : null;
        return witness.protocol() + " port " + witness.port() + (name == null ? "" : " ('" + name + "')")
                + " from " + endpoint(witness.source())
                + " to " + endpoint(destination) + Witness.factNote(witness.facts());
    }

    static String endpoint(Endpoint endpoint) {
        return Witness.describe(endpoint);
    }
}
