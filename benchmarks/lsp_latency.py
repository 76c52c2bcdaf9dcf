#!/usr/bin/env python3
"""How long the language server takes, after the last keystroke, to publish diagnostics.

One command::

    pip install -e '.[lsp,bench]'
    python benchmarks/lsp_latency.py                     # 300 articles, a 5,000-word buffer
    python benchmarks/lsp_latency.py --articles 1000 --trials 60 --work /tmp/lsp-ws

It writes a workspace of ``--articles`` news articles of about 5 KB (``speed.py``'s
generator: paragraphs of the seeds and of ``../shared/corpora`` when present, people
whose names recur across files and are sometimes misspelt), starts ``lintnews-server``
(``python -m lintnews.server``) as a subprocess and drives it over stdio with pygls's
LSP client, as an editor would: ``initialize``, wait until the corpus is read, open a
buffer of ``--words`` words (paragraphs of other articles, with a misspelling of a
name of the corpus, so that the corpus rules have work to do), warm up, then for each
trial type a word into the middle of the buffer (or delete it again), one character
per ``didChange`` every ``--interval`` ms, and measure from the last keystroke sent to
the ``publishDiagnostics`` of that version received.  A second series does one
keystroke per trial.

It prints the median, the 95th percentile and the maximum of each series, the server's
debounce, and the CPU seconds the server used per lint (user + system, from
``/proc``), which a busy machine does not inflate as it inflates wall time: run it on an
idle machine for figures to compare.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

try:
    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient
    from pygls.uris import from_fs_path
except ImportError:  # pragma: no cover
    sys.exit("benchmarks/lsp_latency.py needs pygls: pip install -e '.[lsp]'")

from speed import make_corpus, misspell, paragraphs  # noqa: E402  (needs psutil: the bench extra)


def make_buffer(words: int, files: list[Path], rng: random.Random) -> tuple[str, str]:
    """A buffer of about ``words`` words and the name misspelt in it."""
    pool = paragraphs()
    lines: list[str] = []
    count = 0
    # A person of the corpus, misspelt once: N101 compares it with every closed file.
    sample = files[0].read_text(encoding="utf-8")
    name = next((w for line in sample.splitlines() if line.startswith("Spokesman ") for w in [line.split()[1]]), "Arianko")
    variant = misspell(name, rng)
    lines.append(f"Spokesman {variant} told reporters the ceasefire was holding.")
    while count < words:
        line = rng.choice(pool)
        lines.append(line)
        count += len(line.split())
    return "\n".join(lines) + "\n", variant


class Client:
    def __init__(self) -> None:
        self.client = LanguageClient("lsp-latency", "1")
        self.versions: dict[int, float] = {}  # version -> when its diagnostics arrived
        self.ready = asyncio.Event()
        self.arrived = asyncio.Event()
        self.last_diagnostics: list[lsp.Diagnostic] = []

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.versions[params.version] = time.perf_counter()
                self.last_diagnostics = list(params.diagnostics)
                self.arrived.set()

        @self.client.feature(lsp.WINDOW_LOG_MESSAGE)
        def log_message(params: lsp.LogMessageParams) -> None:
            if params.message.startswith("lintnews: ready"):
                print(f"  server: {params.message}")
                self.ready.set()

        @self.client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def show_message(params: lsp.ShowMessageParams) -> None:
            print(f"  server says: {params.message}")

    async def wait_version(self, version: int, guard: float = 60) -> float:
        while version not in self.versions:
            self.arrived.clear()
            await asyncio.wait_for(self.arrived.wait(), guard)
        return self.versions[version]


async def drain(stream) -> None:
    while stream is not None and await stream.read(65536):
        pass


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def stages(work: Path, path: Path, text: str, trials: int) -> None:
    """In this process: the CPU time of the server's two steps per keystroke, the
    per-document stage of the buffer and the corpus stage with the filter (the
    server's own Workspace, after the same memory settling)."""
    from lintnews.server.server import settle_memory
    from lintnews.server.workspace import Workspace

    ws = Workspace(str(work))
    ws.configure()
    files, _ = ws.discover()
    t = time.process_time()
    ws.add_files(files)
    print(f"  in-process: reading {len(files)} files: {time.process_time() - t:.1f} s CPU")
    settle_memory()
    per_doc, corpus = [], []
    for i in range(trials + 3):
        t0 = time.process_time()
        ws.set_buffer(str(path), text + "x" * (i % 3))
        t1 = time.process_time()
        ws.check({str(path)})
        t2 = time.process_time()
        if i >= 3:
            per_doc.append(t1 - t0)
            corpus.append(t2 - t1)
    print(summary("  per-document stage, CPU", per_doc))
    print(summary("  corpus stage + filter, CPU", corpus))


def summary(name: str, values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"{name:<28} n={len(ms):3d}  median {statistics.median(ms):6.0f} ms  p95 {p95:6.0f} ms  max {ms[-1]:6.0f} ms"


async def run(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="lsp-latency-"))
    folder = work / "articles"
    if not folder.is_dir():
        make_corpus(folder, args.articles, args.variant_rate)
    files = sorted(folder.glob("*.txt"))
    text, variant = make_buffer(args.words, files, rng)
    path = work / "draft.txt"
    uri = from_fs_path(str(path))
    print(f"workspace {work}: {len(files)} articles; buffer {len(text.split())} words, {len(text)} characters ({variant!r} misspelt)")

    c = Client()
    started = time.perf_counter()
    log = ["--log-file", args.server_log, "--verbose"] if args.server_log else []
    await c.client.start_io(sys.executable, "-m", "lintnews.server", *log)
    pid = c.client._server.pid
    # The server's standard error is a pipe nobody else reads: drained, so that it never fills.
    stderr_drain = asyncio.ensure_future(drain(c.client._server.stderr))
    await c.client.initialize_async(
        lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(),
            root_uri=from_fs_path(str(work)),
            workspace_folders=[lsp.WorkspaceFolder(uri=from_fs_path(str(work)), name="bench")],
            initialization_options={"debounce": args.debounce} if args.debounce is not None else None,
        )
    )
    c.client.initialized(lsp.InitializedParams())
    await asyncio.wait_for(c.ready.wait(), 600)
    print(f"  ready after {time.perf_counter() - started:.1f} s (start-up, rules, reading the corpus)")
    version = 1
    opened = time.perf_counter()
    c.client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=uri, language_id="plaintext", version=version, text=text)))
    await c.wait_version(version)
    print(f"  first diagnostics {1000 * (c.versions[version] - opened):.0f} ms after didOpen: {len(c.last_diagnostics)} diagnostics, codes {sorted({str(d.code) for d in c.last_diagnostics})}")

    lines = text.split("\n")
    row = len(lines) // 2
    column = len(lines[row])
    typed = ""

    def keystroke(insert: str | None) -> None:
        """Type one character at the end of the middle line (or delete the last one typed)."""
        nonlocal version, typed
        version += 1
        at = column + len(typed)
        if insert is None:
            rng_ = lsp.Range(lsp.Position(row, at - 1), lsp.Position(row, at))
            change = lsp.TextDocumentContentChangePartial(range=rng_, text="")
            typed = typed[:-1]
        else:
            rng_ = lsp.Range(lsp.Position(row, at), lsp.Position(row, at))
            change = lsp.TextDocumentContentChangePartial(range=rng_, text=insert)
            typed += insert
        c.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change])
        )

    async def burst(keys: list[str | None]) -> tuple[float, float]:
        """Type ``keys``; the latency after the last one, and the server's CPU seconds."""
        cpu = cpu_seconds(pid)
        for key in keys:
            keystroke(key)
            sent = time.perf_counter()
            await asyncio.sleep(args.interval / 1000)
        arrived = await c.wait_version(version)
        await asyncio.sleep(0.3)  # let the lints of this burst finish before reading the CPU time
        return arrived - sent, cpu_seconds(pid) - cpu

    for _ in range(args.warmup):
        await burst(list(" warm"))
        await burst([None] * 5)

    words = ["talks", "minister", "said", "village", "reporters", "election"]
    bursts, singles, cpu_per_burst, cpu_per_single = [], [], [], []
    for trial in range(args.trials):
        keys: list[str | None] = list(" " + words[trial % len(words)]) if not typed else [None] * len(typed)
        latency, cpu = await burst(keys)
        bursts.append(latency)
        cpu_per_burst.append(cpu)
    for trial in range(args.trials):
        latency, cpu = await burst(["x"] if not typed else [None])
        singles.append(latency)
        cpu_per_single.append(cpu)

    await c.client.shutdown_async(None)
    c.client.exit(None)
    await asyncio.sleep(0.2)
    await c.client.stop()
    stderr_drain.cancel()
    try:
        load = os.getloadavg()
    except OSError:  # pragma: no cover
        load = (float("nan"),) * 3
    print(f"debounce {args.debounce if args.debounce is not None else 'default'} ms; typing one key every {args.interval} ms; load average {load[0]:.1f} on {os.cpu_count()} cores")
    print(summary("word typed (burst), wall", bursts))
    print(summary("one keystroke, wall", singles))
    print(f"server CPU per burst: median {1000 * statistics.median(cpu_per_burst):.0f} ms; per keystroke: median {1000 * statistics.median(cpu_per_single):.0f} ms")
    if args.stages:
        stages(work, path, text, args.trials)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="Articles in the workspace (default 300).")
    parser.add_argument("--words", type=int, default=5000, help="Words in the open buffer (default 5,000).")
    parser.add_argument("--trials", type=int, default=40, help="Trials per series (default 40).")
    parser.add_argument("--warmup", type=int, default=3, help="Warm-up bursts (default 3).")
    parser.add_argument("--interval", type=float, default=60, help="Milliseconds between keystrokes of a burst (default 60).")
    parser.add_argument("--debounce", type=float, default=None, help="The server's debounce in ms (default: the server's own).")
    parser.add_argument("--variant-rate", type=float, default=0.05, help="Share of name mentions misspelt in the workspace.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--stages", action="store_true", help="Also time the per-document and corpus stages in this process (CPU).")
    parser.add_argument("--server-log", metavar="FILE", help="The server's debug log (each lint's timing: debounce, worker, publish).")
    parser.add_argument("--work", help="Folder for the workspace (kept; default: a new temporary folder).")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
