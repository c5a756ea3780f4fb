package io.github.netpol.load;

import org.yaml.snakeyaml.error.Mark;

import java.util.Arrays;

/**
 * The source map of one document as it is read: pointer {@code i} starts at line {@code lineColumns[2i]}, column
 * {@code lineColumns[2i + 1]} (1-based), recorded in document order by both readers of a document
 * ({@link EventTreeReader} and {@link NodeTreeConverter}). Every pointer is recorded once: by the root, by a list
 * item where the item starts, by a map entry where its key starts (a duplicate key is not recorded).
 */
final class PositionRecorder {

    private String[] pointers = new String[64];
    private int[] lineColumns = new int[128];
    private int recorded;

    void record(String pointer, Mark mark) {
        if (recorded == pointers.length) {
            pointers = Arrays.copyOf(pointers, 2 * recorded);
            lineColumns = Arrays.copyOf(lineColumns, 4 * recorded);
        }
        pointers[recorded] = pointer;
        lineColumns[2 * recorded] = mark.getLine() + 1;
        lineColumns[2 * recorded + 1] = mark.getColumn() + 1;
        recorded++;
    }

    /** The positions recorded, with their pointers as one table of the load's interner. */
    NodePositions positions(String file, Interner interner) {
        return new NodePositions(file, interner.table(Arrays.copyOf(pointers, recorded)),
                Arrays.copyOf(lineColumns, 2 * recorded));
    }
}
