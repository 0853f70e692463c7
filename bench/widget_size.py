"""The guided check's script, minified with terser and gzipped: its size budget is 4 KB."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.render.widget import widget_script  # noqa: E402 - the repository's own code

TERSER = ROOT / "node_modules/.bin/terser"
BUDGET = 4096


def widget_size() -> tuple[int, int, int]:
    """(source bytes, minified bytes, minified+gzipped bytes)."""
    source = widget_script().encode("utf-8")
    minified = subprocess.run(
        [str(TERSER), "--compress", "--mangle"], input=source, capture_output=True, check=True
    ).stdout
    return len(source), len(minified), len(gzip.compress(minified, 9, mtime=0))


def main() -> int:
    source, minified, zipped = widget_size()
    print("| widget | bytes |\n|---|---:|")
    print(f"| check.js source | {source:,} |")
    print(f"| minified (terser) | {minified:,} |")
    print(f"| minified + gzip | {zipped:,} (budget {BUDGET:,}) |")
    return 0 if zipped <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
