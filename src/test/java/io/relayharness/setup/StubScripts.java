package io.relayharness.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes executable bash stubs that stand in for system commands in script tests. Stateless. */
final class StubScripts {

  private StubScripts() {}

  /** Writes {@code #!/bin/bash} plus {@code body} to {@code file}, executable; returns file. */
  static Path write(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/bash\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
