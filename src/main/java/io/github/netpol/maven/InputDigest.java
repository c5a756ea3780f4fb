package io.github.netpol.maven;

import io.github.netpol.load.SourceFile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over everything a goal's result depends on: the plugin version, the goal's effective
 * configuration, and the bytes of every input file. Each part is written with its length, so no two
 * different inputs can produce the same byte stream (a path ending where content begins, say).
 */
public final class InputDigest {

    private final MessageDigest sha;

    private InputDigest(String goal, String pluginVersion) {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        text("goal", goal);
        text("plugin", pluginVersion == null ? "unknown" : pluginVersion);
    }

    public static InputDigest of(String goal, String pluginVersion) {
        return new InputDigest(goal, pluginVersion);
    }

    /** The goal's settings; order does not matter, {@code null} and empty differ. */
    public InputDigest settings(Map<String, ?> settings) {
        Map<String, Object> sorted = new TreeMap<>(settings);
        part("settings", sorted.size());
        sorted.forEach((k, v) -> text(k, v == null ? null : String.valueOf(v)));
        return this;
    }

    /**
     * The goal's configuration as one value ({@link GoalSettings}), in a canonical text of every one of its
     * components: a parameter added to the value enters the digest with it.
     */
    public InputDigest settings(GoalSettings settings) {
        return text("settings", CanonicalText.of(settings));
    }

    /**
     * A named group of files, e.g. the sources or the baseline; their order is part of the input. Each file counts by
     * its path, length and own SHA-256, which the parse cache keys by too: each file is hashed once per build.
     */
    public InputDigest files(String group, List<SourceFile> files) {
        part(group, files.size());
        for (SourceFile f : files) {
            text("path", f.path());
            part("content", f.content().length);
            sha.update(f.sha256());
        }
        return this;
    }

    public InputDigest text(String name, String value) {
        part(name, value == null ? -1 : value.length());
        if (value != null) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** The digest in hexadecimal; the object must not be used afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    private void part(String name, int size) {
        bytes(name.getBytes(StandardCharsets.UTF_8));
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(size).array());
    }

    private void bytes(byte[] b) {
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(b.length).array());
        sha.update(b);
    }
}
