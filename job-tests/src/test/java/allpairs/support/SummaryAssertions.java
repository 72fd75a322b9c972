package allpairs.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks on the summary JSON that several tests share. */
public final class SummaryAssertions {
    private SummaryAssertions() {
    }

    /**
     * compute_seconds (the compute stage's wall time) is within the run's seconds and covers its
     * longest task; compute_share is their ratio.
     */
    public static void computeTimeIsSane(JsonNode summary) {
        double seconds = summary.get("seconds").asDouble();
        double compute = summary.get("compute_seconds").asDouble();
        assertThat(compute).as(summary.toString()).isPositive().isLessThanOrEqualTo(seconds);
        assertThat(compute).as("the compute stage holds its longest task: " + summary)
                .isGreaterThanOrEqualTo(summary.get("task_seconds_max").asDouble() - 0.002);
        // both times are rounded to the millisecond in the summary, the share is taken before rounding
        double half = 0.0005;
        assertThat(summary.get("compute_share").asDouble()).as(summary.toString()).isPositive()
                .isLessThanOrEqualTo(1).isBetween((compute - half) / (seconds + half) - half,
                        (compute + half) / (seconds - half) + half);
    }
}
