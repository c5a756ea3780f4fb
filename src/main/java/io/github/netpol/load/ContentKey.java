package io.github.netpol.load;

import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * File bytes as a map key, equal to another for the very same bytes: hashed by their CRC-32, which is native code
 * and so cheap even before the JIT has compiled anything, then compared byte for byte. The bytes must not change
 * while the key is in use.
 */
record ContentKey(byte[] bytes, int crc) {

    ContentKey(byte[] bytes) {
        this(bytes, crc(bytes));
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentKey other && crc == other.crc && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return crc;
    }

    @Override
    public String toString() {
        return "ContentKey[" + bytes.length + " bytes, crc " + Integer.toHexString(crc) + "]";
    }
}
