"""The backends shipped with qapi-build, found by name (``BUILTIN_BACKENDS`` in
``qapi_ir/driver/plugins.py``)."""
