package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad --summary-json path is refused before any work (issue 13, item 11). */
class SummaryJsonTest {
    @TempDir
    Path dir;

    @Test
    void aSummaryPathUnderAFileIsRefusedBeforeAnyWork() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Cli r = Cli.runWithoutSpark("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output",
                dir.resolve("m.npy").toString(), "--summary-json", file.resolve("s.json").toString());
        BadInputTest.assertUserError(r, "--summary-json", file.toString());
        assertThat(dir.toFile().list()).containsExactly("not-a-dir");
    }

    @Test
    void aSummaryPathThatIsADirectoryIsRefusedBeforeAnyWork() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("reports"));
        Cli r = Cli.runWithoutSpark("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output",
                dir.resolve("m.npy").toString(), "--summary-json", sub.toString());
        BadInputTest.assertUserError(r, "is a directory", sub.toString());
        assertThat(dir.toFile().list()).containsExactly("reports");
    }
}
