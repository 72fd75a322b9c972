package allpairs.config;

import allpairs.io.InputFormat;

/**
 * Where the rows come from.
 *
 * @param input the query rows (any Hadoop path)
 * @param against reference rows for a rectangular query × reference matrix, or null
 * @param format npy, npz, text, fasta or fastq; null to take it from each file's name
 */
public record InputConfig(String input, String against, InputFormat format) {
    public InputConfig {
        JobConfig.require(input, "--input");
    }
}
