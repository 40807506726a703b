/**
 * The command line: {@code list}, {@code validate}, {@code schema}, {@code run}, {@code compare},
 * {@code ab} (A/B runs with statistics, package {@code experiment}). Exit codes: 0 every
 * expectation held, 1 an expectation failed, 2 bad input or usage, 3 the environment cannot run it
 * (no Docker, no engine).
 */
package io.relayharness.cli;
