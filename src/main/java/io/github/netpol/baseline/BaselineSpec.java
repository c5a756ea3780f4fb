package io.github.netpol.baseline;

/**
 * What {@code netpol.baseline} asks for: {@code auto}, {@code release}, {@code release:<version>},
 * {@code git:<ref>} ({@code git:tag} for the newest tag before HEAD), {@code dir:<path>} or {@code none}.
 */
public sealed interface BaselineSpec {

    String FORMS = "auto, release, release:<version>, git:<ref>, git:tag, dir:<path> or none";

    /** The previous Maven release's bundle, else the newest git tag before HEAD, else none. */
    record Auto() implements BaselineSpec {
        @Override
        public String toString() {
            return "auto";
        }
    }

    /** A released version's bundle; {@code version == null} means the newest release below the current version. */
    record Release(String version) implements BaselineSpec {
        @Override
        public String toString() {
            return version == null ? "release" : "release:" + version;
        }
    }

    /** A git ref of the repository holding the project; {@code tag} means the newest tag before HEAD. */
    record Git(String ref) implements BaselineSpec {
        public boolean newestTag() {
            return "tag".equals(ref);
        }

        @Override
        public String toString() {
            return "git:" + ref;
        }
    }

    /** A directory of manifests, read recursively. */
    record Dir(String path) implements BaselineSpec {
        @Override
        public String toString() {
            return "dir:" + path;
        }
    }

    /** No comparison. */
    record None() implements BaselineSpec {
        @Override
        public String toString() {
            return "none";
        }
    }

    static BaselineSpec parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equals("auto")) {
            return new Auto();
        }
        if (t.equals("none")) {
            return new None();
        }
        if (t.equals("release")) {
            return new Release(null);
        }
        int colon = t.indexOf(':');
        String head = colon < 0 ? t : t.substring(0, colon);
        String tail = colon < 0 ? "" : t.substring(colon + 1).trim();
        if (!tail.isEmpty()) {
            switch (head) {
                case "release":
                    return new Release(tail);
                case "git":
                    return new Git(tail);
                case "dir":
                    return new Dir(tail);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a baseline; use " + FORMS);
    }
}
