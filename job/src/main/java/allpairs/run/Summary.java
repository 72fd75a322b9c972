package allpairs.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one-line JSON summary a run prints on stdout (and to {@code --summary-json}); every key: docs/summary.md. */
public final class Summary {
    static final ObjectMapper JSON = new ObjectMapper();

    private Summary() {
    }

    public static String json(RunResult r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kernel", r.kernel());
        s.put("m", r.m());
        s.put("n", r.n());
        s.put("k", r.k());
        s.put("pairs", r.pairsThisRun());
        s.put("tiles", r.plan().tiles());
        s.put("partitions", r.plan().partitions());
        s.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        s.put("wall_seconds", Math.round(r.wallSeconds() * 1000) / 1000.0);
        s.put("pairs_per_s", Math.round(r.pairsPerSecond() * 10) / 10.0);
        s.put("output", r.output());
        s.put("format", r.format());
        s.put("block_size", r.plan().blockSize());
        s.put("dtype", r.dtype());
        s.put("layout", r.layout());
        if (r.edges() >= 0) {
            s.put("edges", r.edges());
        }
        if (r.topK() != null) {
            s.put("top_k", r.topK());
            if (!r.topK().equals(r.topKAsked())) {
                s.put("top_k_clamped_from", r.topKAsked()); // --top-k above the column count
            }
        }
        s.put("plan", r.rowsPlan());
        s.put("tiles_reused", r.tilesReused());
        s.put("tiles_computed", r.plan().tiles() - r.tilesReused());
        s.put("pairs_reused", r.pairsReused());
        s.put("task_seconds_max", r.taskSecondsMax());
        s.put("task_seconds_mean", Math.round(r.taskSecondsMean() * 1000) / 1000.0);
        s.put("compute_seconds", Math.round(r.computeSeconds() * 1000) / 1000.0);
        s.put("compute_share", Math.round(r.computeShare() * 1000) / 1000.0);
        s.put("vector_api", r.vectorApi());
        if ("edges".equals(r.layout()) && r.joined() == null) {
            r.pruned().forEach((bound, pairs) -> s.put("pruned_" + bound, pairs)); // docs/kernels.md, "DTW pruning"
        }
        joinKeys(s, r);
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The join path's counts (docs/join.md); its tiles are planned but none is computed. */
    private static void joinKeys(Map<String, Object> s, RunResult r) {
        if (r.joined() == null) {
            return;
        }
        s.put("path", "join");
        s.put("candidates", r.joined().candidates());
        s.put("pairs_verified", r.joined().verified());
        s.put("pairs_full", r.plan().pairs());
        s.put("tiles_computed", 0);
    }

}
