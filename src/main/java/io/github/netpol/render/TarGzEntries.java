package io.github.netpol.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The regular files of a gzipped tar archive (a packaged Helm chart in {@code charts/}), read only to look for
 * hooks in its templates. ustar, GNU long names and pax paths are understood; anything larger than a chart can
 * be is refused.
 */
final class TarGzEntries {

    private static final int BLOCK = 512;
    private static final long MAX_TOTAL = 64L * 1024 * 1024;

    private TarGzEntries() {
    }

    /** File path to content, in archive order. */
    static Map<String, byte[]> read(Path archive) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            String longName = null;
            byte[] header = new byte[BLOCK];
            while (readFully(in, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                total += size;
                if (size < 0 || total > MAX_TOTAL) {
                    throw new IOException(archive + " is larger than a chart can be");
                }
                byte[] data = in.readNBytes((int) size);
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (type == 'x') {
                    String path = paxPath(new String(data, StandardCharsets.UTF_8));
                    longName = path != null ? path : longName;
                    continue;
                }
                String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                if (type == '0' || type == 0) {
                    out.put(path, data);
                }
            }
        }
        return out;
    }

    private static String paxPath(String records) {
        for (String line : records.split("\n")) {
            int eq = line.indexOf(" path=");
            if (eq >= 0) {
                return line.substring(eq + 6);
            }
        }
        return null;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        return n == buffer.length;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String s = text(header, offset, length).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
