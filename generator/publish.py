"""Build the site into a fresh folder, then swap it in: a failed or interrupted
build leaves the last good site exactly as it was. Also the offline zip.

Before anything is written, the output folder is checked against the project
(`refusal`): a build replaces its output folder, so that folder must never be, hold
or lie inside the project's sources, and must be one the build made. A build killed
outright (SIGKILL, a power cut) leaves its temporary folders behind; the next build
into the same place puts back a site the killed build had moved aside, then removes
them (`_recover`).

Both are reproducible: SOURCE_DATE_EPOCH (from the last commit unless set)
fixes the dates MkDocs writes, and the zip has a fixed order and timestamps."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import yaml

from generator.translations import languages

OFFLINE_VARIABLE = "HELPSITE_OFFLINE"
"""`true` asks the helpsite plugin for the offline variant (for file://)."""
OFFLINE_ENV = {OFFLINE_VARIABLE: "true", "HELPSITE_DIRECTORY_URLS": "false"}
"""What mkdocs.yml reads (`!ENV`) to build the offline variant."""
LANGUAGE_VARIABLE = "HELPSITE_LANGUAGE"
"""Which of the dataset's translations a build makes (unset: the dataset's own language)."""
SHARED_VARIABLE = "HELPSITE_SHARED_ASSETS"
"""`true` tells a translation's build that it goes into `<code>/` of a site whose root
the dataset's language has just been built into: its pages use the root's copies of the
theme's and the plugin's files, and it writes none of its own (the plugin's `_share`)."""

ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip can hold
ZIP_EPOCH_MAX = 4354819199  # 2107-12-31 23:59:59, the latest

MARKER = ".helpsite-build"
"""The file `build` leaves in every site it makes: a later build may replace that folder."""
MARKER_TEXT = (
    "This folder was made by `python -m generator build` (the helpsite generator).\n"
    "The next build into it replaces it, with everything in it.\n"
)
BUNDLE_SUFFIX = "-offline.zip"
"""How `bundle` names its zips; a folder holding nothing else is one `bundle` may write to."""

SITE_TEMPS = ("new", "old", "gone")
"""A build's temporary folders beside its output (`.site.new-PID`): the site being built,
the previous site during the swap (always complete), the previous site being deleted."""
BUNDLE_TEMPS = ("build", "part")
"""A bundle's temporary files beside its zip: the offline site, the zip being written."""
_TEMP = re.compile(r"\.(.+)\.([a-z]+)-([0-9]+)")
"""`.<output's name>.<kind>-<process id>`"""

STOPPING = (signal.SIGINT, signal.SIGTERM)
"""Signals that stop a build (Ctrl-C, `kill`): it stops MkDocs and tidies up."""
MASKED = frozenset({signal.SIGHUP, signal.SIGQUIT})
"""Signals that would end the process outright: blocked between the swap's two renames."""


def source_date_epoch(root: Path) -> int:
    """SOURCE_DATE_EPOCH if set, else the last commit's time, else 1980; within
    what a zip can hold (1980 to 2107), which also bounds what MkDocs is given."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not (value.isascii() and value.isdigit() and len(value) <= 12):
        # A commit carries whatever date its author gave it: bounded the same way.
        try:
            value = subprocess.run(
                ["git", "log", "-1", "--format=%ct"],
                cwd=root,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            value = ""
    if value.isascii() and value.isdigit() and len(value) <= 12:
        return min(max(int(value), ZIP_EPOCH_MIN), ZIP_EPOCH_MAX)
    return ZIP_EPOCH_MIN


# --- Where a build may write -------------------------------------------------


@dataclass(frozen=True)
class Project:
    """The folders of a project, absolute, as its mkdocs.yml names them."""

    config: Path
    """mkdocs.yml itself."""
    root: Path
    """The folder of mkdocs.yml: MkDocs and the plugin resolve every folder from it."""
    content: Path
    """The dataset: the helpsite plugin's `content` option (default `content`)."""
    docs: Path
    """The hand-written pages: MkDocs' `docs_dir` (default `docs`)."""
    site: Path
    """Where `mkdocs build` itself writes: `site_dir` (default `site`)."""


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running anything in it.

    `!ENV` is read as MkDocs reads it; any other tag (`!relative`,
    `!!python/name:...`) becomes None: no folder setting uses them, and
    constructing them would import code.
    """


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, ..., default]`: the first variable set, else the default,
    as MkDocs (pyyaml_env_tag) reads it; the value stays text, as a folder name is."""
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    elif isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        return None
    for name in names:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return default


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` on top of `base`, mappings merged key by key: how MkDocs applies INHERIT."""
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        if isinstance(below, dict) and isinstance(value, dict):
            value = _merge(below, value)
        merged[key] = value
    return merged


def _read_config(path: Path, depth: int = 0) -> dict[str, Any]:
    """mkdocs.yml as a mapping, its INHERIT parents merged in; {} if it cannot be read.

    An unreadable config is MkDocs' to report, in its own words, when the build runs
    it; until then the default folders (`docs`, `content`, `site`) stand in.
    """
    try:
        with path.open(encoding="utf-8") as stream:
            data = yaml.load(stream, Loader=_ConfigLoader)  # a SafeLoader
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    if not isinstance(data, dict):
        return {}
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str) and depth < 10:
        return _merge(_read_config(path.parent / parent, depth + 1), data)
    return data


def _plugin_options(plugins: Any, name: str) -> dict[str, Any]:
    """A plugin's options from `plugins:`, written as a list or as a mapping."""
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        entries = [
            next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None)
            for item in plugins
        ]
    else:
        entries = []
    for key, options in entries:
        if key == name and isinstance(options, dict):
            return options
    return {}


def read_project(config: Path) -> Project:
    """The project's folders from its mkdocs.yml, without importing MkDocs or the plugin."""
    config = config.resolve()
    root = config.parent
    settings = _read_config(config)

    def folder(value: Any, default: str) -> Path:
        return (root / (value if isinstance(value, str) and value else default)).resolve()

    content = _plugin_options(settings.get("plugins"), "helpsite").get("content")
    return Project(
        config=config,
        root=root,
        content=folder(content, "content"),
        docs=folder(settings.get("docs_dir"), "docs"),
        site=folder(settings.get("site_dir"), "site"),
    )


def _display(path: Path) -> str:
    """`path` as the user would type it here: relative below the working folder."""
    cwd = Path.cwd().resolve()
    return os.path.relpath(path, cwd) if path.is_relative_to(cwd) else str(path)


def _temp(folder: Path, prefix: str, kind: str) -> Path:
    """This process's temporary file or folder of `kind` (SITE_TEMPS, BUNDLE_TEMPS)."""
    return folder / f".{prefix}.{kind}-{os.getpid()}"


def _bundle_temp(name: str) -> bool:
    match = _TEMP.fullmatch(name)
    return match is not None and match[2] in BUNDLE_TEMPS


def _not_ours(folder: Path, *, bundle: bool) -> list[str]:
    """What `folder` holds that this command did not make ([] for a folder of its own).

    A folder of the command's own: one that does not exist yet, is empty, or holds
    the MARKER an earlier build left; for `bundle`, also one that holds nothing but
    offline zips (`*-offline.zip`) and a bundle's temporary files.
    """
    if not folder.is_dir():
        return []
    names = sorted(entry.name for entry in folder.iterdir())
    if MARKER in names:
        return []
    if bundle:
        return [n for n in names if not (n.endswith(BUNDLE_SUFFIX) or _bundle_temp(n))]
    return names


def refusal(project: Project, out: Path, *, bundle: bool = False) -> str | None:
    """Why `out` may not take the site (`bundle`: the zip), or None if it may.

    `build` replaces `out` with everything in it; `bundle` writes its zip and
    temporary files into `out`. So `out` must not be, hold or lie inside the
    project folder, the dataset or the hand-written pages, and must be the usual
    output folder (`site_dir`, or `dist/` for the zip) or a folder of the
    command's own (`_not_ours`). The reason reads on from the folder's name:
    `is the project folder (...); building there would replace it; use --out site`.
    """
    out = out.resolve()
    usual = project.root / "dist" if bundle else project.site
    fix = f"use --out {_display(usual)}"
    product = "zip" if bundle else "site"
    harm = "the zip belongs in a folder of its own" if bundle else "building there would replace it"
    sources = (
        (project.root, "the project folder", f"it holds {project.config.name}"),
        (project.docs, "the folder of hand-written pages", "docs_dir in mkdocs.yml"),
        (project.content, "the dataset folder", "the helpsite plugin's `content` in mkdocs.yml"),
    )
    for source, what, why in sources:
        if out == source:
            return f"is {what} ({why}); {harm}; {fix}"
    for source, what, _why in sources:
        if source.is_relative_to(out):
            inner = source.relative_to(out).as_posix()
            return f"contains {what} ({inner}/); {harm}; {fix}"
    for source, what, _why in sources[1:]:  # innermost first: docs_dir may lie inside the dataset
        if out.is_relative_to(source):
            if source == project.docs:
                effect = f"the next build would publish the {product} as pages"
            else:
                effect = f"the {product} would be mixed into the dataset"
            return f"lies inside {what} ({_display(source)}); {effect}; {fix}"
    try:
        if out.exists() and not out.is_dir():
            return f"is a file, not a folder; {fix}"
        if out == usual:
            return None
        foreign = _not_ours(out, bundle=bundle)
    except OSError as exc:  # e.g. a folder this user may not list
        return f"cannot be looked into ({exc.strerror}); {fix}"
    if not foreign:
        return None
    shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
    if bundle:
        return (
            f"holds files a bundle did not make ({shown}); {harm}; "
            f"{fix}, or a folder that is new, empty, or holds only offline zips (*{BUNDLE_SUFFIX})"
        )
    return (
        f"holds files a build did not make ({shown}); building there would replace them; "
        f"{fix}, or a folder that is new, empty, or made by an earlier build (it holds {MARKER})"
    )


# --- Leftovers of builds that were killed -------------------------------------


def _running(pid: int) -> bool:
    """Whether process `pid` still runs (and so still owns its temporary folders)."""
    if pid == os.getpid():
        # Leftovers named for this process come from an earlier one with the same id
        # (containers reuse them): this build has made nothing yet when it looks.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _dead_leftovers(folder: Path, prefix: str, kinds: tuple[str, ...]) -> list[tuple[Path, str]]:
    """`folder`'s temporary entries for output `prefix` whose process no longer runs,
    with their kind: only names this module makes (`_temp`), never a symbolic link."""
    if not folder.is_dir():
        return []
    found = []
    for entry in sorted(folder.iterdir()):
        match = _TEMP.fullmatch(entry.name)
        if (
            match
            and match[1] == prefix
            and match[2] in kinds
            and not entry.is_symlink()
            and not _running(int(match[3]))
        ):
            found.append((entry, match[2]))
    return found


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _recover(out: Path) -> None:
    """Tidy up after builds into `out` that were killed.

    If one was killed between the swap's two renames, `out` is missing and the last
    good site sits in its `.old-PID` folder: that goes back first. Then the killed
    builds' folders are removed. A `.old-PID` is only ever a complete site: a build
    renames it to `.gone-PID` before deleting it.
    """
    leftovers = _dead_leftovers(out.parent, out.name, SITE_TEMPS)
    olds = [path for path, kind in leftovers if kind == "old" and path.is_dir()]
    if olds and not out.exists():
        last = max(olds, key=lambda path: path.stat().st_mtime)
        last.rename(out)
        print(
            f"put the last site back at {out} from {last.name}, left by a killed build",
            file=sys.stderr,
        )
        leftovers = [(path, kind) for path, kind in leftovers if path != last]
    for path, _kind in leftovers:
        _remove(path)
        print(f"removed {path}, left by a build that no longer runs", file=sys.stderr)


# --- Signals ---------------------------------------------------------------


class _TerminatedError(Exception):
    pass


def _stop(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else _TerminatedError()


class _Signals:
    """STOPPING signals during a build: they raise (`_stop`), or wait while `held`.

    The wait is kept in Python rather than in the signal mask because a mask is per
    thread: with other threads running, the kernel hands the signal to one of them,
    and Python still runs the handler in the main thread, between the renames.
    """

    def __init__(self) -> None:
        self.held = False
        self.pending: int | None = None

    def on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.held:
            self.pending = signum
            return
        raise _stop(signum)

    @contextmanager
    def hold(self) -> Iterator[None]:
        """No signal acts inside the block; one that arrived acts as the block ends.

        MASKED signals have no Python handler, so they are blocked at the OS
        (which holds them in a single-threaded process, as the CLI is; should one
        end a build between the renames anyway, the next build puts the site back).
        """
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())
        try:
            self.held = True
            signal.pthread_sigmask(signal.SIG_BLOCK, MASKED)
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            self.held = False
            if self.pending is not None:
                signum, self.pending = self.pending, None
                raise _stop(signum)


@contextmanager
def _stopping() -> Iterator[_Signals]:
    """Route STOPPING signals to a `_Signals` for the block; a signal ignored (a
    background job's Ctrl-C) stays ignored."""
    signals = _Signals()
    previous: dict[int, Callable[[int, FrameType | None], Any] | int] = {}
    try:
        for stopping in STOPPING:
            handler = signal.getsignal(stopping)
            if handler is not None and handler != signal.SIG_IGN:
                previous[stopping] = handler
                signal.signal(stopping, signals.on_signal)
        yield signals
    finally:
        signals.held = True  # now a signal only waits, until every handler is back
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if signals.pending is not None:
            signal.raise_signal(signals.pending)  # to the handler it would have met


# --- Building -----------------------------------------------------------------


def _swap(work: Path, out: Path, old: Path) -> None:
    """Put `work` at `out`, the previous `out` moved to `old`; put it back if that fails."""
    if out.exists():
        out.rename(old)
    try:
        work.rename(out)
    except OSError:
        if old.exists() and not out.exists():
            old.rename(out)
        raise


def _build(config: Path, out: Path, *, offline: bool, marker: bool) -> int:
    """`mkdocs build --strict` into a sibling of `out`, moved over `out` only on success:
    the dataset's language at the top, each translation's into `<language>/` below.

    Deletes only what this build made: its unfinished folder, and the previous site
    once the new one is in place, never the only copy of a site.
    """
    work, old, gone = (_temp(out.parent, out.name, kind) for kind in SITE_TEMPS)
    epoch = source_date_epoch(config.resolve().parent)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(epoch))
    env.update(OFFLINE_ENV if offline else {})
    env.pop(LANGUAGE_VARIABLE, None)
    env.pop(SHARED_VARIABLE, None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    command += ["--config-file", str(config)]
    translated = languages(read_project(config).content)
    processes: list[subprocess.Popen[bytes]] = []
    swapped = False
    try:
        with _stopping() as signals:
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                _recover(out)
                # The dataset's language first: its --clean empties the folder the
                # others then build into, side by side (one process per core), each
                # using the theme's files the first has written rather than a copy.
                below = {**env, SHARED_VARIABLE: "true"}
                runs = [([*command, "--site-dir", str(work)], env)] + [
                    ([*command, "--site-dir", str(work / code)], {**below, LANGUAGE_VARIABLE: code})
                    for code in translated
                ]
                code = _run(runs[:1], processes)
                if code == 0 and runs[1:]:
                    code = _run(runs[1:], processes)
                if code != 0:
                    print(f"build failed; {out} is unchanged", file=sys.stderr)
                    return code
                if marker:
                    (work / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
                with signals.hold():
                    _swap(work, out, old)
                    swapped = True  # before the held signals act, as the block ends
                return 0
            except (KeyboardInterrupt, _TerminatedError):
                for process in processes:
                    if process.poll() is None:
                        process.terminate()
                        process.wait()
                state = "holds the new site" if swapped else "is unchanged"
                print(f"build interrupted; {out} {state}", file=sys.stderr)
                return 130
            except OSError as exc:  # e.g. no permission to rename in out's folder
                kept = "" if old.exists() and not out.exists() else f"; {out} is unchanged"
                print(f"build failed: {exc}{kept}", file=sys.stderr)
                return 1
    finally:
        # SIGTERM has its usual effect again here; whatever a signal cuts short, the
        # next build removes (_recover).
        shutil.rmtree(work, ignore_errors=True)
        if old.exists():
            if out.exists():
                with suppress(OSError):  # then the next build removes it
                    old.rename(gone)  # never again mistaken for a site to put back
                shutil.rmtree(gone, ignore_errors=True)
            else:
                print(f"the last site is in {old}; the next build puts it back", file=sys.stderr)


def _run(
    runs: list[tuple[list[str], dict[str, str]]], processes: list[subprocess.Popen[bytes]]
) -> int:
    """Run the builds, as many at a time as there are cores; the first failure's code."""
    pending = list(runs)
    running: list[subprocess.Popen[bytes]] = []
    failed = 0
    while pending or running:
        while pending and len(running) < (os.cpu_count() or 1) and not failed:
            command, env = pending.pop(0)
            running.append(subprocess.Popen(command, env=env))
            processes.append(running[-1])
        finished = running.pop(0)
        code = finished.wait()
        failed = failed or code
        if failed:
            pending.clear()
    return failed


def build_site(config: Path, out: Path, *, offline: bool = False, shown: str | None = None) -> int:
    """Build the site into `out`, if `out` may take it (see `refusal`).

    `shown` names `out` in messages as the user gave it, e.g. `--out .`.
    """
    out = out.resolve()
    reason = refusal(read_project(config), out)
    if reason is not None:
        print(f"error: {shown or out} {reason}", file=sys.stderr)
        return 2
    return _build(config, out, offline=offline, marker=True)


def build_bundle(config: Path, out_zip: Path, name: str, *, shown: str | None = None) -> int:
    """Build the offline variant and zip it as `<name>/...` into `out_zip`.

    The zip is written beside `out_zip` and moved over it only when complete.
    `shown` names the zip's folder in messages as the user gave it, e.g. `--out dist`.
    """
    out_zip = out_zip.resolve()
    reason = refusal(read_project(config), out_zip.parent, bundle=True)
    if reason is not None:
        print(f"error: {shown or out_zip.parent} {reason}", file=sys.stderr)
        return 2
    work, partial = (_temp(out_zip.parent, out_zip.stem, kind) for kind in BUNDLE_TEMPS)
    try:
        with _stopping():
            try:
                for path, _kind in _dead_leftovers(out_zip.parent, out_zip.stem, BUNDLE_TEMPS):
                    _remove(path)
                    print(f"removed {path}, left by a bundle that no longer runs", file=sys.stderr)
                out_zip.parent.mkdir(parents=True, exist_ok=True)
                code = _build(config, work / name, offline=True, marker=False)
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
            except OSError as exc:  # e.g. a full disk while writing the zip
                print(f"bundle not made: {exc}; {out_zip} is unchanged", file=sys.stderr)
                return 1
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
