"""``python -m articlekit`` runs the ``articlekit`` command line (see :mod:`articlekit.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
