"""L101: LanguageTool as an optional grammar backend.

No LanguageTool runs in CI, so lintnews' side of the protocol is tested against
:class:`languagetool_replay.LanguageToolReplay`, a replay of LanguageTool's HTTP
protocol (scripted matches in LanguageTool's documented JSON shape) — not LanguageTool.
The unavailable paths are real: no server on a port, a server too slow for the timeout,
HTTP errors, no Java, no LanguageTool installed.  With ``LINTNEWS_LANGUAGETOOL_URL``
set to a real LanguageTool server, ``test_real_server`` runs against it too.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from languagetool_replay import LanguageToolReplay, ScriptedRule
from lintnews.api import configured_rules, known_rules, lint_paths
from lintnews.run.config import Config, ConfigError, load_config
from lintnews.rules.languagetool.protocol import ProtocolError, parse_matches, split_chunks, utf16_length, utf16_to_chars
from lintnews.core.rule import RuleError
from lintnews.rules.registry import all_rules, select_rules

A_VS_AN = ScriptedRule("EN_A_VS_AN", "MISC", r"\b(?P<m>a) apple", "Use “an” instead of ‘a’ if the following word starts with a vowel sound.", ("an",))
TYPO = ScriptedRule("MORFOLOGIK_RULE_EN_US", "TYPOS", r"\b(?P<m>recieved|Zabihullah|Mujahid|Teh)\b", "Possible spelling mistake found.", ("received",), "misspelling")
NAME_GRAMMAR = ScriptedRule("HE_VERB_AGR", "GRAMMAR", r"\b(?P<m>Mujahid are)\b", "The subject and the verb do not agree.", ("Mujahid is",))
STYLE = ScriptedRule("EN_REPEATEDWORDS_SAY", "STYLE", r"\b(?P<m>said)\b", "Consider a synonym of 'said'.", ("stated",), "style")

EMOJI_TEXT = (
    "Celebrations 🎉🎉 filled the streets.\n"
    "Officials said 😀 it was a apple of discord.\n"
    "🎉🎉🎉 They recieved it.\n"
)
DIRTY = "The talks were a difficult issue. .\nSource link\n"


def refused_url() -> str:
    """A URL on which nothing listens: a port bound and released again."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def lint(files: dict[str, str], tmp_path: Path, server: str | None, select=None, ignore=(), **settings):
    """lint_paths over ``files`` written to ``tmp_path``, LanguageTool at ``server``."""
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    config = Config(languagetool=server, **{"languagetool_cache": None, **settings})  # the first names, still working
    rules = configured_rules(config, select=select, ignore=list(ignore))
    return lint_paths(paths, config, rules)


def l101(result) -> list[tuple[int, int, int, str]]:
    return [(f.line, f.column, f.end_column, f.name) for f in result.findings if f.code == "L101"]


# -- the protocol, pure ------------------------------------------------------------------


def test_utf16_offsets_become_character_offsets():
    text = "a😀b🎉🎉c"
    to_chars = utf16_to_chars(text)
    # a=0, 😀=1..2, b=3, 🎉=4..5, 🎉=6..7, c=8 in UTF-16 units
    assert [to_chars(u) for u in (0, 1, 3, 4, 6, 8, 9)] == [0, 1, 2, 3, 4, 5, 6]
    assert utf16_length(text) == 9
    assert utf16_to_chars("plain text")(7) == 7


def test_chunks_stay_under_the_limit_and_keep_offsets():
    paragraph = "The minister spoke to reporters about the talks. " * 4 + "\n"
    text = paragraph * 10 + "\n" + "x" * 50 + "😀" * 30 + "\n"
    chunks = split_chunks(text, 300)
    assert len(chunks) > 3
    for chunk in chunks:
        assert utf16_length(chunk.text) <= 300
        assert text[chunk.start : chunk.start + len(chunk.text)] == chunk.text
    # Every non-blank character is in exactly one chunk.
    covered = sorted(i for c in chunks for i in range(c.start, c.start + len(c.text)) if not text[i].isspace())
    assert covered == [i for i, ch in enumerate(text) if not ch.isspace()]
    # A long paragraph is cut after a sentence, not inside a word.
    long_line = ("The minister spoke to reporters about the talks. " * 10).strip()
    parts = split_chunks(long_line, 120)
    assert all(p.text.endswith(". ") or p is parts[-1] for p in parts)


