/** A small service that reads its model's features through the generated typed client. */
package dev.freshet.sample.example;
