package dev.freshet.runtime.offline;

/**
 * A batch source lacks a declared column, or has it with a type the declaration does not accept.
 */
public class SourceSchemaException extends SourceReadException {
  private static final long serialVersionUID = 1L;

  public SourceSchemaException(String message) {
    super(message);
  }
}
