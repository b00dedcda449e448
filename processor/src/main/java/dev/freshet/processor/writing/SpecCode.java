package dev.freshet.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.freshet.spec.AggregationSpec;
import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.EntitySpec;
import dev.freshet.spec.FeatureSelectionSpec;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.MessageFieldSpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.PushSourceSpec;
import dev.freshet.spec.RequestSourceSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Java expressions that rebuild spec records at run time, for the generated registry: each
 * through its builder, one named part per line, leaving out the parts that keep the builder's
 * default, so that a definition reads as its annotation does.
 */
final class SpecCode {
  private SpecCode() {}

  static CodeBlock entity(EntitySpec e) {
    Chain chain = new Chain(EntitySpec.class, e.name());
    e.joinKeys().forEach(k -> joinKey(chain, k));
    metadata(chain, e.description(), e.tags(), e.owner());
    return chain.build();
  }

  static CodeBlock dataSource(DataSourceSpec source) {
    if (source instanceof FileSourceSpec f) {
      FileSourceSpec defaults = FileSourceSpec.builder(f.name()).build();
      Chain chain = new Chain(FileSourceSpec.class, f.name());
      chain.unlessDefault(f.path(), defaults.path(), "path($S)", f.path());
      chain.unlessDefault(
          f.timestampField(), defaults.timestampField(), "timestampField($S)", f.timestampField());
      chain.unlessDefault(
          f.createdTimestampColumn(),
          defaults.createdTimestampColumn(),
          "createdTimestampColumn($S)",
          f.createdTimestampColumn());
      new TreeMap<>(f.fieldMapping())
          .forEach((column, feature) -> chain.call("fieldMapping($S, $S)", column, feature));
      metadata(chain, f.description(), f.tags(), f.owner());
      return chain.build();
    }
    if (source instanceof PushSourceSpec p) {
      PushSourceSpec defaults = PushSourceSpec.builder(p.name()).build();
      Chain chain = new Chain(PushSourceSpec.class, p.name());
      chain.unlessDefault(
          p.batchSource(), defaults.batchSource(), "batchSource($S)", p.batchSource());
      metadata(chain, p.description(), p.tags(), p.owner());
      return chain.build();
    }
    if (source instanceof RequestSourceSpec r) {
      Chain chain = new Chain(RequestSourceSpec.class, r.name());
      features(chain, r.fields(), "field", "nullableField");
      metadata(chain, r.description(), r.tags(), r.owner());
      return chain.build();
    }
    KafkaSourceSpec k = (KafkaSourceSpec) source;
    KafkaSourceSpec defaults = KafkaSourceSpec.builder(k.name()).build();
    Chain chain = new Chain(KafkaSourceSpec.class, k.name());
    chain.unlessDefault(k.topic(), defaults.topic(), "topic($S)", k.topic());
    chain.unlessDefault(
        k.format(), defaults.format(), "format($T.$L)", k.format().getClass(), k.format());
    chain.unlessDefault(k.avroSchema(), defaults.avroSchema(), "avroSchema($S)", k.avroSchema());
    chain.unlessDefault(
        k.timestampField(), defaults.timestampField(), "timestampField($S)", k.timestampField());
    chain.unlessDefault(
        k.timestampFormat(),
        defaults.timestampFormat(),
        "timestampFormat($T.$L)",
        k.timestampFormat().getClass(),
        k.timestampFormat());
    chain.unlessDefault(
        k.watermarkDelay(),
        defaults.watermarkDelay(),
        "watermarkDelay($L)",
        duration(k.watermarkDelay()));
    chain.unlessDefault(
        k.batchSource(), defaults.batchSource(), "batchSource($S)", k.batchSource());
    for (MessageFieldSpec field : k.fields()) {
      chain.call(
          field.nullable() ? "nullableField($S,$W$T.$L)" : "field($S,$W$T.$L)",
          field.name(),
          field.type().getClass(),
          field.type());
    }
    metadata(chain, k.description(), k.tags(), k.owner());
    return chain.build();
  }

  static CodeBlock featureView(FeatureViewSpec v) {
    FeatureViewSpec defaults = FeatureViewSpec.builder(v.name()).build();
    Chain chain = new Chain(FeatureViewSpec.class, v.name());
    if (!v.entities().isEmpty()) {
      chain.call("entities($L)", strings(v.entities()));
    }
    v.joinKeys().forEach(k -> joinKey(chain, k));
    chain.unlessDefault(v.source(), defaults.source(), "source($S)", v.source());
    chain.unlessDefault(v.ttl(), defaults.ttl(), "ttl($L)", duration(v.ttl()));
    chain.unlessDefault(v.online(), defaults.online(), "online($L)", v.online());
    features(chain, v.features(), "feature", "nullableFeature");
    chain.unlessDefault(v.schedule(), defaults.schedule(), "schedule($S)", v.schedule());
    chain.unlessDefault(
        v.acceptsNonFinite(),
        defaults.acceptsNonFinite(),
        "acceptsNonFinite($L)",
        v.acceptsNonFinite());
    metadata(chain, v.description(), v.tags(), v.owner());
    return chain.build();
  }

