"""``python -m imburse.testing``: the ``imburse-emulator`` command."""

from ._command import main

main()
