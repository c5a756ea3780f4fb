package io.github.netpol.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A finite union of inclusive integer intervals, kept sorted, disjoint and non-adjacent so that
 * equal sets are equal records. Used for port numbers and for IP addresses (128-bit wide).
 */
public record IntervalSet(List<Range> ranges) implements DimSet {

    /** An inclusive interval {@code [lo, hi]}, {@code lo <= hi}. */
    public record Range(BigInteger lo, BigInteger hi) {
        public boolean contains(BigInteger v) {
            return lo.compareTo(v) <= 0 && v.compareTo(hi) <= 0;
        }
    }

    public IntervalSet {
        ranges = normalize(ranges);
    }

    public static IntervalSet empty() {
        return new IntervalSet(List.of());
    }

    public static IntervalSet of(BigInteger lo, BigInteger hi) {
        return lo.compareTo(hi) > 0 ? empty() : new IntervalSet(List.of(new Range(lo, hi)));
    }

    public static IntervalSet of(long lo, long hi) {
        return of(BigInteger.valueOf(lo), BigInteger.valueOf(hi));
    }

    public IntervalSet union(IntervalSet other) {
        List<Range> all = new ArrayList<>(ranges);
        all.addAll(other.ranges);
        return new IntervalSet(all);
    }

    @Override
    public IntervalSet intersect(DimSet other) {
        List<Range> out = new ArrayList<>();
        for (Range a : ranges) {
            for (Range b : ((IntervalSet) other).ranges) {
                BigInteger lo = a.lo.max(b.lo);
                BigInteger hi = a.hi.min(b.hi);
                if (lo.compareTo(hi) <= 0) {
                    out.add(new Range(lo, hi));
                }
            }
        }
        return new IntervalSet(out);
    }

    @Override
    public IntervalSet minus(DimSet other) {
        List<Range> current = ranges;
        for (Range b : ((IntervalSet) other).ranges) {
            List<Range> next = new ArrayList<>();
            for (Range a : current) {
                if (a.hi.compareTo(b.lo) < 0 || a.lo.compareTo(b.hi) > 0) {
                    next.add(a);
                    continue;
                }
                if (a.lo.compareTo(b.lo) < 0) {
                    next.add(new Range(a.lo, b.lo.subtract(BigInteger.ONE)));
                }
                if (a.hi.compareTo(b.hi) > 0) {
                    next.add(new Range(b.hi.add(BigInteger.ONE), a.hi));
                }
            }
            current = next;
        }
        return new IntervalSet(current);
    }

    @Override
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public boolean containsValue(Object value) {
        BigInteger v = (BigInteger) value;
        return ranges.stream().anyMatch(r -> r.contains(v));
    }

    public BigInteger min() {
        return ranges.get(0).lo;
    }

    private static List<Range> normalize(List<Range> in) {
        List<Range> sorted = new ArrayList<>(in);
        sorted.sort(Comparator.comparing(Range::lo));
        List<Range> out = new ArrayList<>();
        for (Range r : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).hi.add(BigInteger.ONE).compareTo(r.lo) >= 0) {
                Range last = out.remove(out.size() - 1);
                out.add(new Range(last.lo, last.hi.max(r.hi)));
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }
}
