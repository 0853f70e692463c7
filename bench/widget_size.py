"""The guided check's script as the site serves it (minified by `make widget`), gzipped:
its size budget is 4 KB."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.render.widget import widget_script, widget_source  # noqa: E402 - the repository's own code

BUDGET = 4096


def widget_size() -> tuple[int, int, int]:
    """(source bytes, served bytes, served bytes gzipped)."""
    source = widget_source().encode("utf-8")
    served = widget_script().encode("utf-8")
    return len(source), len(served), len(gzip.compress(served, 9, mtime=0))


def main() -> int:
    source, minified, zipped = widget_size()
    print("| widget | bytes |\n|---|---:|")
    print(f"| check.js source | {source:,} |")
    print(f"| served, minified (terser) | {minified:,} |")
    print(f"| served + gzip | {zipped:,} (budget {BUDGET:,}) |")
    return 0 if zipped <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
