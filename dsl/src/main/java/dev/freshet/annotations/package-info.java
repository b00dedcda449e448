/**
 * The annotations a feature repository is written with.
 *
 * <p>Each definition is an interface carrying one of {@link Entity}, {@link FileSource}, {@link
 * PushSource}, {@link KafkaSource}, {@link FeatureView}, {@link StreamFeatureView} or {@link
 * FeatureService}. Its abstract methods declare typed members (join keys, features, message
 * fields). The Freshet annotation processor checks the whole repository when it compiles and
 * reports each mistake as a compiler error on the line that has it; then it generates the registry,
 * row records, materializers and typed clients.
 *
 * <p>Names default to the snake_case of the Java name ({@code DriverHourlyStats} becomes {@code
 * driver_hourly_stats}, {@code convRate()} becomes {@code conv_rate}). A run of digits starts a
 * word ({@code spend7d()} becomes {@code spend_7d}) unless it follows a one-letter word ({@code
 * ModelV1} becomes {@code model_v1}). {@link Name} overrides a member's name and each definition's
 * {@code name} attribute overrides the definition's.
 */
package dev.freshet.annotations;
