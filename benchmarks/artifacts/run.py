"""Plant, lint and score in one command.

    python benchmarks/artifacts/run.py --corpora ../shared/corpora --split dev
    python benchmarks/artifacts/run.py --corpora ../shared/corpora --split heldout --json > heldout.json

For each seed (``--seeds 0,1,2``, default 0,1,2), plants artifacts into the split's
documents under ``--out`` (default ``benchmarks/out/artifacts-<split>/seed-<n>``, which
git ignores: the corpora may not be redistributed), lints each planted folder in one
lintnews run (default rule set; ``--lintnews-args`` to change it), lints the untouched
copies once, lints ``<corpora>/clean-en`` once, and prints the table of score.py
summed over the seeds.  Each seed is a separate corpus: the same documents with other
artifacts at other places.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import plant  # noqa: E402
import score  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, required=True, help="the shared corpora folder")
    ap.add_argument("--split", choices=["dev", "heldout"], default="dev")
    ap.add_argument("--seeds", default="0,1,2", help="comma-separated seeds, one planted corpus each")
    ap.add_argument("--every", type=float, default=6.0, help="one artifact per this many lines on average")
    ap.add_argument("--untouched-share", type=float, default=0.2, help="share of documents left untouched")
    ap.add_argument("--out", type=Path, help="output folder (default benchmarks/out/artifacts-SPLIT)")
    ap.add_argument("--lintnews", help="the lintnews command (default: beside this Python, else on PATH)")
    ap.add_argument("--lintnews-args", default="", help="extra lintnews arguments, e.g. '--select ALL'")
    ap.add_argument("--no-clean", action="store_true", help="skip the clean-en false-positive run")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    ap.add_argument("--misses", type=int, default=0, help="also list up to N missed artifacts per category")
    args = ap.parse_args(argv)

    out = args.out or (HERE.parent / "out" / f"artifacts-{args.split}")
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    cmd = score.lintnews_command(args.lintnews)
    extra = args.lintnews_args.split()
    docs = plant.load_sources(args.corpora, args.split)
    inventory = plant.build_inventory(args.split)
    tally = score.Tally()
    orig_findings = None
    for seed in seeds:
        folder = out / f"seed-{seed}"
        texts, key = plant.plant_documents(docs, args.split, seed, args.every, args.untouched_share, inventory)
        manifest = plant.make_manifest(docs, key, args.split, seed, args.every, args.untouched_share, inventory)
        plant.write_output(folder, docs, texts, key, manifest)
        orig_findings = score.score_folder(folder, tally, cmd, extra, orig_findings, label=f"seed-{seed}")
    clean = None
    if not args.no_clean:
        clean_dir = args.corpora / "clean-en"
        clean = score.clean_rates(clean_dir, score.run_lintnews(clean_dir, cmd, extra))
    s = score.summary(tally, clean)
    s["split"] = args.split
    s["seeds_used"] = seeds
    s["documents"] = len(docs)
    s["words"] = sum(len(d.text.split()) for d in docs)
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=1, sort_keys=True))
        return 0
    print(f"Split {args.split}: {len(docs)} documents, {s['words']:,} words; seeds {seeds}; "
          f"planted folders under {out}")
    print()
    print(score.table(s))
    if args.misses:
        print()
        by_cat = {}
        for a in s["artifacts_detail"]:
            if not a["found"]:
                by_cat.setdefault(a["category"], []).append(a)
        for c, items in sorted(by_cat.items()):
            print(f"missed {c}:")
            for a in items[: args.misses]:
                print(f"  {a['seed']} {a['path']}:{a['line']} {a['subtype']}: {a['original']!r} -> {a['text']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
