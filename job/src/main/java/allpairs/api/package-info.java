/**
 * allpairs inside a Spark program: {@link allpairs.api.AllPairs} runs the command line's job on the
 * caller's session and Datasets, and hands back a lazy Dataset of edges or writes the output as the
 * command line does. With Kryo and {@code spark.kryo.registrationRequired=true}, name
 * {@code allpairs.spark.KryoRegistration} in {@code spark.kryo.registrator}. See docs/api.md.
 */
package allpairs.api;
