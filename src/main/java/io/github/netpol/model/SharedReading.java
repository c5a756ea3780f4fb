package io.github.netpol.model;

import io.github.netpol.load.ParsedFiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * What the two versions of one comparison share while they are read and validated, each on a core of its own.
 * <ul>
 *   <li>The parse of each file content ({@link ParsedFiles}): both versions get the very same tree for the same
 *   bytes.</li>
 *   <li>The documents read from such a tree: a document one version read without a problem is taken by the other,
 *   moved to its own file ({@link ReadDocument#at}), instead of being walked against the schema and converted again.
 *   What reading a document gives depends on its tree and the default namespace alone (the origin only says where
 *   it is), and the fabric8 objects built from it are never changed afterwards, so the versions may hold the same
 *   ones. Each result is taken once and never by the version that read it: two files of the same content in one
 *   version keep objects of their own, as without sharing.</li>
 *   <li>The API server's checks that found nothing in such an object: a check reads the object and where its fields
 *   were written, both the same content, so it finds nothing in the other version's either. A check that found
 *   something runs again, since its findings name their file.</li>
 * </ul>
 * The current version goes through its documents and objects {@link #current() front to back}, the baseline
 * {@link #baseline() back to front}, so that they work on different ones until they meet and each takes the rest
 * from the other. Each version's set and findings, in their order, are what it would get alone. Thread-safe.
 */
public final class SharedReading {

    private final ParsedFiles parsed;
    private final ConcurrentMap<Tree, Kept> documents = new ConcurrentHashMap<>();
    private final ConcurrentMap<Checked, Side> clean = new ConcurrentHashMap<>();
    private final Side current;
    private final Side baseline;

    /** @param parsed the clean parses of this run, or null */
    public SharedReading(ParsedFiles parsed) {
        this.parsed = parsed;
        // the sides read the parses from here: made after them
        this.current = new Side(this, false);
        this.baseline = new Side(this, true);
    }

    public Side current() {
        return current;
    }

    public Side baseline() {
        return baseline;
    }

    /** One version's part: the order it goes in, and what it takes from and offers to the other. */
    public static final class Side {
        private final SharedReading shared;
        private final ParsedFiles parsed;
        private final boolean backward;

        private Side(SharedReading shared, boolean backward) {
            this.shared = shared;
            this.parsed = shared.parsed;
            this.backward = backward;
        }

        private Side(ParsedFiles parsed) {
            this.shared = null;
            this.parsed = parsed;
            this.backward = false;
        }

        /** A read that shares only the parses ({@code parsed}, or nothing when null), front to back. */
        public static Side parsesOnly(ParsedFiles parsed) {
            return new Side(parsed);
        }

        /** The clean parses this read takes files of the same content from, or null. */
        public ParsedFiles parsed() {
            return parsed;
        }

        /**
         * {@code work} applied to each item, in this side's order (the baseline's last to first), with the results in
         * the items' order: what a side computes does not depend on the order it computes in.
         */
        public <T, R> List<R> inOrder(List<T> items, Function<T, R> work) {
            List<R> results = new ArrayList<>(Collections.nCopies(items.size(), null));
            for (int k = 0; k < items.size(); k++) {
                int i = backward ? items.size() - 1 - k : k;
                results.set(i, work.apply(items.get(i)));
            }
            return results;
        }

        /** What the other side read from this very tree, with the same default namespace, or null; taken once. */
        ReadDocument take(Object tree, String defaultNamespace) {
            if (shared == null) {
                return null;
            }
            Tree key = new Tree(tree);
            Kept k = shared.documents.get(key);
            return k != null && k.by != this && Objects.equals(k.defaultNamespace, defaultNamespace)
                    && shared.documents.remove(key, k) ? k.read : null;
        }

        /** Offers a document read without problems to the other side. */
        void keep(Object tree, String defaultNamespace, ReadDocument read) {
            if (shared != null && read.problems.isEmpty()) {
                shared.documents.putIfAbsent(new Tree(tree), new Kept(this, defaultNamespace, read));
            }
        }

        /**
         * Whether the other side ran {@code check} on this very object, at the same place inside its document
         * ({@code pointerPrefix}) and in the same namespace, and found nothing.
         */
        public boolean cleanElsewhere(String check, Object object, String pointerPrefix, String namespace) {
            if (shared == null) {
                return false;
            }
            Side by = shared.clean.get(new Checked(check, object, pointerPrefix, namespace));
            return by != null && by != this;
        }

        /** Records that {@code check} found nothing in the object. */
        public void foundNothing(String check, Object object, String pointerPrefix, String namespace) {
            if (shared != null) {
                shared.clean.putIfAbsent(new Checked(check, object, pointerPrefix, namespace), this);
            }
        }
    }

    /** A parsed tree, by identity: equal content parsed twice is two trees, and only the same parse is shared. */
    private record Tree(Object tree) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Tree t && t.tree == tree;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(tree);
        }
    }

    private record Kept(Side by, String defaultNamespace, ReadDocument read) {
    }

    /** A check of an object, by the object's identity. */
    private record Checked(String check, Object object, String pointerPrefix, String namespace) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Checked c && c.object == object && c.check.equals(check)
                    && c.pointerPrefix.equals(pointerPrefix) && Objects.equals(c.namespace, namespace);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object) * 31 + check.hashCode();
        }
    }
}
