package allpairs.api;

import allpairs.run.RunResult;
import allpairs.run.Summary;

/**
 * What a {@link AllPairs#write} run reports: the same summary the command line prints as JSON
 * (docs/summary.md lists its keys), and its main figures.
 */
public final class RunSummary {
    private final RunResult result;

    RunSummary(RunResult result) {
        this.result = result;
    }

    /** The summary as the command line prints it: one JSON line. */
    public String json() {
        return Summary.json(result);
    }

    /** Rows of the matrix. */
    public int rows() {
        return result.m();
    }

    /** Columns of the matrix (the rows again without against()). */
    public int columns() {
        return result.k();
    }

    /** Edges written, or -1 for a dense matrix. */
    public long edges() {
        return result.edges();
    }

    /** The committed output, fully qualified. */
    public String output() {
        return result.output();
    }

    /** Seconds of work (plan to last task), as the summary's {@code seconds}. */
    public double seconds() {
        return result.seconds();
    }

    @Override
    public String toString() {
        return json();
    }
}
