package allpairs.io;

import allpairs.UserError;
import java.util.Locale;

/** How rows are read: a NumPy matrix, one sequence per line, or FASTA records. */
public enum InputFormat {
    NPY, TEXT, FASTA;

    /** From the file name: {@code .npy}; {@code .txt[.gz]}; {@code .fa/.fasta/.fna[.gz]}. */
    public static InputFormat forName(String location, String option) {
        String name = location.toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return NPY;
        }
        String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (plain.endsWith(".txt")) {
            return TEXT;
        }
        if (plain.endsWith(".fa") || plain.endsWith(".fasta") || plain.endsWith(".fna")) {
            return FASTA;
        }
        throw new UserError("cannot tell the input format from the file name " + location
                + " (use .npy, .txt[.gz], .fa/.fasta/.fna[.gz], or " + option + " npy|text|fasta)", location);
    }

    public static InputFormat parse(String text, String option) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown input format '" + text + "' (known: npy, text, fasta)", "option " + option);
        }
    }
}
