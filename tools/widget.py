"""`make widget`: the guided check's parts (generator/assets/check/) minified by
terser into the one script the site serves (`WIDGET_MINIFIED`). `--check` only
says whether the committed script is what the parts make."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.render.widget import WIDGET_MINIFIED, widget_source  # noqa: E402

TERSER = ROOT / "node_modules/.bin/terser"
OPTIONS = ("--compress", "--mangle", "--comments", "false")
"""The same every time: terser's output depends only on its version and these."""


def minified() -> str:
    run = subprocess.run(
        [str(TERSER), *OPTIONS],
        input=widget_source(),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return run.stdout.rstrip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    args = parser.parse_args()
    made = minified()
    shown = WIDGET_MINIFIED.relative_to(ROOT)
    if args.check:
        if WIDGET_MINIFIED.read_text(encoding="utf-8") != made:
            print(f"{shown}: expected the minified parts, got an older script; run `make widget`")
            return 1
        return 0
    WIDGET_MINIFIED.write_text(made, encoding="utf-8")
    print(f"wrote {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
