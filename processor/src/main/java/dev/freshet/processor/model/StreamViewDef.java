package dev.freshet.processor.model;

import dev.freshet.annotations.AggregationFunction;
import dev.freshet.processor.base.AnnotationReader.ClassRef;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A {@code @StreamFeatureView}: each method is a feature of the target, maybe aggregated. */
public record StreamViewDef(
    TypeElement element,
    AnnotationMirror mirror,
    String name,
    ClassRef source,
    ClassRef target,
    List<StreamFeature> features,
    Metadata metadata)
    implements Definition {

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.STREAM_FEATURE_VIEW;
  }

  /** A feature the stream computes; {@code aggregation} is null for a plain copy. */
  public record StreamFeature(Member member, Aggregation aggregation) {}

  /** An {@code @Aggregation}, as written; durations are checked by validation. */
  public record Aggregation(
      AnnotationMirror mirror,
      AggregationFunction function,
      String column,
      String window,
      String slide) {

    /** The slide as written, or the window when none is given (tumbling windows). */
    public String effectiveSlide() {
      return slide.isEmpty() ? window : slide;
    }
  }
}
