package io.github.netpol.validate.lint;

import java.util.List;
import java.util.stream.Collectors;

/** Message text for ports lists. */
public final class Ports {
    private Ports() {
    }

    public static String describe(List<PortView> ports) {
        return ports.isEmpty() ? "every port" : ports.stream().map(PortView::describe).collect(Collectors.joining(", "));
    }
}
