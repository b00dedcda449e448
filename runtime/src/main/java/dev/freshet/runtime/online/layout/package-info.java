/**
 * Feast's online byte layout: entity keys (serialization v3), feature field hashes, {@code Value}
 * and {@code Timestamp} protobuf messages. Byte-compatible, so that Freshet and Feast read what the
 * other wrote.
 */
package dev.freshet.runtime.online.layout;
