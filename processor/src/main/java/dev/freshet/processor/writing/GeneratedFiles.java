package dev.freshet.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.regex.Pattern;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/** What every generated source shares: the {@code @Generated} marker and how it is written. */
public final class GeneratedFiles {
  static final String PROCESSOR = "dev.freshet.processor.FreshetProcessor";

  /**
   * Spaces before a line break. JavaPoet writes a field's {@code " = "} before its initializer, so
   * an initializer that starts on the next line would leave one at the end of the line.
   */
  private static final Pattern TRAILING_SPACES = Pattern.compile(" +$", Pattern.MULTILINE);

  private GeneratedFiles() {}

  static AnnotationSpec generatedAnnotation() {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", PROCESSOR)
        .build();
  }

  static void write(Filer filer, String packageName, TypeSpec type) {
    JavaFile file =
        JavaFile.builder(packageName, type).indent("  ").skipJavaLangImports(true).build();
    String name = packageName.isEmpty() ? type.name() : packageName + "." + type.name();
    try {
      StringBuilder source = new StringBuilder();
      file.writeTo(source);
      JavaFileObject output =
          filer.createSourceFile(name, type.originatingElements().toArray(new Element[0]));
      try (Writer writer = output.openWriter()) {
        writer.write(TRAILING_SPACES.matcher(source).replaceAll(""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + name, e);
    }
  }
}
