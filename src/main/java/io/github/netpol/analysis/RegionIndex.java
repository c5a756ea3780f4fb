package io.github.netpol.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Which cubes of a region can meet a given cube, without testing every one: the region's cubes by their value
 * on each dimension (a label value, a port or address range). A cube is disjoint from every cube that is not a
 * candidate on one of its dimensions, so a difference may skip those; the candidates come in the region's order,
 * which keeps the pieces of a difference exactly those of the pairwise scan.
 *
 * <p>Thread-safe: built once per region and then only read (per-dimension tables are added on first use).
 */
final class RegionIndex {

    /** Below this many cubes the pairwise scan is as cheap as the index. */
    static final int WORTH_IT = 16;

    private final List<Cube> cubes;
    private final Set<Cube> members;
    private final Map<Dim, DimTable> tables = new ConcurrentHashMap<>();

    RegionIndex(List<Cube> cubes) {
        this.cubes = cubes;
        this.members = new HashSet<>(cubes);
    }

    /**
     * The cubes that can meet {@code a}, in region order; {@code null} when the region holds {@code a} itself (then
     * {@code a} lies inside it and nothing else needs testing).
     */
    List<Cube> mayMeet(Cube a) {
        if (members.contains(a)) {
            return null;
        }
        DimTable best = null;
        DimSet bestSet = null;
        long bestCount = cubes.size();
        for (int i = 0; i < a.size(); i++) {
            DimTable table = tables.computeIfAbsent(a.dimAt(i), d -> DimTable.of(d, cubes));
            long count = table.count(a.setAt(i), bestCount);
            if (count < bestCount) {
                best = table;
                bestSet = a.setAt(i);
                bestCount = count;
            }
        }
        if (best == null) {
            return cubes;
        }
        int[] ids = best.candidates(bestSet);
        Arrays.sort(ids);
        List<Cube> out = new ArrayList<>(ids.length);
        int last = -1;
        for (int id : ids) {
            if (id != last) {
                out.add(cubes.get(id));
                last = id;
            }
        }
        return out;
    }

    /** The cubes of the region by their set on one dimension. */
    private sealed interface DimTable permits ValueTable, RangeTable {

        static DimTable of(Dim dim, List<Cube> cubes) {
            return dim.full() instanceof IntervalSet ? RangeTable.of(dim, cubes) : ValueTable.of(dim, cubes);
        }

        /** How many candidates (with repeats) {@link #candidates} would give, or at least {@code limit}. */
        long count(DimSet set, long limit);

        /** Every cube whose set on this dimension may meet {@code set}, by index, unordered, possibly repeated. */
        int[] candidates(DimSet set);
    }

    /**
     * Label, name and protocol dimensions: cubes by each value of a finite set, and by "absent"; cubes that leave
     * the dimension free or hold a cofinite set meet every set but the empty one and are always candidates.
     */
    private record ValueTable(Map<String, int[]> byValue, int[] absent, int[] wide) implements DimTable {

        static ValueTable of(Dim dim, List<Cube> cubes) {
            Map<String, List<Integer>> byValue = new HashMap<>();
            List<Integer> absent = new ArrayList<>();
            List<Integer> wide = new ArrayList<>();
            for (int i = 0; i < cubes.size(); i++) {
                DimSet set = cubes.get(i).constraint(dim);
                if (set == null || ((ValueSet) set).cofinite()) {
                    wide.add(i);
                    continue;
                }
                ValueSet v = (ValueSet) set;
                for (String value : v.values()) {
                    byValue.computeIfAbsent(value, k -> new ArrayList<>()).add(i);
                }
                if (v.absent()) {
                    absent.add(i);
                }
            }
            Map<String, int[]> table = new HashMap<>();
            byValue.forEach((k, ids) -> table.put(k, ints(ids)));
            return new ValueTable(table, ints(absent), ints(wide));
        }

        @Override
        public long count(DimSet set, long limit) {
            ValueSet v = (ValueSet) set;
            if (v.cofinite()) {
                return limit; // meets nearly everything: no use as a filter
            }
            long n = wide.length + (v.absent() ? absent.length : 0);
            for (String value : v.values()) {
                if (n >= limit) {
                    return n;
                }
                int[] ids = byValue.get(value);
                n += ids == null ? 0 : ids.length;
            }
            return n;
        }

        @Override
        public int[] candidates(DimSet set) {
            ValueSet v = (ValueSet) set;
            IntStream.Builder out = IntStream.builder();
            Arrays.stream(wide).forEach(out);
            if (v.absent()) {
                Arrays.stream(absent).forEach(out);
            }
            for (String value : v.values()) {
                int[] ids = byValue.get(value);
                if (ids != null) {
                    Arrays.stream(ids).forEach(out);
                }
            }
            return out.build().toArray();
        }
    }

