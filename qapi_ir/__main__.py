"""``python -m qapi_ir`` runs the ``qapi-build`` command line."""

import sys

from qapi_ir.build.cli import main

sys.exit(main())
