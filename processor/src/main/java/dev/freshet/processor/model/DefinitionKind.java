package dev.freshet.processor.model;

/** The kinds of definition, each with its annotation and the namespace its names live in. */
public enum DefinitionKind {
  ENTITY("dev.freshet.annotations.Entity", "entity", "entities"),
  FILE_SOURCE("dev.freshet.annotations.FileSource", "file source", "data sources"),
  PUSH_SOURCE("dev.freshet.annotations.PushSource", "push source", "data sources"),
  KAFKA_SOURCE("dev.freshet.annotations.KafkaSource", "Kafka source", "data sources"),
  FEATURE_VIEW("dev.freshet.annotations.FeatureView", "feature view", "feature views"),
  STREAM_FEATURE_VIEW(
      "dev.freshet.annotations.StreamFeatureView", "stream feature view", "feature views"),
  REQUEST_SOURCE("dev.freshet.annotations.RequestSource", "request source", "data sources"),
  ON_DEMAND_FEATURE_VIEW(
      "dev.freshet.annotations.OnDemandFeatureView", "on-demand feature view", "feature views"),
  FEATURE_SERVICE("dev.freshet.annotations.FeatureService", "feature service", "feature services");

  private final String annotation;
  private final String noun;
  private final String namespace;

  DefinitionKind(String annotation, String noun, String namespace) {
    this.annotation = annotation;
    this.noun = noun;
    this.namespace = namespace;
  }

  public String annotation() {
    return annotation;
  }

  /** {@code @FeatureView}. */
  public String annotationSimpleName() {
    return "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
  }

  /** {@code feature view}. */
  public String noun() {
    return noun;
  }

  /** The names that must be unique together: {@code feature views} holds stream views too. */
  public String namespace() {
    return namespace;
  }
}
