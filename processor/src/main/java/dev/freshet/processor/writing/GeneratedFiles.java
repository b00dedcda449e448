package dev.freshet.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.annotation.processing.Filer;

/** What every generated source shares: the {@code @Generated} marker and how it is written. */
public final class GeneratedFiles {
  static final String PROCESSOR = "dev.freshet.processor.FreshetProcessor";

  private GeneratedFiles() {}

  static AnnotationSpec generatedAnnotation() {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", PROCESSOR)
        .build();
  }

  static void write(Filer filer, String packageName, TypeSpec type) {
    JavaFile file = JavaFile.builder(packageName, type).indent("  ").skipJavaLangImports(true).build();
    try {
      file.writeTo(filer);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + packageName + "." + type.name(), e);
    }
  }
}