  static CodeBlock streamFeatureView(StreamFeatureViewSpec s) {
    StreamFeatureViewSpec defaults = StreamFeatureViewSpec.builder(s.name()).build();
    Chain chain = new Chain(StreamFeatureViewSpec.class, s.name());
    chain.unlessDefault(s.source(), defaults.source(), "source($S)", s.source());
    chain.unlessDefault(s.targetView(), defaults.targetView(), "targetView($S)", s.targetView());
    for (AggregationSpec a : s.aggregations()) {
      if (a.isAggregated()) {
        chain.call(
            "aggregation($S,$W$T.$L,$W$S,$W$L,$W$L)",
            a.feature(),
            a.function().getClass(),
            a.function(),
            a.column(),
            duration(a.window()),
            duration(a.slide()));
      } else {
        chain.call("plainFeature($S,$W$S)", a.feature(), a.column());
      }
    }
    metadata(chain, s.description(), s.tags(), s.owner());
    return chain.build();
  }

  static CodeBlock featureService(FeatureServiceSpec s) {
    Chain chain = new Chain(FeatureServiceSpec.class, s.name());
    for (FeatureSelectionSpec selection : s.selections()) {
      CodeBlock features = CodeBlock.of("$T.of($L)", List.class, strings(selection.features()));
      if (selection.alias().isEmpty()) {
        chain.call("select($S,$W$L)", selection.featureView(), features);
      } else {
        chain.call("selectAs($S,$W$S,$W$L)", selection.featureView(), selection.alias(), features);
      }
    }
    metadata(chain, s.description(), s.tags(), s.owner());
    return chain.build();
  }

  /** An on-demand view, its transform the generated class {@code transform}. */
  static CodeBlock onDemandFeatureView(OnDemandFeatureViewSpec v, ClassName transform) {
    Chain chain = new Chain(OnDemandFeatureViewSpec.class, v.name());
    for (OnDemandFeatureViewSpec.Input input : v.inputs()) {
      chain.call(input.request() ? "request($S)" : "view($S)", input.name());
    }
    features(chain, v.features(), "feature", "nullableFeature");
    chain.call("transform(new $T())", transform);
    if (v.writeToOnlineStore()) {
      chain.call("writeToOnlineStore()");
    }
    metadata(chain, v.description(), v.tags(), v.owner());
    return chain.build();
  }

  /**
   * One {@code feature(name, type)} call per feature, {@code nullableFeature} where it may be null.
   */
  private static void features(
      Chain chain, List<FeatureSpec> features, String method, String nullableMethod) {
    for (FeatureSpec feature : features) {
      chain.call(
          (feature.nullable() ? nullableMethod : method) + "($S,$W$T.$L)",
          feature.name(),
          feature.type().getClass(),
          feature.type());
    }
  }

  private static void joinKey(Chain chain, JoinKeySpec k) {
    chain.call("joinKey($S,$W$T.$L)", k.name(), k.type().getClass(), k.type());
  }

  /** Description, tags (in key order) and owner, each only when set: every builder starts empty. */
  private static void metadata(
      Chain chain, String description, Map<String, String> tags, String owner) {
    chain.unlessDefault(description, "", "description($S)", description);
    new TreeMap<>(tags).forEach((key, value) -> chain.call("tag($S,$W$S)", key, value));
    chain.unlessDefault(owner, "", "owner($S)", owner);
  }

  /**
   * {@code Duration.ofDays(100000)}: the largest unit that holds the duration whole, as a person
   * writes it; sub-millisecond durations as seconds and nanoseconds, which are exact.
   */
  static CodeBlock duration(Duration d) {
    if (d.isZero()) {
      return CodeBlock.of("$T.ZERO", Duration.class);
    }
    if (d.getNano() % 1_000_000 != 0) {
      return CodeBlock.of(
          "$T.ofSeconds($L, $L)", Duration.class, number(d.getSeconds()), d.getNano());
    }
    if (d.getNano() != 0) {
      return CodeBlock.of("$T.ofMillis($L)", Duration.class, number(d.toMillis()));
    }
    long seconds = d.getSeconds();
    if (seconds % 86_400 == 0) {
      return CodeBlock.of("$T.ofDays($L)", Duration.class, number(seconds / 86_400));
    }
    if (seconds % 3_600 == 0) {
      return CodeBlock.of("$T.ofHours($L)", Duration.class, number(seconds / 3_600));
    }
    if (seconds % 60 == 0) {
      return CodeBlock.of("$T.ofMinutes($L)", Duration.class, number(seconds / 60));
    }
    return CodeBlock.of("$T.ofSeconds($L)", Duration.class, number(seconds));
  }

  /** A long argument as a literal: an int literal where one holds it, else with {@code L}. */
  private static String number(long value) {
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
        ? Long.toString(value)
        : value + "L";
  }

  /** {@code "a", "b"}, wrapping where a line would grow too long. */
  static CodeBlock strings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(",$W"));
  }

  /**
   * {@code Type.builder("name")}, one call per line indented once more (a continuation of the
   * expression), then {@code .build()}.
   */
  private static final class Chain {
    private final CodeBlock.Builder code = CodeBlock.builder();

    Chain(Class<?> specType, String name) {
      code.add("$T.builder($S)$>$>", specType, name);
    }

    void call(String format, Object... args) {
      code.add("\n.").add(format, args);
    }

    /** The call, unless the value is the builder's default, which it would only repeat. */
    void unlessDefault(Object value, Object defaultValue, String format, Object... args) {
      if (!Objects.equals(value, defaultValue)) {
        call(format, args);
      }
    }

    CodeBlock build() {
      return code.add("\n.build()$<$<").build();
    }
  }
}
