package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A place the run cannot write (a checkpoint that is a file, an output or side file under a file, a
 * read-only directory) is one line and exit 2 before any work, not a stack trace and exit 1 (issue
 * 25, items 6 and 7). Without a Spark master: only a refusal before Spark gives these messages.
 */
class PathProblemsTest {
    @TempDir
    Path dir;

    private Cli run(String... options) {
        List<String> args = new ArrayList<>(List.of("--kernel", "seed", "--input", Fixtures.input(16, 8).toString()));
        args.addAll(List.of(options));
        return Cli.runWithoutSpark(args.toArray(String[]::new));
    }

    @Test
    void aCheckpointThatIsARegularFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("ck"), "mine");
        Cli r = run("--output", dir.resolve("r.npy").toString(), "--checkpoint", file.toString());
        BadInputTest.assertUserError(r, "the checkpoint is a file, not a directory", file.toString());
        assertThat(names()).containsExactly("ck");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aCheckpointUnderAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "mine");
        Cli r = run("--output", dir.resolve("r.npy").toString(), "--checkpoint", file.resolve("ck").toString());
        BadInputTest.assertUserError(r, "is a file, not a directory", file.toString());
        assertThat(names()).containsExactly("f");
    }

    @Test
    void anOutputUnderAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "mine");
        Cli r = run("--output", file.resolve("sub").resolve("r.npy").toString());
        BadInputTest.assertUserError(r, "is a file, not a directory", file.toString());
        assertThat(names()).containsExactly("f");
    }

    /** A missing directory is created when its file is written: refused only when it could not be. */
    @Test
    void aSidePathInAMissingDirectoryUnderAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "mine");
        Cli r = run("--output", dir.resolve("r.npy").toString(), "--summary-json",
                file.resolve("a").resolve("b").resolve("s.json").toString());
        BadInputTest.assertUserError(r, "--summary-json", file.toString());
        assertThat(names()).containsExactly("f");
    }

    /**
     * Read-only directories: root may write them anyway (the kernel's permission check passes), so for
     * root this test is skipped by assumption: the cases above (a file where a directory must be) are
     * the root-proof ones.
     */
    @Test
    void readOnlyDirectoriesAreRefused() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "running as root: a read-only directory is writable");
            String out = dir.resolve("r.npy").toString();
            BadInputTest.assertUserError(run("--output", locked.resolve("r.npy").toString()), "not writable",
                    locked.toString());
            BadInputTest.assertUserError(run("--output", out, "--checkpoint", locked.toString()), "not writable",
                    locked.toString());
            BadInputTest.assertUserError(run("--output", out, "--checkpoint", locked.resolve("ck").toString()),
                    "not writable", locked.toString());
            BadInputTest.assertUserError(run("--output", out, "--preview", locked.resolve("p.png").toString()),
                    "not writable", locked.toString());
            assertThat(names()).containsExactly("locked");
            assertThat(locked.toFile().list()).isEmpty();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
