package allpairs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.support.TestFs;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The summary file: checked before the run, replaced whole (issue 13, item 11). */
class AtomicFileTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void replacesThePreviousFileAndLeavesNoTemporary(TestFs t) throws IOException {
        Configuration conf = t.fs().getConf();
        String at = t.path("reports/s.json").toString();
        AtomicFile.checkTarget(at, conf, "--summary-json");
        AtomicFile.write(at, "{\"day\":1}\n", conf);
        AtomicFile.write(at, "{\"day\":2}\n", conf);
        assertThat(t.read("reports/s.json")).isEqualTo("{\"day\":2}\n");
        assertThat(t.fs().listStatus(t.path("reports"))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void refusesADirectoryOrAPathUnderAFile(TestFs t) throws IOException {
        Configuration conf = t.fs().getConf();
        t.fs().mkdirs(t.path("d"));
        t.write("f", "x");
        assertThatThrownBy(() -> AtomicFile.checkTarget(t.path("d").toString(), conf, "--summary-json"))
                .isInstanceOf(UserError.class).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> AtomicFile.checkTarget(t.path("f/s.json").toString(), conf, "--summary-json"))
                .isInstanceOf(UserError.class).hasMessageContaining("is a file, not a directory");
    }
}
