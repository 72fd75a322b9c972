package allpairs.bench;

import allpairs.kernel.ByteRows;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Seeded protein-like rows: residues drawn with UniProtKB/Swiss-Prot's amino-acid frequencies. */
public final class Proteins {
    static final String RESIDUES = "ARNDCQEGHILKMFPSTWYV";
    /** Percent, in RESIDUES order (UniProtKB/Swiss-Prot release statistics). */
    static final double[] PERCENT = {8.25, 5.53, 4.06, 5.45, 1.37, 3.93, 6.75, 7.07, 2.27, 5.96, 9.66, 5.84, 2.42,
        3.86, 4.70, 6.56, 5.34, 1.08, 2.92, 6.87};

    private Proteins() {
    }

    /** m rows of exactly n residues. */
    public static ByteRows fixedLength(int m, int n, long seed) {
        int[] lengths = new int[m];
        java.util.Arrays.fill(lengths, n);
        return rows(lengths, new SplittableRandom(seed));
    }

    /** m rows with log-normal lengths (median {@code median}, sigma 0.6) clamped to [min, max]. */
    public static ByteRows logNormal(int m, int median, int min, int max, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] lengths = new int[m];
        for (int i = 0; i < m; i++) {
            double g = gaussian(rnd);
            lengths[i] = (int) Math.max(min, Math.min(max, Math.round(median * Math.exp(0.6 * g))));
        }
        return rows(lengths, rnd);
    }

    /**
     * m rows as real protein sets have them: log-normal lengths (median 350, sigma 0.6, 30..4000
     * residues) and, every 400th row, a long one of 5,000..8,000 (titin-like outliers: 5 in 2,000).
     */
    public static ByteRows realistic(int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] lengths = new int[m];
        for (int i = 0; i < m; i++) {
            double g = gaussian(rnd);
            lengths[i] = (int) Math.max(30, Math.min(4000, Math.round(350 * Math.exp(0.6 * g))));
            if (i % 400 == 199) {
                lengths[i] = 5000 + rnd.nextInt(3001);
            }
        }
        return rows(lengths, rnd);
    }

    /** Rows of these lengths. */
    public static ByteRows withLengths(int[] lengths, SplittableRandom rnd) {
        return rows(lengths, rnd);
    }

    private static ByteRows rows(int[] lengths, SplittableRandom rnd) {
        int[] offsets = new int[lengths.length + 1];
        for (int i = 0; i < lengths.length; i++) {
            offsets[i + 1] = offsets[i] + lengths[i];
        }
        double[] cumulative = new double[PERCENT.length];
        double sum = 0;
        for (int k = 0; k < PERCENT.length; k++) {
            sum += PERCENT[k];
            cumulative[k] = sum;
        }
        byte[] data = new byte[offsets[lengths.length]];
        for (int p = 0; p < data.length; p++) {
            double u = rnd.nextDouble() * sum;
            int k = 0;
            while (k < cumulative.length - 1 && u >= cumulative[k]) {
                k++;
            }
            data[p] = (byte) RESIDUES.charAt(k);
        }
        String[] ids = new String[lengths.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "p" + i;
        }
        return new ByteRows(data, offsets, ids);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static void writeFasta(ByteRows rows, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            for (int i = 0; i < rows.rows(); i++) {
                w.write(">" + rows.ids()[i] + "\n");
                w.write(new String(rows.data(), rows.offset(i), rows.length(i), StandardCharsets.ISO_8859_1));
                w.write("\n");
            }
        }
    }
}
