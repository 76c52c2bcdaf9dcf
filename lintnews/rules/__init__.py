"""The rules: one module per built-in Python rule or family, the data rule types that
rule packs instantiate, and the registry that collects and selects them.

Importing :mod:`lintnews.rules.builtin` registers the built-in rules; this package
itself imports nothing, so that reading one rule does not load every other.
"""
