package allpairs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Launcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's recipes, run as written: every fenced bash and python block under "## Recipes",
 * extracted from README.md, in order, each recipe in a fresh directory where {@code ./submit.sh}
 * is the repository's launcher. A python block runs when python3 and the modules it imports are
 * there; otherwise the rest of that recipe is skipped (an assumption), never failed.
 */
class RecipesIT {
    private static final Pattern BLOCK = Pattern.compile("^```(bash|python)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("^\\s*(?:import|from)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.MULTILINE);

    @TempDir
    Path dir;

    record Block(String language, String code) {
    }

    @TestFactory
    Stream<DynamicTest> everyRecipeRunsAsWritten() throws IOException {
        String readme = Files.readString(Launcher.root().resolve("README.md"));
        int start = readme.indexOf("\n## Recipes\n");
        assertThat(start).as("README has a Recipes section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String[] recipes = readme.substring(start, end).split("\n### ");
        List<DynamicTest> tests = new ArrayList<>();
        for (int r = 1; r < recipes.length; r++) {
            String title = recipes[r].substring(0, recipes[r].indexOf('\n'));
            List<Block> blocks = blocks(recipes[r]);
            assertThat(blocks).as("blocks of recipe " + title).isNotEmpty();
            int n = r;
            tests.add(DynamicTest.dynamicTest(title, () -> run(dir.resolve("recipe-" + n), blocks)));
        }
        assertThat(tests).as("three recipes").hasSize(3);
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void aModuleThatIsNotInstalledIsReportedMissing() throws Exception {
        assertThat(missingModules("import json\nfrom allpairs_no_such_module import x\n"))
                .containsAnyOf("allpairs_no_such_module", "python3").doesNotContain("json");
    }

    static List<Block> blocks(String recipe) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(recipe);
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2)));
        }
        return blocks;
    }

    private static void run(Path work, List<Block> blocks) throws Exception {
        Files.createDirectories(work);
        Path launcher = work.resolve("submit.sh"); // ./submit.sh as the recipes say: the repository's
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Launcher.root().resolve("submit.sh") + "' \"$@\"\n");
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            Path file = work.resolve("block-" + b + (block.language().equals("bash") ? ".sh" : ".py"));
            Files.writeString(file, block.code());
            if (block.language().equals("bash")) {
                exec(work, "block " + b, "bash", "-euo", "pipefail", file.toString());
            } else {
                Set<String> missing = missingModules(block.code());
                Assumptions.assumeTrue(missing.isEmpty(), "python3 or its modules " + missing
                        + " are not installed: the rest of this recipe is skipped from block " + b);
                exec(work, "block " + b, "python3", file.toString());
            }
        }
    }

    /** python3 itself (as "python3") or the top-level modules the block imports that do not import. */
    static Set<String> missingModules(String code) throws InterruptedException {
        Set<String> modules = new LinkedHashSet<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            modules.add(m.group(1));
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String module : modules) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import " + module).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    missing.add(module);
                }
            } catch (IOException e) {
                missing.add("python3");
                break;
            }
        }
        return missing;
    }

    private static void exec(Path work, String what, String... cmd) throws Exception {
        Path out = work.resolve(what.replace(' ', '-') + ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().remove("SPARK_HOME");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(what + " did not finish in 180 s: " + Files.readString(out));
        }
        assertThat(p.exitValue()).as(what + " of " + work.getFileName() + ":\n" + Files.readString(out, StandardCharsets.UTF_8))
                .isZero();
    }
}
