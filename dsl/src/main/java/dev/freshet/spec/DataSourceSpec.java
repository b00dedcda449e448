package dev.freshet.spec;

/** A source of feature data. */
public sealed interface DataSourceSpec
    permits FileSourceSpec, PushSourceSpec, KafkaSourceSpec, RequestSourceSpec {
  String name();

  /** {@code file}, {@code push}, {@code kafka} or {@code request}. */
  String kind();
}
