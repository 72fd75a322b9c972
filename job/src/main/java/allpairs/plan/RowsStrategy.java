package allpairs.plan;

/** How rows reach the executors. */
public enum RowsStrategy {
    /** The whole input travels to every executor once. */
    BROADCAST("broadcast"),
    /** Each tile group is joined with just the row blocks its tiles need. */
    BLOCK_JOIN("block-join");

    private final String label;

    RowsStrategy(String label) {
        this.label = label;
    }

    /** Broadcast unless the rows are larger than {@code broadcastLimit} bytes. */
    public static RowsStrategy choose(long inputBytes, long broadcastLimit) {
        return inputBytes > broadcastLimit ? BLOCK_JOIN : BROADCAST;
    }

    /** As the summary and --explain print it. */
    public String label() {
        return label;
    }
}
