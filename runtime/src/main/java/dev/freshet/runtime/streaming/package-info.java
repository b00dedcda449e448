/**
 * Stream ingestion: the stream feature views of the registry run as one Kafka Streams application,
 * reading their Kafka topics, keeping window state in RocksDB backed by changelog topics, and
 * writing results through the online store's newest-wins write.
 */
package dev.freshet.runtime.streaming;
