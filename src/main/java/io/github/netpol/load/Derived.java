package io.github.netpol.load;

import java.util.function.Supplier;

/**
 * A value computed once from an input that never changes after it is read (a file's SHA-256, which the input
 * digest and the parse cache both need; a NetworkPolicy's effective rules, which validation, lint, the analysis,
 * the comparison and the examples all ask for), kept beside it in the record that holds the input. It is not part
 * of that record's value: every {@code Derived} equals every other, so the records compare as before.
 * Thread-safe: two threads asking at once may both compute the value, and either result is kept.
 */
public final class Derived<T> {

    private volatile T value;

    public Derived() {
    }

    /** A value already computed elsewhere (a file's SHA-256 that Maven's JVM hands to a forked check). */
    public static <T> Derived<T> known(T value) {
        Derived<T> d = new Derived<>();
        d.value = value;
        return d;
    }

    public T get(Supplier<T> compute) {
        T v = value;
        if (v == null) {
            v = compute.get();
            value = v;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Derived;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "Derived";
    }
}
