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
F2 = b"\x1bOQ"
GIVE_UP_SECONDS = 60  # a guard against a hung app, not a speed target


class Terminal:
    """``photodesk args`` on a 120×40 pseudo-terminal, its screen rebuilt by a terminal
    emulator (pyte): Textual redraws only the cells that change, so a text may never pass
    through the byte stream whole."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="120", LINES="40")
        env["PHOTODESK_IMAGES"] = "cells"  # pyte draws no images; spare it the probe
        self.process = subprocess.Popen(
            [str(PHOTODESK), *args], stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env
        )
        os.close(slave)
        self.master = master
        self.screen = pyte.Screen(120, 40)
        self.stream = pyte.ByteStream(self.screen)
        self.shown = ""

    def wait_for(self, *texts: str) -> str:
        """Read until the screen shows every text (or the process ends); the screen."""
        deadline = time.monotonic() + GIVE_UP_SECONDS
        while not all(text in self.shown for text in texts):
            assert time.monotonic() < deadline, self.shown
            if select.select([self.master], [], [], 0.2)[0]:
                try:
                    self.stream.feed(os.read(self.master, 1 << 16))
                except OSError:  # the process ended and closed the terminal
                    break
                self.shown = "\n".join(self.screen.display)
        return self.shown

    def press(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def close(self) -> int:
        """The exit status, once the process has ended (reading what it still draws, so that a
        full terminal buffer cannot hold it up)."""
        deadline = time.monotonic() + GIVE_UP_SECONDS
        try:
            while self.process.poll() is None:
                assert time.monotonic() < deadline, self.shown
                if select.select([self.master], [], [], 0.2)[0]:
                    try:
                        self.stream.feed(os.read(self.master, 1 << 16))
                    except OSError:
                        break
            return self.process.wait(GIVE_UP_SECONDS)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            os.close(self.master)


def run_on_terminal(args: list[str], cwd: Path, wanted: list[str]) -> tuple[str, int]:
    """Run ``photodesk args`` until the screen shows every ``wanted`` text, quit with ctrl+q,
    and return the screen and the exit status."""
    terminal = Terminal(args, cwd)
    shown = terminal.wait_for(*wanted)
    terminal.press(CTRL_Q)
    return shown, terminal.close()


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


def test_photodesk_toml_remaps_the_ui_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    build_demo_desk(open_desk(url))
    (tmp_path / "photodesk.toml").write_text('[keys]\nhelp = "f2"\n', encoding="utf-8")
    terminal = Terminal(["--db", url, "edit"], tmp_path)
    terminal.wait_for("7 captions")
    terminal.press(F2)
    shown = terminal.wait_for("photodesk — keys")
    assert "f2" in shown.split("Help")[0].splitlines()[-1]  # the help line shows the new key
    terminal.press(b"q")  # closes the help (an escape right before ctrl+q would read as alt)
    terminal.press(CTRL_Q)
    assert terminal.close() == 0


def test_an_unknown_action_in_keys_stops_edit_in_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    build_demo_desk(open_desk(url))
    config = tmp_path / "photodesk.toml"
    config.write_text('[keys]\nsvae = "f2"\n', encoding="utf-8")
    terminal = Terminal(["--db", url, "edit"], tmp_path)
    shown = terminal.wait_for("no such action")
    assert terminal.close() == 2
    expected = f"photodesk: {config}: [keys] svae: no such action (one of "
    assert "".join(expected.split()) in "".join(shown.split())  # wherever the screen wrapped it


def test_photodesk_alone_without_a_terminal_prints_its_help() -> None:
    result = CliRunner().invoke(cli, [], prog_name="photodesk")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: photodesk")
    assert "edit" in result.stdout and "check" in result.stdout
