package allpairs.fuzz;

import allpairs.UserError;
import java.lang.management.ManagementFactory;

/**
 * The property every parser fuzz target checks: it returns (rows, a value) or throws our
 * {@link UserError}; any other exception escapes and is a finding. Memory: the bytes the thread
 * allocated while parsing stay under a small multiple of the input plus a fixed allowance for
 * the readers' buffers (64 KiB chunks, a 1 MiB header limit).
 */
public final class FuzzProperty {
    /** Per input byte: a row's bytes, its copy on build, a line buffer, a string, with slack. */
    static final long PER_INPUT_BYTE = 64;
    static final long FIXED_BYTES = 8L << 20;
    /** Measured runs at most, when the first is over the limit. */
    static final int MEASURES = 3;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzProperty() {
    }

    /** What a parser may do with an input. */
    @FunctionalInterface
    public interface Parse {
        Object run() throws Exception;
    }

    /**
     * Runs {@code parse} once to load and initialise classes (which allocates), then measures it: a
     * UserError (or {@code alsoExpected}) is a valid answer, anything else propagates. The smallest of
     * up to {@link #MEASURES} measured runs counts: a parser that over-allocates does so on every run
     * of the same input, while a one-off allocation on the fuzzing thread by the fuzzer's own
     * machinery (seen about once in three 2 s campaigns, never on replay) does not repeat.
     */
    @SafeVarargs
    public static void check(long inputBytes, Parse parse, Class<? extends Exception>... alsoExpected)
            throws Exception {
        answer(parse, alsoExpected);
        long limit = FIXED_BYTES + PER_INPUT_BYTE * inputBytes;
        long smallest = Long.MAX_VALUE;
        for (int run = 0; run < MEASURES && smallest > limit; run++) {
            smallest = Math.min(smallest, measured(parse, alsoExpected));
        }
        if (smallest > limit) {
            throw new IllegalStateException("parsing " + inputBytes + " bytes allocated " + smallest
                    + " bytes (the least of " + MEASURES + " runs), more than " + limit);
        }
    }

    @SafeVarargs
    private static long measured(Parse parse, Class<? extends Exception>... alsoExpected) throws Exception {
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        answer(parse, alsoExpected);
        return THREADS.getThreadAllocatedBytes(id) - before;
    }

    @SafeVarargs
    private static void answer(Parse parse, Class<? extends Exception>... alsoExpected) throws Exception {
        try {
            parse.run();
        } catch (UserError expected) {
            // the answer for bad input
        } catch (Exception e) {
            for (Class<? extends Exception> c : alsoExpected) {
                if (c.isInstance(e)) {
                    return;
                }
            }
            throw e;
        }
    }
}
