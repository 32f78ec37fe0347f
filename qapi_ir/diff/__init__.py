"""``qapi-build diff``: every API change between two versions of a schema, classified."""
