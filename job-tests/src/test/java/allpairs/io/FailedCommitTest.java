package allpairs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.support.TestFs;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sidecars move with the matrix; a failed commit removes what it wrote and only that (issue 13, item 9). */
class FailedCommitTest {

    private static AtomicOutput staged(TestFs t) throws IOException {
        AtomicOutput out = AtomicOutput.begin(t.fs(), t.path("m.npy"), false);
        try (OutputStream os = t.fs().create(out.temp(), false)) {
            os.write("ours".getBytes());
        }
        Sidecars.stage(out, Sidecars.ids(out.target()), new String[] {"x", "y"});
        Sidecars.stage(out, Sidecars.refIds(out.target()), new String[] {"z"});
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void nothingIsVisibleBeforeTheCommit(TestFs t) throws IOException {
        AtomicOutput out = staged(t);
        assertThat(t.names()).allMatch(n -> n.startsWith(".m.npy.allpairs-"));
        out.commit();
        assertThat(t.read("m.npy")).isEqualTo("ours");
        assertThat(t.read("m.npy.ids.txt")).isEqualTo("x\ny\n");
        assertThat(t.read("m.npy.ref_ids.txt")).isEqualTo("z\n");
        assertThat(t.names()).noneMatch(n -> n.startsWith(".m.npy.allpairs-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void anOutputThatAppearedMeanwhileIsKeptAndOurFilesAreRemoved(TestFs t) throws IOException {
        AtomicOutput out = staged(t);
        t.write("m.npy", "theirs");
        assertThatThrownBy(out::commit).isInstanceOf(UserError.class).hasMessageContaining("appeared");
        out.abort();
        assertThat(t.read("m.npy")).isEqualTo("theirs");
        assertThat(t.names()).containsExactly("m.npy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void aSidecarThatAppearedMeanwhileIsKeptAndOurFilesAreRemoved(TestFs t) throws IOException {
        AtomicOutput out = staged(t);
        t.write("m.npy.ref_ids.txt", "theirs");
        assertThatThrownBy(out::commit).isInstanceOf(UserError.class)
                .hasMessageContaining(t.path("m.npy.ref_ids.txt").toString());
        out.abort();
        assertThat(t.read("m.npy.ref_ids.txt")).isEqualTo("theirs");
        assertThat(t.names()).containsExactly("m.npy.ref_ids.txt");
    }
}
