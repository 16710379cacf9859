"""The command line speaks one language at a time: --lang (Chinese by default) for its
help, argparse's own words, errors and the verdicts it prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redband_desktop.cli import build_parser, main
from redband_desktop.cli.words import HELP_ZH, helped


def test_every_help_text_has_its_chinese() -> None:
    missing = sorted({a.help for a in helped(build_parser("en"))} - set(HELP_ZH))
    assert not missing, f"add to cli/words.py HELP_ZH: {missing}"


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [(), ("init",), ("cards", "print"), ("users", "add"), ("check",)])
def test_help_follows_lang(capsys: pytest.CaptureFixture[str], command: tuple[str, ...]) -> None:
    chinese = _help(capsys, *command)
    assert "用法：" in chinese and "usage:" not in chinese and "show this help" not in chinese
    flat = " ".join(chinese.split())  # argparse wraps lines
    assert not [en for en in HELP_ZH if en.isascii() and " ".join(en.split()[:3]) in flat]
    english = _help(capsys, "--lang", "en", *command)
    assert "usage:" in english and "用法" not in english and "show this help" in english


def test_argparse_errors_follow_lang(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["cards", "print", "--layout", "x"])
    assert "错误" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "cards", "print", "--layout", "x"])
    err = capsys.readouterr().err
    assert "error" in err and "错误" not in err


def test_init_and_check_speak_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.sqlite3")
    assert main(["--db", db, "init", "--station", "金家河派出所"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "已创建：金家河派出所"  # no "（演示志愿者 0 名）" without --demo
    assert main(["--db", db, "check"]) == 0
    out = capsys.readouterr().out
    assert "数据库完整性：正常" in out and not re.search(r"\b(ok|skipped|FAILED|integrity)\b", out)
    assert main(["--db", db, "--lang", "en", "check"]) == 0
    assert "integrity: ok" in capsys.readouterr().out
