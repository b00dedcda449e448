/** Reading times as users write them on command lines and in requests. */
package dev.freshet.runtime.time;
