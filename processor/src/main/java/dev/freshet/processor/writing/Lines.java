package dev.freshet.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * How generated code is laid out where JavaPoet does not decide: javadoc filled up to the column
 * limit, and list initializers kept on their line when they fit, else started on the next one.
 * Continuation lines are indented by four spaces (two levels), as JavaPoet wraps statements and
 * signatures.
 */
final class Lines {
  /** The column no generated line goes past, JavaPoet's own. */
  static final int LIMIT = 100;

  /** The text width of a top-level type's javadoc ({@code " * "} before each line). */
  static final int TYPE_DOC = LIMIT - 3;

  /** The text width of a member's javadoc, one level in. */
  static final int MEMBER_DOC = LIMIT - 5;

  private Lines() {}

  /** A generated type's javadoc: {@code text}, then where it was generated from. */
  static CodeBlock typeDoc(String text, ClassName generatedFrom) {
    return CodeBlock.of(
        "$L\n\n<p>Generated from {@link $T}.\n", fill(text, TYPE_DOC), generatedFrom);
  }

  /** A member's javadoc. */
  static CodeBlock memberDoc(String text) {
    return CodeBlock.of("$L\n", fill(text, MEMBER_DOC));
  }

  /**
   * Refills each paragraph of {@code text} (paragraphs are separated by a blank line) to lines of
   * at most {@code width} characters, never breaking inside an inline tag such as {@code {@code
   * driver_hourly_stats}}.
   */
  static String fill(String text, int width) {
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : text.strip().split("\n\n")) {
      StringBuilder out = new StringBuilder();
      int column = 0;
      for (String word : words(paragraph)) {
        if (column > 0 && column + 1 + word.length() > width) {
          out.append('\n');
          column = 0;
        } else if (column > 0) {
          out.append(' ');
          column++;
        }
        out.append(word);
        column += word.length();
      }
      paragraphs.add(out.toString());
    }
    return String.join("\n\n", paragraphs);
  }

  /** The words of {@code paragraph}, an inline tag with its argument counting as one. */
  private static List<String> words(String paragraph) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int depth = 0;
    for (char c : paragraph.toCharArray()) {
      if (Character.isWhitespace(c) && depth == 0) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      depth += c == '{' ? 1 : c == '}' && depth > 0 ? -1 : 0;
      word.append(Character.isWhitespace(c) ? ' ' : c);
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * {@code List.of(a, b, c)} as a field's initializer: on the declaration's line when the whole
   * declaration fits, else on the next line, continued, its elements wrapping as needed.
   *
   * @param declaration the declaration's text up to and including {@code " = "}, indentation
   *     included
   */
  static CodeBlock listInitializer(String declaration, List<CodeBlock> elements) {
    CodeBlock oneLine = CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(elements, ", "));
    // The field's type is a List, so List is imported and written as such.
    String text = "List.of(" + CodeBlock.join(elements, ", ") + ");";
    if (declaration.length() + text.length() <= LIMIT) {
      return oneLine;
    }
    return CodeBlock.of("$>$>\n$T.of($L)$<$<", List.class, CodeBlock.join(elements, ",$W"));
  }
}
