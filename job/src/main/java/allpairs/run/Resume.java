package allpairs.run;

import allpairs.UserError;
import allpairs.checkpoint.Fingerprint;
import allpairs.checkpoint.Manifest;
import allpairs.checkpoint.StoredTiles;
import allpairs.checkpoint.TileStore;
import allpairs.compute.TileEmitter;
import allpairs.config.JobConfig;
import allpairs.io.ExclusiveLock;
import allpairs.io.InputFormat;
import allpairs.plan.Plan;
import allpairs.plan.Planner;
import allpairs.plan.Tile;
import allpairs.plan.Tiling;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** --checkpoint: a plan over the checkpoint's tiling that computes only the tiles it does not hold yet. */
final class Resume {
    private static final Logger LOG = LoggerFactory.getLogger(Resume.class);

    private Resume() {
    }

    /**
     * @param reused tiles the checkpoint already holds
     * @param store where the tiles of this job are stored
     */
    record Resumed(Plan plan, List<Tile> reused, TileStore store) {
    }

    /** Makes this run the checkpoint's only user until it closes the lock (null: no --checkpoint). */
    static ExclusiveLock own(String checkpoint, Configuration conf) throws IOException {
        return checkpoint == null ? null : TileStore.lock(checkpoint, conf);
    }

    /**
     * Creates the checkpoint (a fresh run) or resumes from it; a checkpoint of another job is refused.
     * The kernel's bound ({@link TileEmitter#boundKey}) is part of the job: stored tiles hold inexact
     * values beyond it; so is what a tile file holds ({@link TileEmitter#storedKey}): a sparse
     * output's tiles are stored as the edges its options select.
     */
    static Resumed from(String checkpoint, JobConfig job, Inputs in, Plan fresh, TileEmitter emitter,
                        JavaSparkContext sc) throws IOException {
        Configuration conf = sc.hadoopConfiguration();
        Fingerprint fingerprint = fingerprint(job, in, fresh.symmetric(), emitter.boundKey(in.kernel()),
                emitter.storedKey());
        TileStore store = TileStore.at(checkpoint, fingerprint, emitter.sparse());
        Manifest manifest = TileStore.open(checkpoint, fingerprint, fresh.m(), fresh.k(), fresh.symmetric(),
                job.run().replaceCheckpoint(), conf);
        if (manifest == null) {
            TileStore.create(checkpoint, new Manifest(fingerprint, fresh.symmetric(), fresh.rowBounds(),
                    fresh.colBounds()), conf);
            return new Resumed(fresh, List.of(), store);
        }
        Integer blockSize = job.plan().blockSize();
        if (blockSize != null && (!Arrays.equals(manifest.rowBounds(), fresh.rowBounds())
                || !Arrays.equals(manifest.colBounds(), fresh.colBounds()))) {
            throw new UserError("the checkpoint was tiled with other blocks than --block-size " + blockSize
                    + " gives; resume without --block-size (the stored tiling is reused) or use another directory",
                    checkpoint);
        }
        Set<String> listed = store.finished(conf);
        List<Tile> stored = Tiling.tiles(manifest.rowBounds(), manifest.colBounds(), manifest.symmetric()).stream()
                .filter(t -> listed.contains(TileStore.key(t))).toList();
        Set<String> done = StoredTiles.intact(sc, store, stored).stream().map(TileStore::key)
                .collect(Collectors.toSet());
        Plan plan = Plan.fromBounds(manifest.rowBounds(), manifest.colBounds(), manifest.symmetric(),
                Planner.costModel(in.kernel(), in.query(), in.reference()),
                fresh.groups().isEmpty() ? 1 : Math.max(fresh.partitions(), 1), t -> !done.contains(TileStore.key(t)));
        List<Tile> reused = plan.allTiles().stream().filter(t -> done.contains(TileStore.key(t))).toList();
        LOG.info("resuming from checkpoint {}: {} of {} tiles already done", checkpoint, reused.size(), plan.tiles());
        return new Resumed(plan, reused, store);
    }

    /**
     * Of the rows this run parsed (whatever the input paths hold by now) and every setting that changes
     * a value: the input format, the kernel's parameters, mirroring, the bound; each a part a refusal
     * can name.
     */
    static Fingerprint fingerprint(JobConfig job, Inputs in, boolean mirrored, String bound, String stored) {
        InputFormat format = job.input().format();
        String against = job.input().against();
        return Fingerprint.of(in.kernel(), "params=" + in.params())
                .rows("input", in.query(), "format=" + InputFormat.of(job.input().input(), format),
                        "the input differs (--input: its rows as parsed, or their format)")
                .rows("against", in.reference(), (against == null ? "none"
                        : "format=" + InputFormat.of(against, format)) + " mirrored=" + mirrored, "the --against rows differ (or their format)")
                .text("bound", bound, boundOption(job) + " differs (the bound it gives the kernel: stored tiles hold"
                        + " inexact values beyond it)")
                .text("stored", stored, "what a tile stores differs (--keep, --top-k, --include-self or"
                        + " --both-directions select a sparse output's stored edges)")
                .build();
    }

    /** The output option that sets the kernel's bound. */
    private static String boundOption(JobConfig job) {
        if (job.output().options().keep() != null) {
            return "--keep";
        }
        return job.output().options().topK() != null ? "--top-k" : "--keep or --top-k";
    }
}
