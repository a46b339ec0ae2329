"""Run the ``newsgraph`` command in a subprocess with a real pseudo-terminal attached.

What the CLI prints depends on which of stdout/stderr is a terminal (tables,
progress bars), so tests that check what a person sees, or that data still
reaches a redirected stdout while the terminal shows progress, run it here.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).with_name("newsgraph")


@dataclass
class Result:
    code: int
    stdout: str  # what went to stdout (the terminal's text when stdout is the terminal)
    stderr: str  # what went to stderr (the terminal's text when stderr is the terminal)
    terminal: str  # everything the terminal showed


def run_cli(*args: str, stdout_tty: bool = False, stderr_tty: bool = True, stdin: bytes | None = None,
            cwd: str | Path | None = None, env: dict[str, str] | None = None, timeout: float = 300,
            columns: int = 160) -> Result:
    """Run ``newsgraph ARGS``; the streams asked for are a pseudo-terminal, the others pipes."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    full_env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "TERM")}
    full_env.update({"TERM": "xterm-256color", **(env or {})})
    cmd = [str(BIN), *args] if BIN.exists() else [sys.executable, "-c", "from newsgraph.cli import run; run()", *args]
    proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=slave if stdout_tty else subprocess.PIPE,
                            stderr=slave if stderr_tty else subprocess.PIPE, close_fds=True)
    os.close(slave)
    if stdin is not None:
        proc.stdin.write(stdin)
        proc.stdin.close()
    term = bytearray()
    pipes = {p: bytearray() for p in (proc.stdout, proc.stderr) if p is not None}
    fds = {master: term, **{p.fileno(): buf for p, buf in pipes.items()}}
    while fds:
        ready, _, _ = select.select(list(fds), [], [], timeout)
        if not ready:
            proc.kill()
            raise TimeoutError(f"newsgraph {' '.join(args)} did not finish in {timeout} s")
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the terminal's other side is closed
                chunk = b""
            if chunk:
                fds[fd].extend(chunk)
            else:
                del fds[fd]
    os.close(master)
    code = proc.wait(timeout)
    text = term.decode("utf-8", "replace").replace("\r\n", "\n")
    out = text if stdout_tty else pipes[proc.stdout].decode("utf-8", "replace")
    err = text if stderr_tty else pipes[proc.stderr].decode("utf-8", "replace")
    return Result(code, out, err, text)
