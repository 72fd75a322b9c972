package allpairs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a run's time went, from Spark's event log (one JSON event per line): each completed stage's
 * wall time (submission to completion) and its tasks' summed executor run and CPU time, GC time and
 * shuffle bytes written.
 */
final class EventLogStages {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Stage(int id, String name, int tasks, double wallSeconds, double runSeconds, double cpuSeconds,
                 double gcSeconds, long shuffleWriteBytes) {
    }

    private EventLogStages() {
    }

    /** The stages of the single application whose event log is in {@code dir}. */
    static List<Stage> read(Path dir) throws IOException {
        Path log;
        try (Stream<Path> files = Files.list(dir)) {
            log = files.filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IOException("no event log in " + dir));
        }
        List<Stage> stages = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(log)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode event = JSON.readTree(line);
                if ("SparkListenerStageCompleted".equals(event.path("Event").asText())) {
                    stages.add(stage(event.path("Stage Info")));
                }
            }
        }
        return stages;
    }

    private static Stage stage(JsonNode info) {
        double run = 0;
        double cpu = 0;
        double gc = 0;
        long shuffle = 0;
        for (JsonNode acc : info.path("Accumulables")) {
            String name = acc.path("Name").asText();
            double value = acc.path("Value").asDouble();
            switch (name) {
                case "internal.metrics.executorRunTime" -> run = value / 1e3;
                case "internal.metrics.executorCpuTime" -> cpu = value / 1e9;
                case "internal.metrics.jvmGCTime" -> gc = value / 1e3;
                case "internal.metrics.shuffle.write.bytesWritten" -> shuffle = (long) value;
                default -> { }
            }
        }
        double wall = (info.path("Completion Time").asLong() - info.path("Submission Time").asLong()) / 1e3;
        return new Stage(info.path("Stage ID").asInt(), info.path("Stage Name").asText(),
                info.path("Number of Tasks").asInt(), wall, run, cpu, gc, shuffle);
    }

    static void print(String run, double jobSeconds, List<Stage> stages) {
        System.out.printf(Locale.ROOT, "%nstages of %s (job seconds %.2f):%n", run, jobSeconds);
        System.out.println("| stage | name | tasks | wall s | task run s | task CPU s | GC s | shuffle write MB |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        double wall = 0;
        for (Stage s : stages) {
            wall += s.wallSeconds();
            System.out.printf(Locale.ROOT, "| %d | %s | %d | %.2f | %.2f | %.2f | %.2f | %.1f |%n", s.id(), s.name(),
                    s.tasks(), s.wallSeconds(), s.runSeconds(), s.cpuSeconds(), s.gcSeconds(),
                    s.shuffleWriteBytes() / 1e6);
        }
        System.out.printf(Locale.ROOT, "stage wall time %.2f s of %.2f s; the rest (%.2f s) is the driver between"
                + " and after stages (planning, streaming the output)%n", wall, jobSeconds, jobSeconds - wall);
    }
}