def test_whitespace_only_text_sends_nothing():
    assert split_chunks("   \n\n  \n", 1000) == []


def test_answers_not_in_languagetool_format_are_rejected():
    with pytest.raises(ProtocolError):
        parse_matches({"result": []}, "text")
    with pytest.raises(ProtocolError):
        parse_matches({"matches": [{"offset": 0, "length": 2}]}, "text")
    with pytest.raises(ProtocolError, match="outside"):
        parse_matches({"matches": [{"offset": 3, "length": 5, "rule": {"id": "X", "category": {"id": "GRAMMAR"}}}]}, "text")


# -- findings from a server (the replay) ------------------------------------------------


def test_findings_land_on_the_right_line_and_column_after_emoji(tmp_path):
    with LanguageToolReplay([A_VS_AN, TYPO]) as replay:
        result = lint({"a.txt": EMOJI_TEXT}, tmp_path, replay.url)
    assert result.notices == [] and not result.languagetool_skipped
    assert l101(result) == [(2, 25, 26, "EN_A_VS_AN"), (3, 10, 18, "MORFOLOGIK_RULE_EN_US")]
    a_vs_an = next(f for f in result.findings if f.name == "EN_A_VS_AN")
    assert a_vs_an.message.startswith("EN_A_VS_AN: Use “an”")
    assert a_vs_an.suggestion == "an"
    text = EMOJI_TEXT
    assert text[a_vs_an.start : a_vs_an.end] == "a"


