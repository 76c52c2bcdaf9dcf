"""Analyses: what is computed once per document and read by many rules (name mentions,
title mentions, quotations, pattern matching, the machine-translation score, the
dictionary), each with the knowledge it loads."""
