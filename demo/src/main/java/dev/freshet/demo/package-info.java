/**
 * The one-command demo of the reference scenario: a local Kafka broker, the embedded online store,
 * batch materialization, the event emitter, stream ingestion and the feature server in one process,
 * with a walk through the scenario in the terminal.
 */
package dev.freshet.demo;