def test_findings_in_later_chunks_keep_their_document_positions(tmp_path):
    filler = "The minister spoke to reporters about the talks on Monday.\n" * 12
    text = filler + "Officials said 😀 it was a apple of discord.\n" + filler + "They recieved it.\n"
    with LanguageToolReplay([A_VS_AN, TYPO], max_text_length=400) as replay:
        result = lint({"a.txt": text}, tmp_path, replay.url, languagetool_chunk_size=400)
        assert len(replay.texts) >= 3  # repeated chunks (the filler) are sent once
        assert all(len(t.encode("utf-16-le")) // 2 <= 400 for t in replay.texts)
    assert l101(result) == [(13, 25, 26, "EN_A_VS_AN"), (26, 6, 14, "MORFOLOGIK_RULE_EN_US")]


def test_only_the_configured_categories_are_reported(tmp_path):
    text = "Officials said it was a apple.\n"
    with LanguageToolReplay([A_VS_AN, STYLE]) as replay:
        default = lint({"a.txt": text}, tmp_path, replay.url)
        with_style = lint({"a.txt": text}, tmp_path, replay.url, languagetool_categories=["STYLE"])
    assert [name for *_, name in l101(default)] == ["EN_A_VS_AN"]
    assert [name for *_, name in l101(with_style)] == ["EN_REPEATEDWORDS_SAY"]


def test_known_names_are_not_typos_but_other_words_are(tmp_path):
    text = (
        "Taliban spokesman Zabihullah Mujahid said the group would talk.\n"
        "Teh group recieved the letter, Zabihullah added.\n"
        "Mujahid are expected in Doha.\n"
    )
    with LanguageToolReplay([TYPO, NAME_GRAMMAR]) as replay:
        result = lint({"a.txt": text}, tmp_path, replay.url)
    found = [(line, col, name) for line, col, _, name in l101(result)]
    # "Zabihullah" and "Mujahid" are a person's name in this corpus: no typo reported;
    # "Teh" is capitalised but no name; a grammar match on a name is still reported.
    assert found == [(2, 1, "MORFOLOGIK_RULE_EN_US"), (2, 11, "MORFOLOGIK_RULE_EN_US"), (3, 1, "HE_VERB_AGR")]


def test_a_name_known_from_another_document_is_not_a_typo(tmp_path):
    files = {"a.txt": "Spokesman Zabihullah Mujahid said the talks would go on.\n", "b.txt": "Zabihullah wrote on Twitter.\n"}
    with LanguageToolReplay([TYPO]) as replay:
        result = lint(files, tmp_path, replay.url)
    assert l101(result) == []


def test_vocabulary_words_are_not_typos(tmp_path):
    with LanguageToolReplay([TYPO]) as replay:
        result = lint({"a.txt": "They recieved it.\n"}, tmp_path, replay.url, vocabulary=["recieved"])
    assert l101(result) == []


# -- selecting and ignoring LanguageTool rules -------------------------------------------


def test_languagetool_rule_ids_can_be_ignored_and_selected(tmp_path):
    with LanguageToolReplay([A_VS_AN, TYPO]) as replay:
        ignored = lint({"a.txt": EMOJI_TEXT}, tmp_path, replay.url, ignore=["L101:EN_A_VS_AN"])
        by_prefix = lint({"a.txt": EMOJI_TEXT}, tmp_path, replay.url, select=["L101:MORFOLOGIK"])
        with_others = lint({"a.txt": EMOJI_TEXT + DIRTY}, tmp_path, replay.url, select=["W", "L101:EN_A_VS_AN"])
    assert [name for *_, name in l101(ignored)] == ["MORFOLOGIK_RULE_EN_US"]
    assert [name for *_, name in l101(by_prefix)] == ["MORFOLOGIK_RULE_EN_US"]
    assert {f.code for f in by_prefix.findings} == {"L101"}
    assert [name for *_, name in l101(with_others)] == ["EN_A_VS_AN"]
    assert {f.code for f in with_others.findings} == {"L101", "W101"}


def test_ignoring_l101_sends_nothing_to_the_server(tmp_path):
    with LanguageToolReplay([A_VS_AN]) as replay:
        result = lint({"a.txt": EMOJI_TEXT + DIRTY}, tmp_path, replay.url, ignore=["L"])
        assert replay.texts == []
    assert l101(result) == [] and result.findings and result.notices == []


def test_per_file_ignores_take_languagetool_rule_ids(tmp_path):
    with LanguageToolReplay([A_VS_AN, TYPO]) as replay:
        result = lint({"a.txt": EMOJI_TEXT}, tmp_path, replay.url, per_file_ignores={"a.txt": ["L101:EN_A"]})
    assert [name for *_, name in l101(result)] == ["MORFOLOGIK_RULE_EN_US"]


def test_selector_semantics():
    rules = all_rules(plugins=False)
    l101_rule = next(r for r in rules if r.code == "L101")
    before = dict(vars(l101_rule))
    assert l101_rule not in select_rules(rules)  # off unless enabled
    chosen = select_rules(rules, select=["L101:EN_A_VS_AN", "L101:MORFOLOGIK"])
    assert [r.code for r in chosen] == ["L101"] and chosen[0] is l101_rule
    assert chosen.wants_subcode("L101", "EN_A_VS_AN") and chosen.wants_subcode("L101", "MORFOLOGIK_RULE_EN_US")
    assert not chosen.wants_subcode("L101", "UPPERCASE_SENTENCE_START")
    whole = select_rules(rules, select=["L", "L101:EN_A_VS_AN"])  # the whole rule wins over a part
    assert whole.wants_subcode("L101", "UPPERCASE_SENTENCE_START") and "L101" not in whole.subcodes
    dropped = select_rules(rules, select=["L"], ignore=["L101:MORFOLOGIK"])
    assert dropped.wants_subcode("L101", "EN_A_VS_AN") and not dropped.wants_subcode("L101", "MORFOLOGIK_RULE_EN_US")
    assert chosen.wants_subcode("L101", "EN_A_VS_AN")  # each selection is its own: the first is unchanged
    assert vars(l101_rule) == before  # selecting changed no rule
    for bad in ("S101:FOO", "L999:FOO", "L101:", "X:Y"):
        with pytest.raises(RuleError, match="unknown rule code"):
            select_rules(rules, ignore=[bad])


def test_enabling_languagetool_turns_l101_on_by_default():
    assert "L101" not in [r.code for r in configured_rules(Config())]
    assert "L101" in [r.code for r in configured_rules(Config(languagetool="local"))]
    assert "L101" not in [r.code for r in configured_rules(Config(languagetool="local"), select=["N"])]


# -- the cache ---------------------------------------------------------------------------


def test_a_rerun_over_unchanged_files_does_not_call_the_server(tmp_path):
    cache = tmp_path / "cache"
    docs = tmp_path / "docs"
    docs.mkdir()
    with LanguageToolReplay([A_VS_AN, TYPO]) as replay:
        first = lint({"a.txt": EMOJI_TEXT}, docs, replay.url, languagetool_cache=str(cache))
        sent = len(replay.texts)
        second = lint({"a.txt": EMOJI_TEXT}, docs, replay.url, languagetool_cache=str(cache))
        assert sent == 1 and len(replay.texts) == 1
        changed = lint({"a.txt": EMOJI_TEXT + "More text.\n"}, docs, replay.url, languagetool_cache=str(cache))
        assert len(replay.texts) == 2
    assert l101(first) == l101(second) == l101(changed) and l101(first)
    entries = list(cache.rglob("*.json"))
    assert len(entries) == 2 and not list(cache.rglob(".tmp-*"))


def test_cached_answers_need_no_server_at_all(tmp_path):
    cache = tmp_path / "cache"
    with LanguageToolReplay([A_VS_AN]) as replay:
        url = replay.url
        first = lint({"a.txt": EMOJI_TEXT}, tmp_path, url, languagetool_cache=str(cache))
    again = lint({"a.txt": EMOJI_TEXT}, tmp_path, url, languagetool_cache=str(cache))  # the server is gone
    assert again.notices == [] and l101(again) == l101(first)


def test_a_corrupt_cache_entry_is_ignored_and_rewritten(tmp_path):
    cache = tmp_path / "cache"
    with LanguageToolReplay([A_VS_AN]) as replay:
        first = lint({"a.txt": EMOJI_TEXT}, tmp_path, replay.url, languagetool_cache=str(cache))
        (entry,) = cache.rglob("*.json")
        for damage in ("{not json", json.dumps({"matches": [{"offset": 999, "length": 3}]})):
            entry.write_text(damage, encoding="utf-8")
            again = lint({"a.txt": EMOJI_TEXT}, tmp_path, replay.url, languagetool_cache=str(cache))
            assert l101(again) == l101(first)
            parse_matches(json.loads(entry.read_text(encoding="utf-8")), EMOJI_TEXT)  # valid again
        assert len(replay.texts) == 3


def test_no_cache_when_switched_off(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with LanguageToolReplay([A_VS_AN]) as replay:
        lint({"a.txt": EMOJI_TEXT}, tmp_path, replay.url)  # languagetool_cache=None
    assert not (tmp_path / ".lintnews-cache").exists()


# -- unavailable: one notice, the other rules as usual ------------------------------------


def _without_languagetool(tmp_path):
    return lint({"a.txt": EMOJI_TEXT + DIRTY}, tmp_path, None)


@pytest.mark.parametrize(
    "make_replay, settings, reason",
    [
        (None, {}, "refused"),
        (lambda: LanguageToolReplay([A_VS_AN], delay=1.5), {"languagetool_timeout": 0.3}, "did not answer within 0.3 s"),
        (lambda: LanguageToolReplay([A_VS_AN], status=500), {}, "HTTP 500"),
        (lambda: LanguageToolReplay([A_VS_AN], max_text_length=200), {"languagetool_chunk_size": 10_000}, "HTTP 413"),
        (lambda: LanguageToolReplay([A_VS_AN], garbage=True), {}, "JSON"),
    ],
    ids=["refused", "timeout", "server-error", "text-too-long", "not-languagetool"],
)
def test_an_unreachable_or_failing_server_skips_grammar_only(tmp_path, make_replay, settings, reason):
    text = EMOJI_TEXT * 3 + DIRTY
    baseline = lint({"a.txt": text}, tmp_path, None, ignore=["L101"])
    if make_replay is None:
        result = lint({"a.txt": text}, tmp_path, refused_url(), **settings)
    else:
        with make_replay() as replay:
            result = lint({"a.txt": text}, tmp_path, replay.url, **settings)
    assert result.languagetool_skipped
    assert len(result.notices) == 1 and "skipped" in result.notices[0] and reason in result.notices[0]
    assert "\n" not in result.notices[0]
    assert result.findings == baseline.findings and baseline.findings


def test_l101_selected_without_a_server_says_so(tmp_path):
    result = lint({"a.txt": DIRTY}, tmp_path, None, select=["ALL"])
    assert result.languagetool_skipped and len(result.notices) == 1 and "no LanguageTool configured" in result.notices[0]


def test_local_without_an_installed_languagetool_does_not_download(tmp_path, monkeypatch):
    empty = tmp_path / "ltp"
    empty.mkdir()
    monkeypatch.setenv("LTP_PATH", str(empty))
    result = lint({"a.txt": DIRTY}, tmp_path, "local")
    assert result.languagetool_skipped and len(result.notices) == 1
    assert "no LanguageTool in" in result.notices[0] and "does not download" in result.notices[0]
    assert list(empty.iterdir()) == []  # nothing was fetched or unpacked
    assert {f.code for f in result.findings} == {"P101", "W101"}


def test_local_with_a_broken_installation_says_so(tmp_path, monkeypatch):
    folder = tmp_path / "ltp"
    (folder / "LanguageTool-6.4").mkdir(parents=True)
    (folder / "LanguageTool-6.4" / "languagetool-server.jar").write_text("not a jar", encoding="utf-8")
    monkeypatch.setenv("LTP_PATH", str(folder))
    result = lint({"a.txt": DIRTY}, tmp_path, "local")
    assert result.languagetool_skipped and "not a readable jar" in result.notices[0]


def test_local_without_java_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no java there
    result = lint({"a.txt": DIRTY}, tmp_path, "local")
    assert result.languagetool_skipped and "no Java" in result.notices[0]
    assert {f.code for f in result.findings} == {"P101", "W101"}


# -- the command line --------------------------------------------------------------------


def test_cli_without_a_server_prints_one_notice_and_the_usual_findings(run_cli, seeds_dir):
    plain = run_cli([seeds_dir])
    with_lt = run_cli(["--languagetool", refused_url(), seeds_dir])
    assert with_lt.returncode == plain.returncode == 1
    assert with_lt.stdout == plain.stdout and plain.stdout
    assert plain.stderr == ""
    lines = with_lt.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("lintnews: grammar checks (L101, LanguageTool) skipped: connection to")
    required = run_cli(["--languagetool", refused_url(), "--require-languagetool", seeds_dir])
    assert required.returncode == 2 and required.stdout == plain.stdout


def test_cli_with_the_replay_server(run_cli, write_files, tmp_path):
    root = write_files({"a.txt": EMOJI_TEXT})
    with LanguageToolReplay([A_VS_AN, TYPO]) as replay:
        (root / "lintnews.toml").write_text(f'languagetool = "{replay.url}"\n', encoding="utf-8")
        proc = run_cli(["a.txt"], cwd=root)
        ignored = run_cli(["--ignore", "L101:EN_A_VS_AN", "--require-languagetool", "a.txt"], cwd=root)
        off = run_cli(["--languagetool", "off", "a.txt"], cwd=root)
    assert proc.returncode == 1 and proc.stderr == ""
    assert proc.stdout.splitlines() == [
        "a.txt:2:25: L101 EN_A_VS_AN: Use “an” instead of ‘a’ if the following word starts with a vowel sound. [suggestion: 'an']",
        "a.txt:3:10: L101 MORFOLOGIK_RULE_EN_US: Possible spelling mistake found. [suggestion: 'received']",
        "a.txt:3:10: S101 'recieved' is not an English word; did you mean 'received'? [suggestion: 'received']",
    ]
    assert ignored.returncode == 1 and "EN_A_VS_AN" not in ignored.stdout and "MORFOLOGIK" in ignored.stdout
    assert off.returncode == 1 and off.stderr == "" and codes(off.stdout) == ["S101"]
    assert (root / ".lintnews-cache" / "languagetool").is_dir()  # the default cache, beside the config


def test_cli_rejects_a_bad_languagetool_value(run_cli, seeds_dir):
    proc = run_cli(["--languagetool", "ftp://example", seeds_dir])
    assert proc.returncode == 2 and "languagetool must be" in proc.stderr and "Traceback" not in proc.stderr
    assert run_cli(["--require-languagetool", seeds_dir]).returncode == 2


@pytest.mark.parametrize(
    "line, needle",
    [
        ("languagetool = 5", "'languagetool' must be a string"),
        ('languagetool = "sometimes"', "languagetool must be"),
        ('languagetool-categories = ["grammar"]', "category ids"),
        ("languagetool-timeout = 0", "positive number"),
        ("languagetool-chunk-size = 10", "at least 100"),
        ("languagetool-cache = true", "folder"),
        ("languagetool-workers = 1.5", "integer"),
    ],
)
def test_config_values_are_checked(tmp_path, line, needle):
    path = tmp_path / "lintnews.toml"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=needle):
        load_config(path)


def test_config_reads_languagetool_settings(tmp_path):
    path = tmp_path / "lintnews.toml"
    path.write_text(
        'languagetool = "http://lt:8010"\nlanguagetool-categories = ["GRAMMAR"]\nlanguagetool-timeout = 2.5\n'
        'languagetool-cache = false\nlanguagetool-language = "en-GB"\n',
        encoding="utf-8",
    )
    settings = l101_settings(load_config(path))
    assert (settings.server, settings.categories, settings.timeout) == ("http://lt:8010", ("GRAMMAR",), 2.5)
    assert settings.cache is None and settings.language == "en-GB"
    assert l101_settings(load_config(_write(tmp_path, 'languagetool = "off"\n'))).server is None


def test_the_rules_own_table_is_the_canonical_place(tmp_path):
    """[rules.L101] holds the same settings as the older top-level names; a relative cache
    folder is relative to the file; giving one option under both names is an error."""
    canonical = _write(tmp_path, '[rules.L101]\nserver = "http://lt:8010"\ncategories = ["GRAMMAR"]\ntimeout = 2.5\ncache = "lt"\n')
    aliased = _write(tmp_path, 'languagetool = "http://lt:8010"\nlanguagetool-categories = ["GRAMMAR"]\nlanguagetool-timeout = 2.5\nlanguagetool-cache = "lt"\n', "aliased.toml")
    assert l101_settings(load_config(canonical)) == l101_settings(load_config(aliased))
    assert l101_settings(load_config(canonical)).cache == str(tmp_path / "lt")
    both = _write(tmp_path, 'languagetool = "local"\n[rules.L101]\nserver = "local"\n', "both.toml")
    with pytest.raises(ConfigError, match="'languagetool' and 'rules.L101.server' are the same option"):
        load_config(both)
    with pytest.raises(ConfigError, match="unknown option"):
        load_config(_write(tmp_path, '[rules.L101]\nservr = "local"\n', "typo.toml"))


def test_a_configured_server_turns_l101_on_in_the_selection_not_in_the_rule():
    rules = configured_rules(Config(rules={"L101": {"server": "local"}}))
    l101 = next(r for r in rules if r.code == "L101")
    assert rules.is_default(l101) and l101.default is False and type(l101).default is False


def l101_settings(config: Config):
    return next(r for r in known_rules(config) if r.code == "L101").settings


def codes(stdout: str) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in stdout.splitlines()]


def _write(tmp_path: Path, text: str, name: str = "other.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- a real LanguageTool, where one is reachable -----------------------------------------


@pytest.mark.skipif(not os.environ.get("LINTNEWS_LANGUAGETOOL_URL"), reason="set LINTNEWS_LANGUAGETOOL_URL to a LanguageTool server")
def test_real_server(tmp_path):
    result = lint({"a.txt": "Celebrations 🎉🎉 filled the streets.\nIt was a apple of discord.\n"}, tmp_path, os.environ["LINTNEWS_LANGUAGETOOL_URL"])
    assert result.notices == []
    assert (2, 8, 9, "EN_A_VS_AN") in l101(result)
