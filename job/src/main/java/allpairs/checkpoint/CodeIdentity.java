package allpairs.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What code computed a checkpoint's tiles, as hashes: a deploy between a killed run and its resume
 * (a new allpairs jar, a new plug-in kernel jar) makes another job. Each is computed once per JVM
 * (a loaded class's code does not change while it runs).
 */
final class CodeIdentity {
    /** A class's code: the SHA-256 of the jar it was loaded from, or of its own class file. */
    private static final ClassValue<String> CODE = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> c) {
            return hash(c, false);
        }
    };

    private CodeIdentity() {
    }

    /** This allpairs: its version and the hash of its jar (or, run from a build tree, of every file in it). */
    static String build() {
        return Build.ID;
    }

    /** The code of {@code c}: of its jar (so also of the helper classes beside it), else of its class file. */
    static String of(Class<?> c) {
        return CODE.get(c);
    }

    /** Lazily, on the first fingerprint. */
    private static final class Build {
        static final String ID = "allpairs " + version() + " " + hash(CodeIdentity.class, true);
    }

    private static String hash(Class<?> c, boolean wholeTree) {
        MessageDigest sha = Hashing.sha256();
        Path location = location(c);
        try {
            if (location != null && Files.isRegularFile(location)) {
                Hashing.stream(sha, Files.newInputStream(location));
                return "jar " + Hashing.hex(sha);
            }
            if (location != null && Files.isDirectory(location) && wholeTree) {
                tree(sha, location);
                return "classes " + Hashing.hex(sha);
            }
            InputStream own = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class");
            if (own == null) {
                return "unknown " + c.getName(); // no class file to read (generated): only its name is known
            }
            Hashing.stream(sha, own);
            return "class " + Hashing.hex(sha);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the code of " + c.getName() + " for the checkpoint", e);
        }
    }

    /** Every file's relative path, size and bytes, in a fixed order. */
    private static void tree(MessageDigest sha, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            Hashing.text(sha, root.relativize(f) + " " + Files.size(f)); // the size ends the bytes unambiguously
            Hashing.stream(sha, Files.newInputStream(f));
        }
    }

    /** The jar or directory a class was loaded from, when it is a local path. */
    private static Path location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String version() {
        try (InputStream in = CodeIdentity.class.getResourceAsStream("/allpairs/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
