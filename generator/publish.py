"""Build the site into a fresh folder, then swap it in: a failed or interrupted
build leaves the last good site exactly as it was. Also the offline zip.

Both are reproducible: SOURCE_DATE_EPOCH (from the last commit unless set)
fixes the dates MkDocs writes, and the zip has a fixed order and timestamps."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from types import FrameType

OFFLINE_ENV = {"HELPSITE_OFFLINE": "true", "HELPSITE_DIRECTORY_URLS": "false"}
"""What mkdocs.yml reads (`!ENV`) to build the offline variant."""


ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip can hold


def source_date_epoch(root: Path) -> int:
    """SOURCE_DATE_EPOCH if set, else the last commit's time, else 1980."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return ZIP_EPOCH_MIN


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
    epoch = source_date_epoch(config.resolve().parent)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(epoch))
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


def build_bundle(config: Path, out_zip: Path, name: str) -> int:
    """Build the offline variant and zip it as `<name>/...` into `out_zip`.

    The zip is written beside `out_zip` and moved over it only when complete.
    """
    out_zip = out_zip.resolve()
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    work = out_zip.parent / f".{out_zip.stem}.build-{os.getpid()}"
    partial = out_zip.with_name(f".{out_zip.name}.part-{os.getpid()}")
    try:
        code = build_site(config, work / name, offline=True)
        if code != 0:
            print(f"bundle not made; {out_zip} is unchanged", file=sys.stderr)
            return code
        epoch = max(source_date_epoch(config.resolve().parent), ZIP_EPOCH_MIN)
        write_zip(work, partial, epoch)
        partial.replace(out_zip)
        return 0
    except (KeyboardInterrupt, _TerminatedError):
        print(f"bundle interrupted; {out_zip} is unchanged", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(work, ignore_errors=True)
        partial.unlink(missing_ok=True)


def write_zip(folder: Path, target: Path, epoch: int) -> None:
    """Zip everything under `folder`, in sorted order, with the same time on every entry."""
    stamp = time.gmtime(epoch)[:6]
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(info, path.read_bytes(), compresslevel=9)
