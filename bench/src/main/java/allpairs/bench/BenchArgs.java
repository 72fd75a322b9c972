package allpairs.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} options of an end-to-end bench's main, each name checked against its usage line. */
final class BenchArgs {
    private final Map<String, String> values = new HashMap<>();

    /** {@code usage}: the known options as {@code --name VALUE ...}; an unknown name throws, citing it. */
    BenchArgs(String[] args, String usage) {
        for (int a = 0; a < args.length; a += 2) {
            if (!(" " + usage + " ").contains(" " + args[a] + " ") || !args[a].startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + args[a] + " (known: " + usage + ")");
            }
            if (a + 1 == args.length) {
                throw new IllegalArgumentException("option " + args[a] + " needs a value (known: " + usage + ")");
            }
            values.put(args[a], args[a + 1]);
        }
    }

    int intOr(String name, int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    long longOr(String name, long otherwise) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : otherwise;
    }

    /** The value, or null when the option is not given. */
    Integer intOrNull(String name) {
        return values.containsKey(name) ? Integer.valueOf(values.get(name)) : null;
    }

    String stringOr(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    Path pathOr(String name, Path otherwise) {
        return values.containsKey(name) ? Path.of(values.get(name)) : otherwise;
    }
}
