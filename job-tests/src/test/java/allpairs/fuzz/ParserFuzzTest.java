package allpairs.fuzz;

import allpairs.NumberSyntax;
import allpairs.config.Defaults;
import allpairs.config.OutputOptions;
import allpairs.io.ParserAccess;
import allpairs.kernel.ElementType;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Jazzer fuzz targets for every parser of user input (issue 16). In a plain test run each replays
 * its regression corpus, {@code src/test/resources/allpairs/fuzz/ParserFuzzTestInputs/<method>/};
 * with JAZZER_FUZZ=1 (one surefire execution per target, see job-tests/pom.xml) it is fuzzed for
 * {@link #BUDGET}. Property: see {@link FuzzProperty}.
 */
class ParserFuzzTest {
    /** The fuzzing budget per target inside {@code mvn verify}; a longer run: see the README. */
    static final String BUDGET = "2s";
    private static final ElementType[] TYPES = ElementType.values();

    @FuzzTest(maxDuration = BUDGET)
    void npyFile(byte[] file) throws Exception {
        for (ElementType type : new ElementType[] {ElementType.INT8, ElementType.DOUBLE}) {
            FuzzProperty.check(file.length, () -> ParserAccess.npy(file, type));
        }
    }

    /**
     * An .npz archive (numpy.savez, savez_compressed) read as dtw's rows (1-D series, or n × d for
     * channels) and as the seed's int8 rows. Memory is measured against the inflated size: a
     * compressed archive may legitimately hold far more than its own bytes. java.util.zip's
     * ZipException (a bad CRC, a broken deflate stream) and EOFException (a cut archive) are answers
     * too: the input reader (RowsInput) turns them into the user error "corrupt or truncated data".
     */
    @FuzzTest(maxDuration = BUDGET)
    void npzFile(byte[] file) throws Exception {
        long inflated = ParserAccess.inflatedBytes(file, 64L << 20);
        FuzzProperty.check(file.length + inflated, () -> ParserAccess.npz(file, ElementType.DOUBLE, "dtw"),
                ZipException.class, EOFException.class);
        FuzzProperty.check(file.length + inflated, () -> ParserAccess.npz(file, ElementType.INT8, "seed"),
                ZipException.class, EOFException.class);
    }

    @FuzzTest(maxDuration = BUDGET)
    void npyHeaderLiteral(byte[] text) throws Exception {
        String literal = new String(text, StandardCharsets.ISO_8859_1);
        FuzzProperty.check(text.length, () -> ParserAccess.pyLiteral(literal), ParserAccess.literalError());
    }

    @FuzzTest(maxDuration = BUDGET)
    void fastaFile(FuzzedDataProvider data) throws Exception {
        ElementType type = TYPES[data.consumeInt(0, TYPES.length - 1)];
        byte[] file = data.consumeRemainingAsBytes();
        FuzzProperty.check(file.length, () -> ParserAccess.fasta(file, type));
    }

    @FuzzTest(maxDuration = BUDGET)
    void fastqFile(FuzzedDataProvider data) throws Exception {
        ElementType type = TYPES[data.consumeInt(0, TYPES.length - 1)];
        byte[] file = data.consumeRemainingAsBytes();
        FuzzProperty.check(file.length, () -> ParserAccess.fastq(file, type));
    }

    @FuzzTest(maxDuration = BUDGET)
    void textFile(FuzzedDataProvider data) throws Exception {
        ElementType type = TYPES[data.consumeInt(0, TYPES.length - 1)];
        byte[] file = data.consumeRemainingAsBytes();
        FuzzProperty.check(file.length, () -> ParserAccess.text(file, type));
    }

    @FuzzTest(maxDuration = BUDGET)
    void kernelParameters(FuzzedDataProvider data) throws Exception {
        List<String> names = new ArrayList<>(Kernels.names());
        Kernel<?> kernel = Kernels.byName(names.get(data.consumeInt(0, names.size() - 1)));
        List<String> settings = new ArrayList<>();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            settings.add(data.consumeString(64));
        }
        // matrix=PATH reads a file: only the built-in names, never the fuzzer's paths
        settings.removeIf(s -> s.trim().startsWith("matrix") && !s.contains("BLOSUM"));
        FuzzProperty.check(256, () -> kernel.configure(Kernels.parse(kernel, settings)));
    }

    @FuzzTest(maxDuration = BUDGET)
    void sizesAndNumbers(FuzzedDataProvider data) throws Exception {
        String text = data.consumeRemainingAsString();
        long bytes = text.length() * 2L;
        FuzzProperty.check(bytes, () -> Defaults.sizeOption(text, "--memory-budget", false));
        FuzzProperty.check(bytes, () -> OutputOptions.Threshold.parse(text));
        FuzzProperty.check(bytes, () -> NumberSyntax.parseDouble(text), NumberSyntax.Invalid.class);
        FuzzProperty.check(bytes, () -> NumberSyntax.parseInt(text), NumberSyntax.Invalid.class);
        FuzzProperty.check(bytes, () -> NumberSyntax.parseLong(text), NumberSyntax.Invalid.class);
    }
}
