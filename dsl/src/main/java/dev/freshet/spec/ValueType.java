package dev.freshet.spec;

/**
 * The type of a feature or join key value, with Feast's names and the field numbers of its {@code
 * Value} protobuf message (used by the Redis layout shared with Feast).
 */
public enum ValueType {
  BYTES(1),
  STRING(2),
  INT32(3),
  INT64(4),
  DOUBLE(5),
  FLOAT(6),
  BOOL(7),
  UNIX_TIMESTAMP(8),
  BYTES_LIST(11),
  STRING_LIST(12),
  INT32_LIST(13),
  INT64_LIST(14),
  DOUBLE_LIST(15),
  FLOAT_LIST(16),
  BOOL_LIST(17),
  UNIX_TIMESTAMP_LIST(18);

  private final int protoField;

  ValueType(int protoField) {
    this.protoField = protoField;
  }

  /** The number of this type's member in Feast's {@code Value} oneof. */
  public int protoField() {
    return protoField;
  }

  public boolean isList() {
    return protoField > 10;
  }

  /** The element type of a list type, or this type itself. */
  public ValueType elementType() {
    return isList() ? fromProtoField(protoField - 10) : this;
  }

  /** The list type whose elements are of this type. */
  public ValueType listType() {
    if (isList()) {
      throw new IllegalStateException(this + " is already a list type");
    }
    return fromProtoField(protoField + 10);
  }

  public boolean isNumeric() {
    return this == INT32 || this == INT64 || this == FLOAT || this == DOUBLE;
  }

  private static ValueType fromProtoField(int field) {
    for (ValueType type : values()) {
      if (type.protoField == field) {
        return type;
      }
    }
    throw new IllegalArgumentException("no value type has protobuf field " + field);
  }
}
