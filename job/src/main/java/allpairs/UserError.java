package allpairs;

/**
 * A problem with what the user asked for (bad input, bad option, existing output): exit code 2,
 * one line on stderr, no stack trace. Anything else escaping the job is an internal error (exit 1).
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param what what is wrong; @param where the file, row or option it concerns */
    public UserError(String what, String where) {
        super(what + ", " + where);
    }

    public UserError(String what, String where, Throwable cause) {
        super(what + ", " + where, cause);
    }
}
