"""An example lintnews plugin (see examples/plugin/pyproject.toml)."""
