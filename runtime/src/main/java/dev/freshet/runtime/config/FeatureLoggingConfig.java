package dev.freshet.runtime.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * {@code freshet.feature-logging.<feature service>.*}: logging of the responses served for one
 * feature service to Parquet files.
 */
@EachProperty("freshet.feature-logging")
public class FeatureLoggingConfig {
  private final String featureService;
  private double sampleRate = 1.0;
  private String path;
  private long rollSize = 64L * 1024 * 1024;
  private Duration rollInterval = Duration.ofMinutes(5);
  private int queueCapacity = 10_000;

  public FeatureLoggingConfig(@Parameter String featureService) {
    this.featureService = featureService;
  }

  /**
   * The feature service as named in the configuration, in Micronaut's kebab case ({@code
   * model-v1}).
   */
  public String getFeatureService() {
    return featureService;
  }

  /** The share of responses logged, from 0 to 1. */
  public double getSampleRate() {
    return sampleRate;
  }

  public void setSampleRate(double sampleRate) {
    this.sampleRate = sampleRate;
  }

  /** The directory the files go to; unset: {@code data/feature_logs/<feature service>}. */
  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  /** A file is closed once its rows take about this much memory (e.g. {@code 64MB}). */
  public long getRollSize() {
    return rollSize;
  }

  public void setRollSize(@ReadableBytes long rollSize) {
    this.rollSize = rollSize;
  }

  /** A file is closed at the latest this long after its first row. */
  public Duration getRollInterval() {
    return rollInterval;
  }

  public void setRollInterval(Duration rollInterval) {
    this.rollInterval = rollInterval;
  }

  /** Responses waiting to be written; past this, new ones are dropped and counted. */
  public int getQueueCapacity() {
    return queueCapacity;
  }

  public void setQueueCapacity(int queueCapacity) {
    this.queueCapacity = queueCapacity;
  }
}
