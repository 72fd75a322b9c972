package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A side path (--summary-json, --preview) or --checkpoint that would land on the output, one of its
 * sidecars, its marker, lock or temporaries, inside it, or on another of them, is refused before any
 * work (issue 25, items 4 and 9). Run without a Spark master: a refusal before Spark is the only way
 * to get this test's message; anything that went further would stop at the missing master instead.
 */
class OutputPathClashTest {
    @TempDir
    Path dir;

    /** The options that clash with {@code --output r.npy} (or a Parquet {@code res}), with the option named. */
    static Stream<Arguments> clashes() {
        return Stream.of(
                Arguments.of("r.npy", List.of("--summary-json", "r.npy"), "--summary-json"),
                Arguments.of("r.npy", List.of("--summary-json", "r.npy.ids.txt"), "--summary-json"),
                Arguments.of("r.npy", List.of("--summary-json", "r.npy.ref_ids.txt"), "--summary-json"),
                Arguments.of("r.npy", List.of("--summary-json", "r.npy.allpairs.json"), "--summary-json"),
                Arguments.of("r.npy", List.of("--summary-json", ".r.npy.allpairs-lock"), "--summary-json"),
                Arguments.of("r.npy", List.of("--summary-json", ".r.npy.allpairs-tmp-x/s.json"), "--summary-json"),
                Arguments.of("r.npy", List.of("--preview", "r.npy"), "--preview"),
                Arguments.of("r.npy", List.of("--preview", "r.npy.ids.txt"), "--preview"),
                Arguments.of("r.npy", List.of("--summary-json", "r.npy/s.json"), "--summary-json"),
                Arguments.of("res", List.of("--format", "parquet", "--summary-json", "res/summary.json"),
                        "--summary-json"),
                Arguments.of("res", List.of("--format", "parquet", "--preview", "res/sub/p.png"), "--preview"),
                Arguments.of("r.npy", List.of("--summary-json", "same.out", "--preview", "same.out"), "--preview"),
                Arguments.of("r.npy", List.of("--summary-json", "a", "--preview", "a/p.png"), "--preview"),
                Arguments.of("r.npy", List.of("--summary-json", "p.order.json", "--preview", "p.png",
                        "--preview-order", "clustered"), "--preview-order"), // the order's side file
                Arguments.of("p.order.json/r.npy", List.of("--preview", "p.png", "--preview-order", "clustered"),
                        "--preview-order"),
                // a side path that would hold the output
                Arguments.of("out/r.npy", List.of("--summary-json", "out"), "--summary-json"),
                // item 9: the checkpoint and the output
                Arguments.of("x", List.of("--checkpoint", "x"), "--checkpoint"),
                Arguments.of("x", List.of("--format", "parquet", "--checkpoint", "x/ck"), "--checkpoint"),
                Arguments.of("ck/r.npy", List.of("--checkpoint", "ck"), "--checkpoint"),
                Arguments.of("r.npy", List.of("--checkpoint", "r.npy.ids.txt"), "--checkpoint"),
                Arguments.of("r.npy", List.of("--checkpoint", "ck", "--summary-json", "ck/s.json"), "--summary-json"));
    }

    @ParameterizedTest(name = "--output {0} {1}")
    @MethodSource("clashes")
    void aSidePathOnTheOutputIsRefusedBeforeAnyWork(String output, List<String> options, String named)
            throws IOException {
        Cli r = Cli.runWithoutSpark(args(output, options));
        BadInputTest.assertUserError(r, named, "");
        assertThat(r.err).containsAnyOf("is the same path as", "lies inside", "would hold");
        assertThat(names()).isEmpty();
    }

