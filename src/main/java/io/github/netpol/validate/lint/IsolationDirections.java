package io.github.netpol.validate.lint;

import io.github.netpol.finding.Choices;
import io.github.netpol.finding.Direction;

import java.util.List;

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
        return Choices.parse(IsolationDirections.class, text, "a direction");
    }
}
