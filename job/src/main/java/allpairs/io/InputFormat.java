package allpairs.io;

import allpairs.UserError;
import java.util.Locale;

/** How rows are read: a NumPy matrix, a NumPy archive of series, one sequence per line, FASTA or FASTQ records. */
public enum InputFormat {
    NPY, NPZ, TEXT, FASTA, FASTQ;

    /**
     * From the file name: {@code .npy}; {@code .npz}; {@code .txt[.gz]}; {@code .fa/.fasta/.fna[.gz]};
     * {@code .fq/.fastq[.gz]}.
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
                + " (use .npy, .npz, .txt[.gz], .fa/.fasta/.fna[.gz], .fq/.fastq[.gz], or " + option
                + " npy|npz|text|fasta|fastq)", location);
    }

    public static InputFormat parse(String text, String option) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown input format '" + text + "' (known: npy, npz, text, fasta, fastq)", "option " + option);
        }
    }
}
