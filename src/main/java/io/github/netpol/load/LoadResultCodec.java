package io.github.netpol.load;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes loaded documents (trees and positions) to a compact binary form and reads them back equal, so that an
 * input that never changes (a released baseline) is parsed by SnakeYAML once. Each string and each key or pointer
 * table is written once and referred to by number after that, which also gives the trees read back the same sharing
 * a load gives them. Only a load without problems is written: a cached entry stands for a clean parse, nothing else.
 * <p>
 * The documents of one file are written together, their trees first and then their positions as one block of bytes
 * of its own numbering. Reading decodes the trees and keeps the block as it is until a position of one of those
 * documents is asked for: a build that reads a file from a cache needs the positions only of the nodes its findings
 * name, and they are more than half of an entry. Reading trusts nothing: any unexpected tag, count or reference in a
 * tree or a block's framing throws {@link IOException}, and a block that does not decode when it is first used throws
 * {@link IllegalStateException} (it passed its entry's seal, so only a different writer can have made it).
 */
public final class LoadResultCodec {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte BIG = 4;
    private static final byte DOUBLE = 5;
    private static final byte TRUE = 6;
    private static final byte FALSE = 7;
    private static final byte LIST = 8;
    private static final byte MAP = 9;
    /** No manifest nests deeper than the loader's limit; a deeper stream is not one this class wrote. */
    private static final int MAX_DEPTH = YamlLimits.MAX_NESTING + 8;
    private static final int NEW = -1;

    private LoadResultCodec() {
    }

    /** @throws IllegalArgumentException when the load had problems or holds a value of another type than a load makes */
    public static void write(LoadResult loaded, DataOutputStream out) throws IOException {
        if (!loaded.problems().isEmpty()) {
            throw new IllegalArgumentException("only a load without problems is written");
        }
        List<List<RawDocument>> files = byFile(loaded.documents());
        Writer w = new Writer(out);
        out.writeInt(files.size());
        for (List<RawDocument> file : files) {
            out.writeInt(file.size());
            for (RawDocument d : file) {
                w.string(d.file());
                out.writeInt(d.index());
                w.value(d.tree(), 0);
                w.string(d.positions().file());
            }
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            DataOutputStream blockOut = new DataOutputStream(block);
            Writer bw = new Writer(blockOut);
            for (RawDocument d : file) {
                NodePositions.Table t = d.positions().table();
                bw.table(t.pointers());
                for (int lineOrColumn : t.lineColumns()) {
                    blockOut.writeInt(lineOrColumn);
                }
            }
            blockOut.flush();
            out.writeInt(block.size());
            block.writeTo(out);
        }
    }

    /** The documents in runs of the same file, in their order. */
    private static List<List<RawDocument>> byFile(List<RawDocument> documents) {
        List<List<RawDocument>> out = new ArrayList<>();
        for (RawDocument d : documents) {
            if (out.isEmpty() || !out.get(out.size() - 1).get(0).file().equals(d.file())) {
                out.add(new ArrayList<>());
            }
            out.get(out.size() - 1).add(d);
        }
        return out;
    }

    public static LoadResult read(DataInputStream in) throws IOException {
        Reader r = new Reader(in);
        int files = r.count();
        List<RawDocument> documents = new ArrayList<>(Math.min(files, 1 << 16));
        for (int f = 0; f < files; f++) {
            int count = r.count();
            if (count == 0) {
                throw new IOException("a file of no documents");
            }
            List<Tree> trees = new ArrayList<>(Math.min(count, 1 << 16));
            for (int d = 0; d < count; d++) {
                String file = r.string();
                int index = in.readInt();
                Object tree = r.value(0);
                String positionsFile = r.string();
                if (file == null || positionsFile == null || index < 0 || tree == null) {
                    throw new IOException("malformed document " + d);
                }
                trees.add(new Tree(file, index, tree, positionsFile));
            }
            byte[] bytes = BoundedReads.exactly(in, r.count(), "positions");
            PositionBlock block = new PositionBlock(bytes, count);
            for (int d = 0; d < count; d++) {
                Tree t = trees.get(d);
                documents.add(new RawDocument(t.file(), t.index(), t.tree(),
                        new NodePositions(t.positionsFile(), new PositionBlock.Document(block, d))));
            }
        }
        return new LoadResult(documents, List.of());
    }

    /** A document read up to its positions. */
    private record Tree(String file, int index, Object tree, String positionsFile) {
    }

    /** The positions of the documents of one file, decoded when one of them is first asked for. Thread-safe. */
    private static final class PositionBlock {
        private final NodePositions.Table[] tables;
        /** Null once decoded. */
        private byte[] bytes;

        /** One document's positions in a block. */
        record Document(PositionBlock block, int index) implements NodePositions.Source {
            @Override
            public NodePositions.Table table(String file) {
                return block.table(index, file);
            }
        }

        PositionBlock(byte[] bytes, int documents) {
            this.bytes = bytes;
            this.tables = new NodePositions.Table[documents];
        }

        synchronized NodePositions.Table table(int document, String file) {
            if (bytes != null) {
                decode(file);
                bytes = null;
            }
            return tables[document];
        }

        private void decode(String file) {
            try {
                DataInputStream in = SealedFiles.reader(bytes, bytes.length);
                Reader r = new Reader(in);
                for (int d = 0; d < tables.length; d++) {
                    StringTable pointers = r.table();
                    int[] lineColumns = new int[2 * pointers.size()];
                    for (int i = 0; i < lineColumns.length; i++) {
                        lineColumns[i] = in.readInt();
                    }
                    tables[d] = new NodePositions.Table(pointers, lineColumns);
                }
                if (in.read() != -1) {
                    throw new IOException("bytes after the positions");
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(file + ": the source positions of its kept parse cannot be read ("
                        + e.getMessage() + "); delete the plugin's caches (.cache/netpol-maven-plugin/ in the local"
                        + " Maven repository, target/netpol/bundle-cache/ and a release bundle's .netpol-cache file"
                        + " beside it; README, \"Incremental builds and speed\") and build again.", e);
            }
        }
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();
        private final Map<StringTable, Integer> tables = new IdentityHashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(-2);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            strings.put(s, strings.size());
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(NEW);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        void table(StringTable table) throws IOException {
            Integer known = tables.get(table);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            tables.put(table, tables.size());
            out.writeInt(NEW);
            out.writeInt(table.size());
            for (int i = 0; i < table.size(); i++) {
                string(table.get(i));
            }
        }

        void value(Object v, int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
            }
            if (v == null) {
                out.writeByte(NULL);
            } else if (v instanceof String s) {
                out.writeByte(STRING);
                string(s);
            } else if (v instanceof Integer i) {
                out.writeByte(INT);
                out.writeInt(i);
            } else if (v instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (v instanceof BigInteger b) {
                out.writeByte(BIG);
                string(b.toString());
            } else if (v instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else if (v instanceof Boolean b) {
                out.writeByte(b ? TRUE : FALSE);
            } else if (v instanceof CompactMap m) {
                out.writeByte(MAP);
                table(m.keys());
                for (int i = 0; i < m.size(); i++) {
                    value(m.valueAt(i), depth + 1);
                }
            } else if (v instanceof List<?> list) {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object item : list) {
                    value(item, depth + 1);
                }
            } else {
                throw new IllegalArgumentException("a loaded tree holds no " + v.getClass().getName());
            }
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();
        private final List<StringTable> tables = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        int count() throws IOException {
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("negative count " + n);
            }
            return n;
        }

        String string() throws IOException {
            int ref = in.readInt();
            if (ref == -2) {
                return null;
            }
            if (ref != NEW) {
                if (ref < 0 || ref >= strings.size()) {
                    throw new IOException("string reference " + ref + " out of range");
                }
                return strings.get(ref);
            }
            String s = new String(BoundedReads.exactly(in, count(), "string"), StandardCharsets.UTF_8);
            strings.add(s);
            return s;
        }

        StringTable table() throws IOException {
            int ref = in.readInt();
            if (ref != NEW) {
                if (ref < 0 || ref >= tables.size()) {
                    throw new IOException("table reference " + ref + " out of range");
                }
                return tables.get(ref);
            }
            int size = count();
            List<String> items = new ArrayList<>(Math.min(size, 1 << 16));
            for (int i = 0; i < size; i++) {
                String s = string();
                if (s == null) {
                    throw new IOException("null in a table");
                }
                items.add(s);
            }
            StringTable table = new StringTable(items.toArray(String[]::new));
            tables.add(table);
            return table;
        }

        Object value(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new IOException("nested deeper than " + MAX_DEPTH);
            }
            byte tag = in.readByte();
            switch (tag) {
                case NULL:
                    return null;
                case STRING: {
                    String s = string();
                    if (s == null) {
                        throw new IOException("null string value");
                    }
                    return s;
                }
                case INT:
                    return in.readInt();
                case LONG:
                    return in.readLong();
                case BIG: {
                    String s = string();
                    try {
                        return new BigInteger(s);
                    } catch (NumberFormatException | NullPointerException e) {
                        throw new IOException("malformed integer", e);
                    }
                }
                case DOUBLE:
                    return in.readDouble();
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case LIST: {
                    int size = count();
                    List<Object> list = new ArrayList<>(Math.min(size, 1 << 16));
                    for (int i = 0; i < size; i++) {
                        list.add(value(depth + 1));
                    }
                    return list;
                }
                case MAP: {
                    StringTable keys = table();
                    Object[] values = new Object[keys.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = value(depth + 1);
                    }
                    return new CompactMap(keys, values);
                }
                default:
                    throw new IOException("unknown tag " + tag);
            }
        }
    }
}
