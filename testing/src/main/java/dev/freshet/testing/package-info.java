/**
 * What the tests, the benchmarks and the demo start as real processes: a Kafka broker (KRaft) from
 * the {@code kafka_2.13} artifact, {@code redis-server} standalone and as a cluster, on free ports;
 * and hand-written registries. Nothing a production jar needs.
 */
package dev.freshet.testing;
