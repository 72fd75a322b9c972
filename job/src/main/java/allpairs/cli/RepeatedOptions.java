package allpairs.cli;

import allpairs.UserError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * An option given twice with two values is an error; given twice with one value it counts once.
 * Checked before picocli parses: inside an option group picocli takes a repeated option as the
 * start of a second group and silently drops what the first one held.
 */
final class RepeatedOptions {
    private RepeatedOptions() {
    }

    /** The arguments with identical repeats removed; a {@link UserError} for a repeat with another value. */
    static String[] check(CommandSpec spec, String[] args) {
        if (args.length > 0 && spec.subcommands().containsKey(args[0])) {
            return args; // a subcommand parses its own options
        }
        Map<String, String> seen = new HashMap<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                kept.addAll(Arrays.asList(args).subList(i, args.length));
                break;
            }
            int eq = arg.indexOf('=');
            OptionSpec option = arg.startsWith("-") ? spec.findOption(eq > 0 ? arg.substring(0, eq) : arg) : null;
            int used = option == null || option.isMultiValue() ? 1 : eq > 0 || option.arity().max() == 0 ? 1 : 2;
            if (option == null || option.isMultiValue() || i + used > args.length) {
                kept.add(arg); // not ours to judge (picocli reports an unknown option or a missing value)
                continue;
            }
            String value = eq > 0 ? arg.substring(eq + 1) : used == 2 ? args[i + 1] : "";
            String name = option.longestName();
            String before = seen.putIfAbsent(name, value);
            if (before == null) {
                kept.addAll(Arrays.asList(args).subList(i, i + used));
            } else if (!before.equals(value)) {
                throw new UserError(name + " given twice ('" + before + "' and '" + value + "')", "option " + name);
            }
            i += used - 1;
        }
        return kept.toArray(String[]::new);
    }
}
