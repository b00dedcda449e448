/**
 * The runtime's error catalogue: every kind of error a request can be answered with ({@link
 * dev.freshet.runtime.error.ErrorKind}), and the exception the jobs below the server throw for a
 * client's mistake. The lowest floor but config and time: every job may use it, it uses none.
 */
package dev.freshet.runtime.error;
