/**
 * Checks of the definitions, one validator per kind and one {@code checkX} method per rule. Each
 * mistake is reported once, on the element, annotation or attribute value that has it, with a
 * stable id and the fix; the texts live in one catalogue per concept ({@code *Messages}).
 */
package dev.freshet.processor.validation;
