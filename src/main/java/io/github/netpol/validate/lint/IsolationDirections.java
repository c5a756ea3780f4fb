package io.github.netpol.validate.lint;

import io.github.netpol.finding.Direction;

import java.util.List;
import java.util.Locale;

/** Which default-deny a namespace must have: {@code ingress}, {@code egress} or {@code both}. */
public enum IsolationDirections {
    INGRESS(List.of(Direction.INGRESS)),
    EGRESS(List.of(Direction.EGRESS)),
    BOTH(List.of(Direction.INGRESS, Direction.EGRESS));

    private final List<Direction> directions;

    IsolationDirections(List<Direction> directions) {
        this.directions = directions;
    }

    public List<Direction> directions() {
        return directions;
    }

    public static IsolationDirections parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (IsolationDirections d : values()) {
            if (d.name().equals(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a direction; use ingress, egress or both");
    }
}
