package allpairs.spark.table;

/** A bad value met on an executor: it ends the partition's rows and travels back as text, never thrown further. */
final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadValue(String what) {
        super(what, null, false, false); // no stack trace: it is a message, not a failure
    }
}
