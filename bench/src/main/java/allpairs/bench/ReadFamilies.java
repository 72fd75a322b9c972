package allpairs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Seeded sequencing-like reads for the cheap-kernel benchmark: families of reads over ACGT, each a
 * copy of its family's random root with about 2 % substitutions, 1 % deletions and 1 % insertions
 * (so related reads are a few edits apart, unrelated ones about half their length), cut or padded
 * back to the read length, in shuffled order. Families are all of one size ({@link #generate}) or of
 * skewed sizes ({@link #generateSkewed}: a few very large families, as PCR duplicates and common
 * barcodes make them, and many small ones).
 */
final class ReadFamilies {
    private static final byte[] ACGT = {'A', 'C', 'G', 'T'};

    private ReadFamilies() {
    }

    static byte[][] generate(int reads, int length, int familySize, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[][] out = new byte[reads][];
        byte[] root = null;
        for (int r = 0; r < reads; r++) {
            if (r % familySize == 0) {
                root = random(length, rnd);
            }
            out[r] = mutate(root, length, rnd);
        }
        return shuffled(out, rnd);
    }

    /**
     * Families of Pareto-distributed sizes: size ⌊U^(-1/1.2)⌋ capped at {@code maxFamily} (mean about
     * 5, a few families of thousands; the distribution does not depend on {@code reads}, so edges
     * grow about linearly with the reads).
     */
    static byte[][] generateSkewed(int reads, int length, int maxFamily, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[][] out = new byte[reads][];
        int r = 0;
        while (r < reads) {
            int size = (int) Math.min(maxFamily, Math.floor(Math.pow(1 - rnd.nextDouble(), -1 / 1.2)));
            byte[] root = random(length, rnd);
            for (int s = 0; s < size && r < reads; s++) {
                out[r++] = mutate(root, length, rnd);
            }
        }
        return shuffled(out, rnd);
    }

    private static byte[][] shuffled(byte[][] out, SplittableRandom rnd) {
        for (int r = out.length - 1; r > 0; r--) { // Fisher-Yates: families spread over the matrix
            int s = rnd.nextInt(r + 1);
            byte[] t = out[r];
            out[r] = out[s];
            out[s] = t;
        }
        return out;
    }

    private static byte[] random(int length, SplittableRandom rnd) {
        byte[] row = new byte[length];
        for (int k = 0; k < length; k++) {
            row[k] = ACGT[rnd.nextInt(4)];
        }
        return row;
    }

    private static byte[] mutate(byte[] root, int length, SplittableRandom rnd) {
        byte[] buf = new byte[2 * length + 1];
        int w = 0;
        for (int k = 0; k < root.length && w < length; k++) {
            double u = rnd.nextDouble();
            if (u < 0.01) {
                continue; // deletion
            }
            if (u < 0.02) {
                buf[w++] = ACGT[rnd.nextInt(4)]; // insertion before this base
            }
            buf[w++] = u < 0.04 ? ACGT[rnd.nextInt(4)] : root[k]; // 2 % substitutions
        }
        while (w < length) {
            buf[w++] = ACGT[rnd.nextInt(4)];
        }
        return java.util.Arrays.copyOf(buf, length);
    }

    /** One read per line: the job's text input and what the RapidFuzz script reads. */
    static void writeText(byte[][] reads, Path file) throws IOException {
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            for (byte[] r : reads) {
                os.write(r);
                os.write('\n');
            }
        }
    }
}
