"""The front end: reads a schema, checks it and lowers it into the IR."""
