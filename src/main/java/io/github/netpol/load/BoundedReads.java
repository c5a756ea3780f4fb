package io.github.netpol.load;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * Reads a run of bytes whose length a file states, from the files this plugin writes and reads back (cache entries,
 * a forked check's request): a length the stream does not hold is an error, and nothing larger than what the stream
 * holds is ever allocated, whatever the stated length.
 */
public final class BoundedReads {

    private BoundedReads() {
    }

    /** Exactly {@code length} bytes; {@code what} names them in the error. */
    public static byte[] exactly(DataInputStream in, int length, String what) throws IOException {
        if (length < 0) {
            throw new IOException(what + ": a negative length");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException(what + " cut short");
        }
        return bytes;
    }

    /** An int length, then that many bytes. */
    public static byte[] sized(DataInputStream in, String what) throws IOException {
        return exactly(in, in.readInt(), what);
    }
}
