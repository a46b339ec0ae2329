"""Regenerate docs/cli.md from the commands' own --help (run: .venv/bin/python docs/gen_cli.py)."""

from __future__ import annotations

from pathlib import Path

import click
import typer

from newsgraph.cli import app
from newsgraph.errors import EXIT_CODES


def main() -> None:
    group = typer.main.get_command(app)
    parts = ["# Command reference", "", "Generated from `--help` by `docs/gen_cli.py`; do not edit by hand",
             "(the behaviour section comes from `docs/cli_behaviour.md`).", ""]
    parts += [Path(__file__).with_name("cli_behaviour.md").read_text().strip(), ""]
    for name in sorted(group.commands):
        cmd = group.commands[name]
        ctx = click.Context(cmd, info_name=f"newsgraph {name}", terminal_width=100)
        parts += [f"## `newsgraph {name}`", "", "```", cmd.get_help(ctx).strip(), "```", ""]
    parts += ["## Exit codes", "", "| code | meaning |", "|---|---|"]
    parts += [f"| {code} | {meaning} |" for code, meaning in EXIT_CODES.items()]
    out = Path(__file__).with_name("cli.md")
    out.write_text("\n".join(parts) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
