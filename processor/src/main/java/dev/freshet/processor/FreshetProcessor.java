package dev.freshet.processor;

import com.google.auto.service.AutoService;
import dev.freshet.processor.base.Options;
import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.data.FooterSchemaReader;
import dev.freshet.processor.data.SchemaReader;
import dev.freshet.processor.model.DefinitionKind;
import dev.freshet.processor.step.DefinitionsStep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Checks a feature repository's definitions when it compiles and generates its registry, row
 * records, materializers and typed clients.
 */
@AutoService(Processor.class)
public final class FreshetProcessor extends AbstractProcessor {
  private final Optional<SchemaReader> schemaReader;
  private Reporter reporter;
  private DefinitionsStep step;

  public FreshetProcessor() {
    this(Optional.of(new FooterSchemaReader()));
  }

  /** A processor that checks the definitions against the files {@code schemaReader} reads. */
  FreshetProcessor(Optional<SchemaReader> schemaReader) {
    this.schemaReader = schemaReader;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env.getMessager());
    step = new DefinitionsStep(env, reporter, schemaReader);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Arrays.stream(DefinitionKind.values())
        .map(DefinitionKind::annotation)
        .collect(Collectors.toSet());
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.all();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      step.process(round);
    } catch (RuntimeException | Error e) {
      // Never crash the compiler: say what failed, where a user can report it.
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "[FRESHET-INTERNAL] the Freshet annotation processor failed; please report this with"
                  + " the definitions that caused it:\n"
                  + trace);
    }
    return false;
  }
}
