"""The backends shipped with qapi-build, registered through entry points."""
