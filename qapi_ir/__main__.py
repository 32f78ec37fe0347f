"""``python -m qapi_ir`` runs the ``qapi-build`` command line."""

import sys

from qapi_ir.driver.entry import main

sys.exit(main())
