package allpairs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** With progress on, a short executor heartbeat, only where the user set none (issue 21). */
class ProgressHeartbeatTest {
    private static final String HEARTBEAT = "spark.executor.heartbeatInterval";

    @Test
    void unsetHeartbeatBecomesShort() {
        SparkConf conf = SparkSessions.forProgress(new SparkConf(false));
        assertThat(conf.get(HEARTBEAT)).isEqualTo("2s");
        assertThat(conf.getTimeAsMs(HEARTBEAT)).isLessThan(conf.getTimeAsMs("spark.network.timeout", "120s"));
    }

    @Test
    void theUsersHeartbeatIsKept() {
        SparkConf conf = SparkSessions.forProgress(new SparkConf(false).set(HEARTBEAT, "30s"));
        assertThat(conf.get(HEARTBEAT)).isEqualTo("30s");
    }

    @Test
    void aNetworkTimeoutTooShortForItIsLeftToSpark() {
        SparkConf conf = SparkSessions.forProgress(new SparkConf(false).set("spark.network.timeout", "2s"));
        assertThat(conf.contains(HEARTBEAT)).isFalse();
    }
}
