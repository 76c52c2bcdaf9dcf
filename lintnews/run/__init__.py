"""A run: finding and reading files, the per-document stage and its executors (this
process, worker processes, Dask), the cache, the corpus stage, the filters (inline
suppressions, per-file ignores, baselines), fixes, and the configuration."""
