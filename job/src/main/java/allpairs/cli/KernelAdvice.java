package allpairs.cli;

import allpairs.UserError;
import allpairs.config.InputConfig;
import allpairs.io.InputFormat;
import allpairs.io.RowsInput;
import allpairs.kernel.ElementType;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * What a run without {@code --kernel} says: which kernels would accept this input. There is no
 * default kernel (a toy default once turned a FASTA file into a matrix of 9.62e11); the answer is
 * exact because each kernel is tried on the input as the run would read it (once per element type).
 */
final class KernelAdvice {
    private KernelAdvice() {
    }

    /** The error to report: the input's own problem if no element type can read it, else the fitting kernels. */
    static UserError missingKernel(InputConfig input, Configuration hadoop) {
        if (input.anyTable()) { // reading a table needs Spark: say what its columns give instead
            return new UserError("no --kernel given; a table's string or binary column gives symbol rows (levenshtein,"
                    + " nw, sw), an array-of-numbers column numeric rows (dtw; integers for seed, mi); see 'allpairs"
                    + " kernels'", "option --kernel");
        }
        Map<ElementType, Object> query = readAll(input.input(), input.format(), hadoop);
        Map<ElementType, Object> reference = input.against() == null ? null
                : readAll(input.against(), input.format(), hadoop);
        List<String> fit = new ArrayList<>();
        for (Kernel<?> kernel : Kernels.all().values()) {
            if (fits(kernel, query.get(kernel.elementType()), reference, input)) {
                fit.add(kernel.name());
            }
        }
        Rows any = anyRows(query);
        if (any == null) {
            return (UserError) query.values().iterator().next(); // e.g. the file does not exist
        }
        String described = describe(any, input);
        if (fit.isEmpty()) {
            return new UserError("no --kernel given, and no kernel accepts this input (" + described
                    + "); see 'allpairs kernels'", "option --kernel");
        }
        return new UserError("no --kernel given; for this input (" + described + ") use one of: "
                + String.join(", ", fit), "option --kernel");
    }

    private static boolean fits(Kernel<?> kernel, Object query, Map<ElementType, Object> reference, InputConfig input) {
        Object ref = reference == null ? null : reference.get(kernel.elementType());
        if (!(query instanceof Rows q) || (reference != null && !(ref instanceof Rows))) {
            return false;
        }
        Rows r = (Rows) ref;
        if (kernel.needsEqualLengths() && (!q.equalLengths() || (r != null
                && (!r.equalLengths() || r.length(0) != q.length(0))))) {
            return false;
        }
        try {
            kernel.checkRows(q, input.input());
            if (r != null) {
                kernel.checkRows(r, input.against());
            }
            return true;
        } catch (UserError e) {
            return false;
        }
    }

    /** Per element type: the rows, or the {@link UserError} reading them as that type gave. */
    private static Map<ElementType, Object> readAll(String path, InputFormat format, Configuration hadoop) {
        Map<ElementType, Object> read = new EnumMap<>(ElementType.class);
        Map<ElementType, String> kernelOfType = new EnumMap<>(ElementType.class);
        Kernels.all().values().forEach(k -> kernelOfType.putIfAbsent(k.elementType(), k.name()));
        for (ElementType type : kernelOfType.keySet()) { // named after a kernel that reads them so
            try {
                read.put(type, RowsInput.read(path, format, type, kernelOfType.get(type), "--input", hadoop));
            } catch (UserError e) {
                read.put(type, e);
            }
        }
        return read;
    }

    private static Rows anyRows(Map<ElementType, Object> read) {
        for (Object o : read.values()) {
            if (o instanceof Rows rows) {
                return rows;
            }
        }
        return null;
    }

    private static String describe(Rows rows, InputConfig input) {
        InputFormat format = input.format() != null ? input.format() : InputFormat.forName(input.input(), "--input-format");
        String what = switch (format) {
            case NPY -> rows.rows() + " numeric rows";
            case NPZ -> rows.rows() + " numeric series";
            case TEXT -> rows.rows() + " text lines, symbol rows";
            case FASTA -> rows.rows() + " FASTA records, symbol rows";
            case FASTQ -> rows.rows() + " FASTQ records, symbol rows";
            case PARQUET, ORC, CSV, JSON, TABLE -> rows.rows() + " table rows";
        };
        return what + (rows.equalLengths() ? " of equal length " + rows.length(0) : " of unequal length");
    }
}
