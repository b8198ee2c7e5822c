"""Docs stay honest: every command and every setting is documented."""

from __future__ import annotations

import re

from click.testing import CliRunner

from conftest import REPO
from dragoman.cli import main
from dragoman.settings import Settings

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    missing = [name for name in main.commands if f"dragoman {name}" not in README]
    assert not missing, f"document these commands in README.md: {missing}"


def test_every_command_has_help():
    runner = CliRunner()
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, name


def test_every_setting_has_a_comment():
    text = (REPO / "src" / "dragoman" / "data" / "settings.toml").read_text(encoding="utf-8")
    for section, values in Settings().values.items():
        for key in values:
            before = text.split(f"\n{key} =")[0].rstrip().splitlines()[-1]
            assert before.startswith("#"), f"settings.toml: explain [{section}] {key} in a comment above it"


def test_readme_starts_with_the_two_setup_commands():
    first_block = re.search(r"```\n(.*?)```", README, re.S).group(1)
    assert first_block.splitlines()[0].startswith("make demo")
    assert first_block.splitlines()[1].startswith("make test")
