"""The package build's one step of its own: compile the built-in regexes ahead with the
Python that installs lintnews (``lintnews/data/compiled-regexes.json``, read at start-up by
``lintnews/core/compiled_regexes.py``; issue 19).

The compiled code depends on the Python version, as bytecode does, so it is made here and
never committed.  The module that compiles is loaded by its path: the build environment
has none of lintnews's dependencies.  Anything going wrong only costs start-up time, so a
failure is a warning, never a failed install.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
import warnings

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "lintnews/data/compiled-regexes.json"


def _compiler_module(root: str):
    path = os.path.join(root, "lintnews", "core", "compiled_regexes.py")
    spec = importlib.util.spec_from_file_location("_lintnews_compiled_regexes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CompiledRegexesHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        try:
            module = _compiler_module(self.root)
            if version == "editable":  # the package is read from the source tree
                module.write_table()
                return
            folder = tempfile.mkdtemp(prefix="lintnews-build-")
            out = os.path.join(folder, "compiled-regexes.json")
            module.write_table(module.Path(out))
            build_data["force_include"][out] = TARGET
        except Exception as error:  # noqa: BLE001 - the table only saves start-up time
            warnings.warn(f"lintnews: the built-in regexes were not compiled ahead ({error}); start-up is slower", stacklevel=1)
