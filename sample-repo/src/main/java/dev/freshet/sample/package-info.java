/**
 * The driver-churn feature repository of the reference scenario: drivers, their hourly stats read
 * from Parquet, their daily miles kept fresh from a Kafka topic, and two feature services.
 */
package dev.freshet.sample;
