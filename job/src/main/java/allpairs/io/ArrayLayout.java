package allpairs.io;

/**
 * How an array's values become rows: m rows of {@code steps} steps of {@code channels} values
 * (a row is steps·channels values, C order within the row whatever the file's order).
 */
record ArrayLayout(int m, int steps, int channels) {
    int rowValues() {
        return steps * channels;
    }

    long values() {
        return (long) m * steps * channels;
    }

    /** The row of the e-th value in file order. */
    int row(long e, boolean fortran) {
        return (int) (fortran ? e % m : e / rowValues());
    }

    /** The value's place within its row (step·channels + channel), from the e-th value in file order. */
    int column(long e, boolean fortran) {
        if (!fortran) {
            return (int) (e % rowValues());
        }
        long rest = e / m; // Fortran order: the row varies fastest, then the step, then the channel
        return (int) (rest % steps) * channels + (int) (rest / steps);
    }
}
