package io.github.netpol.diff;

import java.util.Optional;

/** The kinds of finding that comparing two versions produces, with what each means for the gate. */
public enum ChangeKind {
    WIDENED_INGRESS(Category.WIDENING),
    WIDENED_EGRESS(Category.WIDENING),
    WIDENED_CONNECTION(Category.WIDENING),
    ISOLATION_DROPPED(Category.ISOLATION),
    NARROWED_INGRESS(Category.NARROWING),
    NARROWED_EGRESS(Category.NARROWING),
    NARROWED_CONNECTION(Category.NARROWING),
    ISOLATION_ADDED(Category.NARROWING),
    UNSUPPORTED_POLICY_KIND(Category.UNSUPPORTED);

    /** What a kind of change does to access. */
    public enum Category { WIDENING, ISOLATION, NARROWING, UNSUPPORTED }

    private final Category category;

    ChangeKind(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /**
     * A finding about one object rather than a change between versions (a policy kind that is not analysed):
     * accepting it accepts that object as reviewed, so the acceptance carries the object's digest and an expiry.
     */
    public boolean aboutOneObject() {
        return category == Category.UNSUPPORTED;
    }

    public static Optional<ChangeKind> of(String kind) {
        for (ChangeKind k : values()) {
            if (k.name().equals(kind)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
