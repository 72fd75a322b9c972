package allpairs.cli;

import allpairs.io.NpyHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a seeded random m×n int8 {@code .npy} (the demo's input; also handy for benchmarks). */
@Command(name = "generate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Writes a seeded random m x n int8 .npy file.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "600", description = "m")
    int rows;

    @Option(names = "--cols", defaultValue = "48", description = "n")
    int cols;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed")
    long seed;

    @Option(names = "--output", required = true, description = "Local .npy path")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (rows < 1 || cols < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rows and --cols must be >= 1");
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 16) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rows x --cols must be at most "
                    + (Integer.MAX_VALUE - 16) + " values (one Java array)");
        }
        byte[] data = new byte[rows * cols];
        new SplittableRandom(seed).nextBytes(data);
        Path dir = output.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".allpairs-generate", ".npy");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            os.write(NpyHeader.encode("|i1", new long[] {rows, cols}));
            os.write(data);
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Main.OK;
    }
}
