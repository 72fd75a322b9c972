package allpairs.io;

import allpairs.UserError;
import java.util.Locale;

/**
 * How rows are read: a NumPy matrix, a NumPy archive of series, one sequence per line, FASTA or FASTQ records,
 * or a table read through Spark SQL (Parquet, ORC, CSV, JSON files, or a catalog table).
 */
public enum InputFormat {
    NPY, NPZ, TEXT, FASTA, FASTQ, PARQUET, ORC, CSV, JSON, TABLE;

    /** {@code --input table:db.name}: a table of the session's catalog. */
    public static final String TABLE_PREFIX = "table:";

    /** Read through Spark SQL (after Spark starts), not from a file on the driver. */
    public boolean isTable() {
        return this == PARQUET || this == ORC || this == CSV || this == JSON || this == TABLE;
    }

    /** The format a location is read in: {@code table:} names a catalog table whatever --input-format says. */
    public static InputFormat of(String location, InputFormat format) {
        if (location.startsWith(TABLE_PREFIX)) {
            return TABLE;
        }
        return format != null ? format : forName(location, "--input-format");
    }

    /** True when the location is read as a table; false also when its format cannot be told (reading says why). */
    public static boolean isTable(String location, InputFormat format) {
        try {
            return of(location, format).isTable();
        } catch (UserError e) {
            return false;
        }
    }

    /**
     * From the file name: {@code .npy}; {@code .npz}; {@code .txt[.gz]}; {@code .fa/.fasta/.fna[.gz]};
     * {@code .fq/.fastq[.gz]}; {@code .parquet}, {@code .orc}, {@code .csv[.gz]}, {@code .json/.jsonl[.gz]} (a file or a directory).
     */
    public static InputFormat forName(String location, String option) {
        String name = location.toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return NPY;
        }
        if (name.endsWith(".npz")) {
            return NPZ;
        }
        String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        InputFormat table = tableForName(plain);
        if (table != null) {
            return table;
        }
        if (plain.endsWith(".txt")) {
            return TEXT;
        }
        if (plain.endsWith(".fa") || plain.endsWith(".fasta") || plain.endsWith(".fna")) {
            return FASTA;
        }
        if (plain.endsWith(".fq") || plain.endsWith(".fastq")) {
            return FASTQ;
        }
        throw new UserError("cannot tell the input format from the file name " + location
                + " (use .npy, .npz, .txt[.gz], .fa/.fasta/.fna[.gz], .fq/.fastq[.gz], .parquet, .orc, .csv, .json/.jsonl, table:NAME,"
                + " or " + option + " npy|npz|text|fasta|fastq|parquet|orc|csv|json)", location);
    }

    private static InputFormat tableForName(String name) {
        String plain = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (plain.endsWith(".parquet")) {
            return PARQUET;
        }
        if (plain.endsWith(".orc")) {
            return ORC;
        }
        if (plain.endsWith(".csv")) {
            return CSV;
        }
        return plain.endsWith(".json") || plain.endsWith(".jsonl") ? JSON : null;
    }

    public static InputFormat parse(String text, String option) {
        if (text.equalsIgnoreCase("table")) { // table:NAME says it; not a format of a path
            throw new UserError("unknown input format 'table' (name a catalog table as --input table:db.name)",
                    "option " + option);
        }
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown input format '" + text + "' (known: npy, npz, text, fasta, fastq, parquet, orc, csv,"
                    + " json)", "option " + option);
        }
    }
}
