"""The core: documents, findings, locations, the corpus of facts, the rule base classes,
and the registries of analyses and fact types.  It imports nothing above it."""
