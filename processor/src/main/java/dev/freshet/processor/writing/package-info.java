/**
 * One JavaPoet writer per generated artifact. Generated code carries {@code @Generated} without a
 * date, names its originating elements, emits everything in a deterministic order, and compiles
 * without warnings under {@code -Xlint:all}.
 */
package dev.freshet.processor.writing;
