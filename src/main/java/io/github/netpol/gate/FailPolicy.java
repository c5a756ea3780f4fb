package io.github.netpol.gate;

import io.github.netpol.finding.FindingCode;

import java.util.List;
import java.util.Locale;

/**
 * What fails the check ({@code netpol.failOn}): {@code widening}, {@code isolation}, both (the default), or
 * {@code none} to report only. Unanalysable policy kinds fail whenever anything fails, because a gate
 * that cannot see a policy must not pass it.
 */
public record FailPolicy(boolean widening, boolean isolation) {

    public static FailPolicy parse(List<String> values) {
        boolean w = false;
        boolean i = false;
        for (String raw : values) {
            String v = raw.trim().toLowerCase(Locale.ROOT);
            switch (v) {
                case "widening" -> w = true;
                case "isolation" -> i = true;
                case "none", "" -> { }
                default -> throw new IllegalArgumentException("'" + raw
                        + "' is not a kind of change; use widening, isolation or none");
            }
        }
        return new FailPolicy(w, i);
    }

    public boolean fails(FindingCode.Change change) {
        return switch (change) {
            case WIDENING -> widening;
            case ISOLATION -> isolation;
            case UNSUPPORTED -> widening || isolation;
            case NARROWING -> false;
        };
    }

    @Override
    public String toString() {
        if (!widening && !isolation) {
            return "none";
        }
        return widening && isolation ? "widening,isolation" : widening ? "widening" : "isolation";
    }
}
