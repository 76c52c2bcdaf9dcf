"""LanguageTool as an optional grammar backend (rule L101).

- :mod:`.protocol`: pure code for LanguageTool's HTTP protocol: cutting a document into
  requests under the server's size limit, reading ``/v2/check`` answers, and turning
  LanguageTool's offsets (UTF-16 code units) into character offsets.
- :mod:`.cache`: answers stored by content hash, so unchanged text is never sent twice.
- :mod:`.backend`: the connection: a server URL, or a local server started once per run
  through language-tool-python; a session that sends requests in worker threads while
  the other rules run, and that records why grammar checks were skipped.
"""
