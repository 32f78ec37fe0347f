"""The build layer: command line, configuration, plugin loading, caches and output."""
