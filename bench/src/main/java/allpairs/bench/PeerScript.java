package allpairs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a peer's script of bench/ under python (RapidFuzz, numba, the data and check scripts): peers are
 * optional, so a script that cannot start or fails is said in one line and the benchmark goes on.
 */
final class PeerScript {
    /** The script's last output line (its JSON result) and its process wall, start-up included. */
    record Output(String lastLine, double wallSeconds) {
    }

    private PeerScript() {
    }

    /**
     * @param name how the line that says it did not run names it
     * @param hint said when it failed (how to install the peer), or ""
     * @return its output, or null (said why) when it could not start or exited non-zero
     */
    static Output run(String name, String hint, String python, String script, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python, Path.of("bench", script).toString()));
        cmd.addAll(List.of(args));
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println(name + " not run: cannot start " + python + " (" + e.getMessage() + ")");
            return null;
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        double wall = (System.nanoTime() - start) / 1e9;
        if (p.waitFor() != 0) {
            System.out.println(name + " not run" + hint + ": " + text);
            return null;
        }
        return new Output(text.substring(text.lastIndexOf('\n') + 1), wall);
    }
}
