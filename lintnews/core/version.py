"""The version of lintnews (read by the build, written in reports and cache keys)."""

__version__ = "0.1.0"