    /**
     * A place the run writes that is an input, lies inside one, or would hold one: refused before any
     * work, the input left as it was (--summary-json on the input used to overwrite it after the run;
     * --overwrite of an output directory holding the input would delete it).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("inputClashes")
    void aWrittenPathOnAnInputIsRefusedAndTheInputKept(List<String> options, String named) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in")).resolve("a.npy");
        Files.copy(Fixtures.input(16, 8), in);
        byte[] before = Files.readAllBytes(in);
        List<String> args = new ArrayList<>(List.of("--kernel", "seed", "--input", in.toString(), "--progress", "off"));
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            boolean path = !o.startsWith("--") && !options.get(i - 1).equals("--format");
            args.add(path ? dir.resolve(o).toString() : o);
        }
        Cli r = Cli.runWithoutSpark(args.toArray(String[]::new));
        BadInputTest.assertUserError(r, named, "");
        assertThat(r.err).contains("--input").containsAnyOf("is the same path as", "lies inside", "would hold");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
        assertThat(names()).containsExactly("in");
    }

    static Stream<Arguments> inputClashes() {
        return Stream.of(
                Arguments.of(List.of("--output", "r.npy", "--summary-json", "in/a.npy"), "--summary-json"),
                Arguments.of(List.of("--output", "r.npy", "--preview", "in/a.npy"), "--preview"),
                Arguments.of(List.of("--output", "in/a.npy", "--overwrite"), "--output"),
                Arguments.of(List.of("--output", "in", "--format", "parquet", "--overwrite"), "--output"),
                Arguments.of(List.of("--output", "r.npy", "--checkpoint", "in"), "--checkpoint"),
                Arguments.of(List.of("--output", "r.npy", "--summary-json", "in/a.npy/s.json"), "--summary-json"));
    }

    /**
     * A file a kernel parameter reads (sw's {@code matrix=FILE}) is an input too: writing over it (the
     * output with --overwrite, a side file) is refused before any work and the file is kept.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("matrixClashes")
    void aWrittenPathOnAKernelParameterFileIsRefusedAndTheFileKept(List<String> options, String named)
            throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.txt"), "ABBA\nABAB\n");
        Path matrix = Files.writeString(dir.resolve("ab"), "   A  B\nA  1 -1\nB -1  2\n");
        List<String> args = new ArrayList<>(List.of("--kernel", "sw", "--kernel-param", "matrix=" + matrix,
                "--input", rows.toString(), "--progress", "off"));
        options.forEach(o -> args.add(o.startsWith("--") || o.equals("parquet") ? o : dir.resolve(o).toString()));
        Cli r = Cli.runWithoutSpark(args.toArray(String[]::new));
        BadInputTest.assertUserError(r, named, "");
        assertThat(r.err).contains("--kernel-param matrix").containsAnyOf("is the same path as", "would hold");
        assertThat(Files.readString(matrix)).startsWith("   A  B");
        assertThat(names()).containsExactly("ab", "rows.txt");
    }

    static Stream<Arguments> matrixClashes() {
        return Stream.of(
                Arguments.of(List.of("--output", "ab", "--format", "parquet", "--overwrite"), "--output"),
                Arguments.of(List.of("--output", "r.npy", "--summary-json", "ab"), "--summary-json"),
                Arguments.of(List.of("--output", "r.npy", "--preview", "ab"), "--preview"));
    }

    /** The same place written three ways (relative with "..", absolute, a file: URI): compared qualified. */
    @Test
    void pathsAreComparedQualifiedNotAsStrings() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        String out = dir.resolve("r.npy").toString();
        String viaDotDot = dir.resolve("sub").resolve("..").resolve("r.npy.ids.txt").toString();
        Cli r = Cli.runWithoutSpark(args(out, List.of("--summary-json", viaDotDot)));
        BadInputTest.assertUserError(r, "--summary-json", "");
        String uri = dir.resolve("r.npy").toUri().toString();
        Cli viaUri = Cli.runWithoutSpark(args(out, List.of("--preview", uri)));
        BadInputTest.assertUserError(viaUri, "--preview", "");
        assertThat(names()).containsExactly("sub");
    }

    /**
     * Names that only look alike are not refused: the run goes on (to the missing master, or, when
     * another test left a default session in this JVM, to a successful run).
     */
    @Test
    void namesThatOnlyLookAlikeAreAccepted() throws IOException {
        String[][] cases = {{"--summary-json", "r.npy.json"}, {"--summary-json", "r.npy.ids.txt.bak"},
            {"--summary-json", "r.npyx/s.json"}, {"--preview", "r.allpairs-lock"}, {"--checkpoint", "r.npy.ck"}};
        for (int i = 0; i < cases.length; i++) {
            Path own = Files.createDirectories(dir.resolve("case" + i));
            Cli r = Cli.runWithoutSpark("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output",
                    own.resolve("r.npy").toString(), "--progress", "off", cases[i][0],
                    own.resolve(cases[i][1]).toString());
            assertThat(r.exitCode == 0 || r.err.contains("no Spark master is set")).as(cases[i][1] + ": " + r).isTrue();
        }
    }

    private String[] args(String output, List<String> options) {
        List<String> args = new ArrayList<>(List.of("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(),
                "--output", resolve(output)));
        for (int i = 0; i < options.size(); i++) {
            String value = options.get(i);
            String before = i > 0 ? options.get(i - 1) : "";
            boolean path = i > 0 && !before.equals("--format") && !before.equals("--preview-order");
            args.add(path && !value.startsWith("--") ? resolve(value) : value);
        }
        return args.toArray(String[]::new);
    }

    private String resolve(String name) {
        return name.startsWith("/") || name.contains(":") ? name : dir.resolve(name).toString();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
