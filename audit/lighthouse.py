"""Lighthouse over a built site served as a host would (gzip, cache headers): the
median of three runs per page. `make audit` and `make bench` both run it."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from audit.server import serve
from tests.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
RUNS = 3
"""Lighthouse runs per page; each category's median is kept, as Lighthouse's own
documentation advises, because timing varies from run to run on a shared machine."""


class AuditError(Exception):
    pass


def need(tool: Path, how: str) -> None:
    if not tool.exists():
        raise AuditError(f"{tool} is missing; {how}")


def lighthouse(
    site: Path, pages: Mapping[str, str], categories: Sequence[str]
) -> list[tuple[str, dict[str, int]]]:
    """(page name, {category: median score 0-100}) for each page, a path under `site`.

    Lighthouse's defaults otherwise: a phone (mobile form factor), its simulated
    slow network and CPU."""
    need(LIGHTHOUSE, "run `npm ci` (the Makefile's audit and bench targets do)")
    need(Path(CHROMIUM), "install Chromium: apt-get install -y chromium")
    rows = []
    with serve(site) as url, tempfile.TemporaryDirectory() as tmp:
        for name, path in pages.items():
            runs = [
                lighthouse_once(url + path, Path(tmp) / f"{i}.json", categories)
                for i in range(RUNS)
            ]
            scores = {k: sorted(run[k] for run in runs)[RUNS // 2] for k in categories}
            rows.append((name, scores))
    return rows


def lighthouse_once(url: str, report: Path, categories: Sequence[str]) -> dict[str, int]:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(categories)}",
            f"--chrome-flags={flags}",
            "--quiet",
        ],
        env=dict(os.environ, CHROME_PATH=CHROMIUM),
        check=True,
    )
    return scores(url, json.loads(report.read_text(encoding="utf-8")), categories)


def scores(url: str, report: dict[str, Any], categories: Sequence[str]) -> dict[str, int]:
    """{category: score 0-100} of a Lighthouse JSON report on `url`."""
    found = {k: report["categories"][k]["score"] for k in categories}
    if missing := [k for k, score in found.items() if score is None]:
        # A category has no score when one of its audits failed (no largest paint, say);
        # Lighthouse still exits 0.
        why = "; ".join(
            f"{audit['id']}: {audit['errorMessage']}"
            for audit in report["audits"].values()
            if audit.get("errorMessage")
        )
        raise AuditError(f"{url}: expected Lighthouse scores, got none for {missing}: {why}")
    return {k: round(100 * score) for k, score in found.items()}
