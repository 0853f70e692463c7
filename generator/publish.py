"""Build the site into a fresh folder, then swap it in: a failed or interrupted
build leaves the last good site exactly as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from types import FrameType

OFFLINE_ENV = {"HELPSITE_OFFLINE": "true", "HELPSITE_DIRECTORY_URLS": "false"}
"""What mkdocs.yml reads (`!ENV`) to build the offline variant."""


class _TerminatedError(Exception):
    pass


def _on_term(signum: int, frame: FrameType | None) -> None:
    raise _TerminatedError


def build_site(config: Path, out: Path, *, offline: bool = False) -> int:
    """`mkdocs build --strict` into a sibling of `out`, moved over `out` only on success."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = out.parent / f".{out.name}.new-{os.getpid()}"
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.update(OFFLINE_ENV if offline else {})
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    command += ["--config-file", str(config), "--site-dir", str(work)]
    previous = signal.signal(signal.SIGTERM, _on_term)
    process = None
    try:
        process = subprocess.Popen(command, env=env)
        code = process.wait()
        if code != 0:
            print(f"build failed; {out} is unchanged", file=sys.stderr)
            return code
        if out.exists():
            out.rename(old)
        work.rename(out)
        return 0
    except (KeyboardInterrupt, _TerminatedError):
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait()
        print(f"build interrupted; {out} is unchanged", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
