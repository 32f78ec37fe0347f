"""``python -m qapi_ir`` runs the ``qapi-build`` command line."""

import sys

from qapi_ir.build.entry import main

sys.exit(main())
