package dev.freshet.spec;

/** A source of feature data. */
public sealed interface DataSourceSpec permits FileSourceSpec, PushSourceSpec, KafkaSourceSpec {
  String name();

  /** {@code file}, {@code push} or {@code kafka}. */
  String kind();
}
