package dev.freshet.processor.writing;

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
import dev.freshet.spec.PushSourceSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The Java expressions that rebuild spec records at run time, for the generated registry. */
final class SpecCode {
  private SpecCode() {}

  static CodeBlock entity(EntitySpec e) {
    return CodeBlock.of(
        "new $T(\n$>$S,\n$L,\n$S,\n$L,\n$S$<)",
        EntitySpec.class,
        e.name(),
        list(e.joinKeys(), SpecCode::joinKey),
        e.description(),
        map(e.tags()),
        e.owner());
  }

  static CodeBlock dataSource(DataSourceSpec source) {
    if (source instanceof FileSourceSpec f) {
      return CodeBlock.of(
          "new $T(\n$>$S,\n$S,\n$S,\n$S,\n$L,\n$S,\n$L,\n$S$<)",
          FileSourceSpec.class,
          f.name(),
          f.path(),
          f.timestampField(),
          f.createdTimestampColumn(),
          map(f.fieldMapping()),
          f.description(),
          map(f.tags()),
          f.owner());
    }
    if (source instanceof PushSourceSpec p) {
      return CodeBlock.of(
          "new $T(\n$>$S,\n$S,\n$S,\n$L,\n$S$<)",
          PushSourceSpec.class,
          p.name(),
          p.batchSource(),
          p.description(),
          map(p.tags()),
          p.owner());
    }
    KafkaSourceSpec k = (KafkaSourceSpec) source;
    return CodeBlock.of(
        "new $T(\n$>$S,\n$S,\n$T.$L,\n$S,\n$S,\n$T.$L,\n$L,\n$S,\n$L,\n$S,\n$L,\n$S$<)",
        KafkaSourceSpec.class,
        k.name(),
        k.topic(),
        k.format().getClass(),
        k.format(),
        k.avroSchema(),
        k.timestampField(),
        k.timestampFormat().getClass(),
        k.timestampFormat(),
        duration(k.watermarkDelay()),
        k.batchSource(),
        list(
            k.fields(),
            (MessageFieldSpec f) ->
                CodeBlock.of("new $T($S, $T.$L, $L)", MessageFieldSpec.class, f.name(), f.type().getClass(), f.type(), f.nullable())),
        k.description(),
        map(k.tags()),
        k.owner());
  }

  static CodeBlock featureView(FeatureViewSpec v) {
    // The schedule goes in only when there is one, so that unscheduled views read as before.
    return CodeBlock.of(
        "new $T(\n$>$S,\n$L,\n$L,\n$S,\n$L,\n$L,\n$L,\n$S,\n$L,\n$S" + (v.schedule().isEmpty() ? "$L" : ",\n$S") + "$<)",
        FeatureViewSpec.class,
        v.name(),
        list(v.entities(), s -> CodeBlock.of("$S", s)),
        list(v.joinKeys(), SpecCode::joinKey),
        v.source(),
        duration(v.ttl()),
        v.online(),
        list(
            v.features(),
            (FeatureSpec f) ->
                CodeBlock.of("new $T($S, $T.$L, $L)", FeatureSpec.class, f.name(), f.type().getClass(), f.type(), f.nullable())),
        v.description(),
        map(v.tags()),
        v.owner(),
        v.schedule().isEmpty() ? "" : v.schedule());
  }

  static CodeBlock streamFeatureView(StreamFeatureViewSpec s) {
    return CodeBlock.of(
        "new $T(\n$>$S,\n$S,\n$S,\n$L,\n$S,\n$L,\n$S$<)",
        StreamFeatureViewSpec.class,
        s.name(),
        s.source(),
        s.targetView(),
        list(s.aggregations(), SpecCode::aggregation),
        s.description(),
        map(s.tags()),
        s.owner());
  }

  static CodeBlock featureService(FeatureServiceSpec s) {
    return CodeBlock.of(
        "new $T(\n$>$S,\n$L,\n$S,\n$L,\n$S$<)",
        FeatureServiceSpec.class,
        s.name(),
        list(
            s.selections(),
            (FeatureSelectionSpec sel) ->
                CodeBlock.of(
                    "new $T($S, $S, $L)",
                    FeatureSelectionSpec.class,
                    sel.featureView(),
                    sel.alias(),
                    list(sel.features(), f -> CodeBlock.of("$S", f)))),
        s.description(),
        map(s.tags()),
        s.owner());
  }

  private static CodeBlock aggregation(AggregationSpec a) {
    if (!a.isAggregated()) {
      return CodeBlock.of(
          "new $T($S, null, $S, $T.ZERO, $T.ZERO)", AggregationSpec.class, a.feature(), a.column(), Duration.class, Duration.class);
    }
    return CodeBlock.of(
        "new $T($S, $T.$L, $S, $L, $L)",
        AggregationSpec.class,
        a.feature(),
        a.function().getClass(),
        a.function(),
        a.column(),
        duration(a.window()),
        duration(a.slide()));
  }

  private static CodeBlock joinKey(JoinKeySpec k) {
    return CodeBlock.of("new $T($S, $T.$L)", JoinKeySpec.class, k.name(), k.type().getClass(), k.type());
  }

  static CodeBlock duration(Duration d) {
    if (d.isZero()) {
      return CodeBlock.of("$T.ZERO", Duration.class);
    }
    if (d.toMillis() % 1000 != 0) {
      return CodeBlock.of("$T.ofMillis($LL)", Duration.class, d.toMillis());
    }
    return CodeBlock.of("$T.ofSeconds($LL)", Duration.class, d.getSeconds());
  }

  /** {@code List.of(...)}: one element on its line, several one per line. */
  static <T> CodeBlock list(List<T> items, Function<T, CodeBlock> code) {
    if (items.size() <= 1) {
      return CodeBlock.of("$T.of($L)", List.class, items.stream().map(code).collect(CodeBlock.joining(", ")));
    }
    return CodeBlock.of("$T.of(\n$>$L$<)", List.class, items.stream().map(code).collect(CodeBlock.joining(",\n")));
  }

  /** {@code Map.of(...)} in key order, or {@code Map.ofEntries} past Map.of's ten pairs. */
  static CodeBlock map(Map<String, String> map) {
    Map<String, String> sorted = new TreeMap<>(map);
    if (sorted.size() <= 10) {
      return CodeBlock.of(
          "$T.of($L)",
          Map.class,
          sorted.entrySet().stream().map(e -> CodeBlock.of("$S, $S", e.getKey(), e.getValue())).collect(CodeBlock.joining(", ")));
    }
    return CodeBlock.of(
        "$T.ofEntries($L)",
        Map.class,
        sorted.entrySet().stream()
            .map(e -> CodeBlock.of("$T.entry($S, $S)", Map.class, e.getKey(), e.getValue()))
            .collect(CodeBlock.joining(", ")));
  }
}