    /**
     * Port and address dimensions: every range of every cube that constrains the dimension, sorted by start, as an
     * implicit balanced search tree whose nodes know the largest end below them (an interval tree); cubes that
     * leave the dimension free are always candidates.
     */
    private record RangeTable(BigInteger[] lo, BigInteger[] hi, int[] owner, BigInteger[] maxHi,
                              BigInteger[] sortedHi, int[] wide) implements DimTable {

        static RangeTable of(Dim dim, List<Cube> cubes) {
            List<Object[]> ranges = new ArrayList<>();
            List<Integer> wide = new ArrayList<>();
            for (int i = 0; i < cubes.size(); i++) {
                DimSet set = cubes.get(i).constraint(dim);
                if (set == null) {
                    wide.add(i);
                    continue;
                }
                for (IntervalSet.Range r : ((IntervalSet) set).ranges()) {
                    ranges.add(new Object[] {r.lo(), r.hi(), i});
                }
            }
            ranges.sort((x, y) -> ((BigInteger) x[0]).compareTo((BigInteger) y[0]));
            int n = ranges.size();
            BigInteger[] lo = new BigInteger[n];
            BigInteger[] hi = new BigInteger[n];
            int[] owner = new int[n];
            for (int i = 0; i < n; i++) {
                lo[i] = (BigInteger) ranges.get(i)[0];
                hi[i] = (BigInteger) ranges.get(i)[1];
                owner[i] = (Integer) ranges.get(i)[2];
            }
            BigInteger[] maxHi = new BigInteger[n];
            fillMaxHi(hi, maxHi, 0, n - 1);
            BigInteger[] sortedHi = hi.clone();
            Arrays.sort(sortedHi);
            return new RangeTable(lo, hi, owner, maxHi, sortedHi, ints(wide));
        }

        /** The node of {@code [l, r]} is its middle; it records the largest end in {@code [l, r]}. */
        private static BigInteger fillMaxHi(BigInteger[] hi, BigInteger[] maxHi, int l, int r) {
            if (l > r) {
                return null;
            }
            int mid = (l + r) >>> 1;
            BigInteger max = hi[mid];
            BigInteger left = fillMaxHi(hi, maxHi, l, mid - 1);
            BigInteger right = fillMaxHi(hi, maxHi, mid + 1, r);
            if (left != null && left.compareTo(max) > 0) {
                max = left;
            }
            if (right != null && right.compareTo(max) > 0) {
                max = right;
            }
            maxHi[mid] = max;
            return max;
        }

        @Override
        public long count(DimSet set, long limit) {
            long n = wide.length;
            for (IntervalSet.Range r : ((IntervalSet) set).ranges()) {
                // the ranges that start at or before r ends, less those that end before r starts (they start before too)
                n += upperBound(lo, r.hi()) - lowerBound(sortedHi, r.lo());
                if (n >= limit) {
                    return n;
                }
            }
            return n;
        }

        @Override
        public int[] candidates(DimSet set) {
            IntStream.Builder out = IntStream.builder();
            Arrays.stream(wide).forEach(out);
            for (IntervalSet.Range r : ((IntervalSet) set).ranges()) {
                overlapping(0, lo.length - 1, r.lo(), r.hi(), out);
            }
            return out.build().toArray();
        }

        private void overlapping(int l, int r, BigInteger from, BigInteger to, IntStream.Builder out) {
            if (l > r) {
                return;
            }
            int mid = (l + r) >>> 1;
            if (maxHi[mid].compareTo(from) < 0) {
                return; // everything below ends before the query starts
            }
            overlapping(l, mid - 1, from, to, out);
            if (lo[mid].compareTo(to) <= 0) {
                if (hi[mid].compareTo(from) >= 0) {
                    out.add(owner[mid]);
                }
                overlapping(mid + 1, r, from, to, out); // the right half starts later: only worth it if this one did not pass the end
            }
        }

        /** How many of the sorted values are at most {@code v}. */
        private static int upperBound(BigInteger[] sorted, BigInteger v) {
            int l = 0;
            int r = sorted.length;
            while (l < r) {
                int m = (l + r) >>> 1;
                if (sorted[m].compareTo(v) <= 0) {
                    l = m + 1;
                } else {
                    r = m;
                }
            }
            return l;
        }

        /** How many of the sorted values are below {@code v}. */
        private static int lowerBound(BigInteger[] sorted, BigInteger v) {
            int l = 0;
            int r = sorted.length;
            while (l < r) {
                int m = (l + r) >>> 1;
                if (sorted[m].compareTo(v) < 0) {
                    l = m + 1;
                } else {
                    r = m;
                }
            }
            return l;
        }
    }

    private static int[] ints(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }
}
