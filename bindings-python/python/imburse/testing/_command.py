"""The ``imburse-emulator`` command (and ``python -m imburse.testing``): the emulator in the
package's native library, with the flags, defaults and refusals of the core's command."""

from __future__ import annotations

import signal
import sys

from .. import _native


def main() -> None:
    """Serves until SIGINT or SIGTERM, then exits with the command's status."""
    # The command handles Ctrl-C itself (it stops serving and exits 0); Python's handler
    # would only raise KeyboardInterrupt once the command has returned.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.exit(_native.run_emulator_command(["imburse-emulator", *sys.argv[1:]]))
