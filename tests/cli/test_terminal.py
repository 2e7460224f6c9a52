"""On a real terminal (a pseudo-terminal here) ``photodesk demo`` and ``photodesk`` alone open the
UI on the desk; elsewhere they print. The app is the real one, driven through its terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pyte
from click.testing import CliRunner

from photodesk.cli.main import cli
from photodesk.services.demo import build_demo_desk
from photodesk.services.desk import open_desk

PHOTODESK = Path(sys.executable).with_name("photodesk")
CTRL_Q = b"\x11"
GIVE_UP_SECONDS = 60  # a guard against a hung app, not a speed target


def run_on_terminal(args: list[str], cwd: Path, wanted: list[str]) -> tuple[str, int]:
    """Run ``photodesk args`` on a 120×40 pseudo-terminal until the screen shows every
    ``wanted`` text, quit with ctrl+q, and return the screen and the exit status.

    The screen is rebuilt by a terminal emulator (pyte): Textual redraws only the cells that
    change, so a text may never pass through the byte stream whole.
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="120", LINES="40")
    process = subprocess.Popen(
        [str(PHOTODESK), *args], stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env
    )
    os.close(slave)
    screen = pyte.Screen(120, 40)
    stream = pyte.ByteStream(screen)
    shown = ""
    try:
        deadline = time.monotonic() + GIVE_UP_SECONDS
        while not all(text in shown for text in wanted):
            assert time.monotonic() < deadline, shown
            if select.select([master], [], [], 0.2)[0]:
                stream.feed(os.read(master, 1 << 16))
                shown = "\n".join(screen.display)
        os.write(master, CTRL_Q)
        status = process.wait(GIVE_UP_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    return shown, status


def test_demo_on_a_terminal_opens_the_desk_with_its_flagged_captions(tmp_path: Path) -> None:
    wanted = ["7 captions", "1 missing credit", "2 errors", "0 drafts", "✖"]
    _, status = run_on_terminal(["demo"], tmp_path, wanted)
    assert status == 0
    assert (tmp_path / "photodesk-demo.db").exists()


def test_photodesk_alone_on_a_terminal_opens_the_ui_on_the_desk(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    build_demo_desk(open_desk(url))
    _, status = run_on_terminal(["--db", url], tmp_path, ["7 captions", "2 errors"])
    assert status == 0


def test_photodesk_alone_without_a_terminal_prints_its_help() -> None:
    result = CliRunner().invoke(cli, [], prog_name="photodesk")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: photodesk")
    assert "edit" in result.stdout and "check" in result.stdout
