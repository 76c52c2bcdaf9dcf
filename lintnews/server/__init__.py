"""lintnews in the editor: a language server over standard input and output.

``lintnews-server`` (or ``python -m lintnews.server``) speaks the Language Server
Protocol: diagnostics for text and Markdown buffers as they are typed, checked against
every document of the workspace (names, titles and spellings across files), and code
actions (fixes, suggestions, accepting a spelling, disabling a rule for a line).  It
needs the ``lsp`` extra (``pip install 'lintnews[lsp]'``).  See the README, "In the
editor".

The layers: :mod:`.workspace` runs lintnews's stages over the workspace (no LSP);
:mod:`.positions` converts lintnews's columns to the editor's units; :mod:`.diagnostics`
and :mod:`.actions` make LSP objects; :mod:`.config_edit` adds a term to ``accept``;
:mod:`.server` is the protocol.
"""

from __future__ import annotations

import argparse
import logging
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lintnews-server", description="lintnews's language server (LSP over standard input and output).")
    parser.add_argument("--stdio", action="store_true", help="Speak LSP over standard input and output (the default and only transport; accepted for clients that pass it).")
    parser.add_argument("--log-file", metavar="FILE", help="Write the server's log to FILE.")
    parser.add_argument("-v", "--verbose", action="store_true", help="Log debug messages (with --log-file).")
    parser.add_argument("--version", action="store_true", help="Print the version and exit.")
    args = parser.parse_args(argv)
    if args.version:
        from lintnews.core.version import __version__

        print(f"lintnews-server {__version__}")
        return 0
    if args.log_file:
        logging.basicConfig(filename=args.log_file, level=logging.DEBUG if args.verbose else logging.INFO)
    try:
        from lintnews.server.server import build
    except ImportError as exc:  # pragma: no cover - depends on the installation
        sys.stderr.write(f"lintnews-server: {exc}; install the server's dependencies: pip install 'lintnews[lsp]'\n")
        return 2
    server = build()
    server.start_io()
    return server.exit_status
