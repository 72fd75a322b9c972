package allpairs.io;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.UserError;
import allpairs.support.TestFs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** --overwrite killed during its commit: the next run keeps a complete output (issue 13, item 10). */
class InterruptedOverwriteTest {

    /** What the commit of release 0.1 left when killed between its two renames. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void theOldLayoutsStateBetweenTheRenamesKeepsTheOldOutput(TestFs t) throws IOException {
        t.write(".m.npy.allpairs-old-run1", "old complete");
        t.write(".m.npy.allpairs-tmp-run1", "new, complete or not");
        try {
            AtomicOutput.begin(t.fs(), t.path("m.npy"), true).abort();
        } catch (UserError e) {
            // the restored output carries no marker of this release, so --overwrite may refuse it
        }
        assertThat(t.read("m.npy")).isEqualTo("old complete");
        assertThat(t.exists(".m.npy.allpairs-tmp-run1")).isFalse();
    }

    /**
     * The real commit killed after each of its moves (a hook stops it there, as SIGKILL would; the
     * OS then drops its lock): the next run finds a complete output, and it is the new one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void aCommitKilledAfterAnyMoveIsFinishedByTheNextRun(TestFs t) throws IOException {
        for (int kill = 0; kill < 8; kill++) {
            String name = "m" + kill + ".npy";
            OutputOwnershipTest.writeOutput(t, name, false, "old", new String[] {"o1", "o2"});
            AtomicOutput out = AtomicOutput.begin(t.fs(), t.path(name), true);
            try (OutputStream os = t.fs().create(out.temp(), false)) {
                os.write("new".getBytes(StandardCharsets.UTF_8));
            }
            Sidecars.stage(out, Sidecars.ids(out.target()), new String[] {"n1"});
            Sidecars.stage(out, Sidecars.refIds(out.target()), new String[] {"r1"});
            OutputCommit.killAfterMoves = kill;
            try {
                out.commit();
            } catch (OutputCommit.SimulatedKill e) {
                // the process ends here
            } finally {
                OutputCommit.killAfterMoves = Integer.MAX_VALUE;
            }
            AtomicOutput.begin(t.fs(), t.path(name), true).abort(); // the next run: recovery only
            assertThat(t.read(name)).as("after a kill at move %d", kill).isEqualTo("new");
            assertThat(t.read(name + ".ids.txt")).isEqualTo("n1\n");
            assertThat(t.read(name + ".ref_ids.txt")).isEqualTo("r1\n");
            assertThat(OutputMarker.read(t.fs(), t.path(name))).isNotNull();
            assertThat(t.names()).noneMatch(n -> n.startsWith("." + name + ".allpairs-"));
        }
    }

    /** Killed while the job still wrote (no journal yet): the previous output stays, the temporary goes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void aRunKilledBeforeItsCommitLeavesThePreviousOutput(TestFs t) throws IOException {
        OutputOwnershipTest.writeOutput(t, "m.npy", false, "old", new String[] {"o1"});
        t.write(".m.npy.allpairs-tmp-run7/m.npy", "half"); // what a run killed while writing leaves
        t.write(".m.npy.allpairs-tmp-run7/m.npy.ids.txt", "o1\n");
        AtomicOutput.begin(t.fs(), t.path("m.npy"), true).abort();
        assertThat(t.read("m.npy")).isEqualTo("old");
        assertThat(t.read("m.npy.ids.txt")).isEqualTo("o1\n");
        assertThat(t.names()).containsExactlyInAnyOrder("m.npy", "m.npy.ids.txt", "m.npy.allpairs.json");
    }

    /** A previous output moved aside whose replacement never arrived goes back into place. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void aPreviousOutputLeftAsideGoesBackIntoPlace(TestFs t) throws IOException {
        OutputOwnershipTest.writeOutput(t, "m.npy", false, "old", new String[] {"o1"});
        String aside = ".m.npy.allpairs-old-run9";
        t.fs().mkdirs(t.path(aside));
        for (String item : new String[] {"m.npy.ids.txt", "m.npy", "m.npy.allpairs.json"}) {
            t.fs().rename(t.path(item), t.path(aside + "/" + item));
        }
        AtomicOutput.begin(t.fs(), t.path("m.npy"), true).abort();
        assertThat(t.read("m.npy")).isEqualTo("old");
        assertThat(t.read("m.npy.ids.txt")).isEqualTo("o1\n");
        assertThat(t.names()).containsExactlyInAnyOrder("m.npy", "m.npy.ids.txt", "m.npy.allpairs.json");
    }
}
