package io.github.netpol.maven;

import io.github.netpol.finding.Choices;
import org.apache.maven.plugin.MojoExecutionException;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns parameter values into what the core takes. A value the core refuses becomes one line that names
 * the parameter, the value and the values allowed (a {@link MojoExecutionException}), never a raw enum or
 * parse exception: {@code netpol.failOnSeverity: 'fatal' is not a severity; use error, warning or info}.
 */
final class Parameters {

    private Parameters() {
    }

    /**
     * @param property the user property (or POM element) the value came from, e.g. {@code netpol.failOnSeverity}
     * @param parser   refuses a bad value with an {@link IllegalArgumentException} whose message starts with the
     *                 value in quotes and says what is allowed
     */
    static <V, T> T parse(String property, V value, Function<V, T> parser) throws MojoExecutionException {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw invalid(property, e);
        }
    }

    /** For core code whose message already names the parameter ({@code netpol.podCidrs: '…' is not a CIDR; …}). */
    static <T> T check(Supplier<T> build) throws MojoExecutionException {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("netpol: " + e.getMessage(), e);
        }
    }

    static MojoExecutionException invalid(String property, IllegalArgumentException e) {
        return new MojoExecutionException("netpol: " + property + ": " + e.getMessage(), e);
    }

    /** {@code true} or {@code false}, any case; Maven's own conversion would read every other word as false. */
    static boolean bool(String property, String value) throws MojoExecutionException {
        return parse(property, value, v -> switch (v == null ? "" : v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new IllegalArgumentException("'" + v + "' is not a boolean; use true or false");
        });
    }

    /** A whole number ({@code fallback} when unset); its range is the core's to check. */
    static int integer(String property, String value, int fallback) throws MojoExecutionException {
        return parse(property, value, v -> {
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + v + "' is not a whole number; use digits, e.g. " + fallback);
            }
        });
    }

    /** One of a few words, any case. */
    static String oneOf(String value, List<String> allowed, String what) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException("'" + value + "' is not " + what + "; use " + Choices.list(allowed));
        }
        return v;
    }
}
