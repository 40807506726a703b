package io.relayharness.scenario;

import java.nio.file.Path;

/**
 * Where a run reads from and writes to. Immutable; thread-safe.
 *
 * @param projectDir the project folder (relay variants under {@code docker/relay/configs/})
 * @param reportsDir the folder that gets {@code <scenario>/<yyyyMMdd-HHmmss>/} and {@code
 *     <scenario>/latest}
 */
public record RunOptions(Path projectDir, Path reportsDir) {}
