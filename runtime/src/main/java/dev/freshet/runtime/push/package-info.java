/**
 * Pushes: Feast's {@code /push} request checked as a whole ({@link
 * dev.freshet.runtime.push.PushRequest}), typed per view for the online store and per column for
 * the offline store, then written, all or nothing.
 */
package dev.freshet.runtime.push;
