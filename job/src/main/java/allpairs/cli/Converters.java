package allpairs.cli;

import allpairs.NumberSyntax;
import allpairs.UserError;
import allpairs.config.DenseLayout;
import allpairs.config.Defaults;
import allpairs.io.OutputDtype;
import allpairs.config.OutputFormat;
import allpairs.config.OutputOptions;
import allpairs.io.InputFormat;
import allpairs.kernel.Kernels;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/**
 * Option values to types. A bad value is a {@link UserError} naming the option; the command's
 * parameter handler prints its message as is.
 */
final class Converters {
    private Converters() {
    }

    static final class InputFormats implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            return InputFormat.parse(value, "--input-format");
        }
    }

    static final class OutputFormats implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError("unknown format '" + value + "' (known: npy, parquet, csv, tsv)", "option --format");
            }
        }
    }

    static final class Layouts implements ITypeConverter<DenseLayout> {
        @Override
        public DenseLayout convert(String value) {
            try {
                return DenseLayout.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError("Cannot set --layout to '" + value + "': must be square or condensed",
                        "option --layout");
            }
        }
    }

    static final class Dtypes implements ITypeConverter<OutputDtype> {
        @Override
        public OutputDtype convert(String value) {
            return OutputDtype.parse(value);
        }
    }

    static final class Switches implements ITypeConverter<Options.Switch> {
        @Override
        public Options.Switch convert(String value) {
            if (!"on".equals(value) && !"off".equals(value)) {
                throw new UserError("Cannot set --progress to '" + value + "': must be on or off", "option --progress");
            }
            return Options.Switch.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    static final class Thresholds implements ITypeConverter<OutputOptions.Threshold> {
        @Override
        public OutputOptions.Threshold convert(String value) {
            return OutputOptions.Threshold.parse(value);
        }
    }

    /** --memory-budget: a size above 0. */
    static final class Budget implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Defaults.sizeOption(value, "--memory-budget", false);
        }
    }

    /** --broadcast-limit: a size, 0 allowed (always block-join). */
    static final class Limit implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Defaults.sizeOption(value, "--broadcast-limit", true);
        }
    }

    /** Kernel names for the help text. */
    static final class KernelNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Kernels.names().iterator();
        }
    }

    /**
     * Every int, long and double option in the documented syntax (see {@link NumberSyntax}), in
     * place of picocli's, which take Java's ({@code 1d}, {@code 0x1p3}, {@code 010} as octal).
     */
    static void registerNumbers(picocli.CommandLine cmd) {
        cmd.registerConverter(Integer.class, v -> number(() -> NumberSyntax.parseInt(v), v));
        cmd.registerConverter(Integer.TYPE, v -> number(() -> NumberSyntax.parseInt(v), v));
        cmd.registerConverter(Long.class, v -> number(() -> NumberSyntax.parseLong(v), v));
        cmd.registerConverter(Long.TYPE, v -> number(() -> NumberSyntax.parseLong(v), v));
        cmd.registerConverter(Double.class, v -> number(() -> NumberSyntax.parseDouble(v), v));
        cmd.registerConverter(Double.TYPE, v -> number(() -> NumberSyntax.parseDouble(v), v));
    }

    private static <T> T number(java.util.function.Supplier<T> parse, String text) {
        try {
            return parse.get();
        } catch (NumberSyntax.Invalid e) {
            // picocli names the option: "Invalid value for option '--top-k': '1d' is not an integer"
            throw new picocli.CommandLine.TypeConversionException("'" + text + "' is " + e.getMessage());
        }
    }
}
