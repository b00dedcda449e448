package dev.freshet.processor.writing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small pretty-printing JSON writer for {@code registry.json}. The processor path stays free of a
 * JSON library, and the output format is ours to keep stable.
 */
final class JsonText {
  private final StringBuilder out = new StringBuilder();

  /** Per open container: whether it has had an element yet. */
  private final Deque<boolean[]> open = new ArrayDeque<>();

  private boolean afterName;

  JsonText beginObject() {
    return begin('{');
  }

  JsonText endObject() {
    return end('}');
  }

  JsonText beginArray() {
    return begin('[');
  }

  JsonText endArray() {
    return end(']');
  }

  JsonText name(String name) {
    separate();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonText value(String value) {
    separate();
    string(value);
    return this;
  }

  JsonText value(boolean value) {
    separate();
    out.append(value);
    return this;
  }

  @Override
  public String toString() {
    return out + "\n";
  }

  private JsonText begin(char bracket) {
    separate();
    out.append(bracket);
    open.push(new boolean[] {false});
    return this;
  }

  private JsonText end(char bracket) {
    boolean hadElements = open.pop()[0];
    if (hadElements) {
      newline();
    }
    out.append(bracket);
    return this;
  }

  /** Writes what goes before a value or a name: a comma and a new line, unless after a name. */
  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (open.isEmpty()) {
      return;
    }
    boolean[] state = open.peek();
    if (state[0]) {
      out.append(',');
    }
    state[0] = true;
    newline();
  }

  private void newline() {
    out.append('\n');
    out.append("  ".repeat(open.size()));
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
