package allpairs.config;

import allpairs.UserError;

/**
 * What the user fixed of the plan; null means the default ({@link Defaults#resolve}).
 *
 * @param blockSize rows per block
 * @param partitions Spark partitions of the compute stage
 * @param memoryBudget bytes one task may use (sizes the blocks)
 * @param broadcastLimit rows larger than this many bytes are block-joined, not broadcast
 */
public record PlanConfig(Integer blockSize, Integer partitions, Long memoryBudget, Long broadcastLimit) {
    public PlanConfig {
        positive(blockSize, "--block-size");
        positive(partitions, "--partitions");
    }

    public static PlanConfig of(Integer blockSize, Integer partitions) {
        return new PlanConfig(blockSize, partitions, null, null);
    }

    public PlanConfig withBroadcastLimit(Long limit) {
        return new PlanConfig(blockSize, partitions, memoryBudget, limit);
    }

    private static void positive(Integer value, String option) {
        if (value != null && value < 1) {
            throw new UserError("Cannot set " + option + " to " + value + ": must be an integer >= 1", "option " + option);
        }
    }
}
