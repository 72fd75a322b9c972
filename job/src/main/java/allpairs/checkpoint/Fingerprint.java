package allpairs.checkpoint;

import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 over what decides a tile's values, in named parts, so a refused resume can say which part
 * differs: the code (the allpairs build, the kernel's code), the configured kernel (name, element
 * type, mirroring; its serialized form: every field, so also what a parameter named, such as a
 * substitution matrix file's scores; not its toString, which may be Object's, with an identity
 * hash), the rows as they were parsed (data, row lengths, element type; never the input path read
 * again later, which may hold other bytes by then) with their format, the --against rows, and the
 * bound an output option gives the kernel, and what a tile file holds (values, or the edges that
 * --keep or --top-k select: then every option that selects them). Ids do not change a value and
 * are not hashed.
 */
public final class Fingerprint {
    /** Changes whenever what is hashed, or a tile file's layout, changes: old checkpoints are then another job. */
    static final String VERSION = "allpairs-checkpoint-4";
    static final String BUILD = "build";
    static final String KERNEL = "kernel";
    static final String KERNEL_CODE = "kernel-code";
    /** Parts that, when they differ, explain the others (another build serializes, hashes differently). */
    private static final List<String> DECISIVE = List.of(BUILD, KERNEL, KERNEL_CODE);

    /** One part: its hash, and what a refusal says when it differs. */
    public record Part(String hash, String differs) {
    }

    private final Map<String, Part> parts;
    private final String digest;

    private Fingerprint(Map<String, Part> parts) {
        this.parts = parts;
        MessageDigest sha = Hashing.sha256();
        Hashing.text(sha, VERSION);
        parts.forEach((key, part) -> {
            Hashing.text(sha, key);
            Hashing.text(sha, part.hash());
        });
        this.digest = Hashing.hex(sha);
    }

    /** The whole job's hash (what a tile's checksum is bound to). */
    public String digest() {
        return digest;
    }

    /** Each part's hash by name, as a manifest stores them. */
    public Map<String, String> hashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        parts.forEach((key, part) -> hashes.put(key, part.hash()));
        return hashes;
    }

    /**
     * What differs from a stored job's parts, said for a refusal: the first decisive part that differs
     * alone, else every part that differs; empty when the parts agree.
     */
    public List<String> differences(Map<String, String> stored) {
        List<String> differ = new ArrayList<>();
        parts.forEach((key, part) -> {
            if (!part.hash().equals(stored.get(key))) {
                differ.add(key);
            }
        });
        for (String decisive : DECISIVE) {
            if (differ.contains(decisive)) {
                return List.of(parts.get(decisive).differs());
            }
        }
        return differ.stream().map(key -> parts.get(key).differs()).toList();
    }

    /** The code and the configured kernel, to which {@link Builder#rows} and {@link Builder#text} add the rest. */
    public static Builder of(Kernel<?> kernel, String params) {
        Builder b = new Builder();
        b.put(BUILD, CodeIdentity.build(), "allpairs build differs (the checkpoint was written by another allpairs"
                + " version or build)");
        b.put(KERNEL, kernel.name() + " " + kernel.elementType().name(), "the kernel differs (--kernel)");
        b.put(KERNEL_CODE, CodeIdentity.of(kernel.getClass()), "the kernel's code changed since the checkpoint was"
                + " written");
        MessageDigest sha = Hashing.sha256();
        sha.update(Hashing.serialized(kernel));
        Hashing.text(sha, params);
        b.put("kernel-params", Hashing.hex(sha), "the kernel's parameters differ (--kernel-param)");
        return b;
    }

    /** Adds the parts of a job, in a fixed order. */
    public static final class Builder {
        private final Map<String, Part> parts = new LinkedHashMap<>();

        private Builder() {
        }

        /** Rows as parsed (null: none, say no --against), with settings that change how they are read. */
        public Builder rows(String key, Rows rows, String settings, String differs) {
            MessageDigest sha = Hashing.sha256();
            Hashing.text(sha, settings);
            if (rows != null) {
                Hashing.rows(sha, rows);
            }
            return put(key, Hashing.hex(sha), differs);
        }

        /** A setting that changes values, as text. */
        public Builder text(String key, String value, String differs) {
            MessageDigest sha = Hashing.sha256();
            Hashing.text(sha, value);
            return put(key, Hashing.hex(sha), differs);
        }

        private Builder put(String key, String hash, String differs) {
            if (parts.putIfAbsent(key, new Part(hash, differs)) != null) {
                throw new IllegalArgumentException("part " + key + " given twice");
            }
            return this;
        }

        public Fingerprint build() {
            return new Fingerprint(new LinkedHashMap<>(parts));
        }
    }
}
