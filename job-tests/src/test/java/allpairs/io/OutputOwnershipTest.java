package allpairs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.support.TestFs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** --overwrite replaces only what allpairs wrote (issue 13, item 7); on the local file system and HDFS. */
class OutputOwnershipTest {

    /** A whole run's commit through the public entry points, as the job does it. */
    static void writeOutput(TestFs t, String name, boolean overwrite, String content, String[] ids) throws IOException {
        AtomicOutput out = AtomicOutput.begin(t.fs(), t.path(name), overwrite);
        try {
            try (OutputStream os = t.fs().create(out.temp(), false)) {
                os.write(content.getBytes(StandardCharsets.UTF_8));
            }
            Sidecars.stage(out, Sidecars.ids(out.target()), ids);
            out.commit();
        } finally {
            out.abort();
        }
    }

    static void writeDirectoryOutput(TestFs t, String name, boolean overwrite, String part) throws IOException {
        AtomicOutput out = AtomicOutput.begin(t.fs(), t.path(name), overwrite);
        try {
            try (OutputStream os = t.fs().create(new org.apache.hadoop.fs.Path(out.temp(), "part-0.parquet"), false)) {
                os.write(part.getBytes(StandardCharsets.UTF_8));
            }
            t.fs().create(new org.apache.hadoop.fs.Path(out.temp(), "_SUCCESS"), false).close();
            out.commit();
        } finally {
            out.abort();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void overwriteRefusesADirectoryOfTheUsersOwnFiles(TestFs t) throws IOException {
        t.write("out/thesis.tex", "years of work");
        assertThatThrownBy(() -> writeOutput(t, "out", true, "matrix", null))
                .isInstanceOf(UserError.class).hasMessageContaining("not written by allpairs")
                .hasMessageContaining(t.path("out").toString());
        assertThat(t.read("out/thesis.tex")).isEqualTo("years of work");
        assertThat(t.names()).containsExactly("out");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void overwriteRefusesAFileAllpairsDidNotWrite(TestFs t) throws IOException {
        t.write("m.npy", "someone's array");
        assertThatThrownBy(() -> writeOutput(t, "m.npy", true, "matrix", null))
                .isInstanceOf(UserError.class).hasMessageContaining("not written by allpairs");
        assertThat(t.read("m.npy")).isEqualTo("someone's array");
        assertThat(t.names()).containsExactly("m.npy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void overwriteReplacesAPreviousAllpairsFileAndItsSidecars(TestFs t) throws IOException {
        writeOutput(t, "m.npy", false, "first", new String[] {"a", "b"});
        assertThat(t.read("m.npy.ids.txt")).isEqualTo("a\nb\n");
        writeOutput(t, "m.npy", true, "second", null);
        assertThat(t.read("m.npy")).isEqualTo("second");
        assertThat(t.exists("m.npy.ids.txt")).as("the old run's ids do not describe the new matrix").isFalse();
        writeOutput(t, "m.npy", true, "third", new String[] {"c"});
        assertThat(t.read("m.npy")).isEqualTo("third");
        assertThat(t.read("m.npy.ids.txt")).isEqualTo("c\n");
        assertThat(t.names()).allMatch(n -> !n.startsWith(".m.npy.allpairs-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void overwriteReplacesAPreviousAllpairsDirectoryButNotOneTheUserAddedTo(TestFs t) throws IOException {
        writeDirectoryOutput(t, "d", false, "one");
        writeDirectoryOutput(t, "d", true, "two");
        assertThat(t.read("d/part-0.parquet")).isEqualTo("two");
        t.write("d/my-notes.txt", "mine");
        assertThatThrownBy(() -> writeDirectoryOutput(t, "d", true, "three"))
                .isInstanceOf(UserError.class).hasMessageContaining("my-notes.txt");
        assertThat(t.read("d/part-0.parquet")).isEqualTo("two");
        assertThat(t.read("d/my-notes.txt")).isEqualTo("mine");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void aSidecarNameHeldByAnotherFileIsRefusedBeforeAnyWork(TestFs t) throws IOException {
        t.write("m.npy.ids.txt", "the user's list");
        assertThatThrownBy(() -> AtomicOutput.begin(t.fs(), t.path("m.npy"), false))
                .isInstanceOf(UserError.class).hasMessageContaining(t.path("m.npy.ids.txt").toString());
        assertThat(t.read("m.npy.ids.txt")).isEqualTo("the user's list");
        assertThat(t.names()).containsExactly("m.npy.ids.txt");
    }
}
