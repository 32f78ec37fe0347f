"""qapi-build: a code-generation suite for the QAPI schema language."""
