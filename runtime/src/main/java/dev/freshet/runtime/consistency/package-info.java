/**
 * Whether training and serving agree: served-feature logs against point-in-time retrieval at each
 * logged request's time ({@link dev.freshet.runtime.consistency.ConsistencyCheck}).
 */
package dev.freshet.runtime.consistency;
