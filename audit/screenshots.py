"""`make screenshots`: what a change did to the pages people see most, at desktop
and phone widths, written to .build/screenshots/ for a reviewer to look at: the
home page, a cause page, the guided check's first question and every outcome it
can end on, the diagram, and the same in Arabic (right to left)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.server import serve  # noqa: E402
from generator.pipeline import check  # noqa: E402
from tests.browser import chromium  # noqa: E402
from tests.flows import outcome_addresses  # noqa: E402

OUT = ROOT / ".build/screenshots"
FIXED = {
    "home": "",
    "cause": "causes/too-many-disputes/",
    "check": "check/",
    "diagram": "check/map/",
}


def pages() -> dict[str, str]:
    """Name -> address: the fixed pages and every outcome, in English and Arabic."""
    result = check(ROOT / "content", ROOT)
    assert result.guide is not None and result.guide.flow is not None, "run `make check`"
    outcomes = {
        f"outcome-{cause}": "check/" + fragment
        for cause, fragment in outcome_addresses(result.guide.flow).items()
    }
    english = {**FIXED, **outcomes}
    return {**english, **{f"ar-{name}": "ar/" + path for name, path in english.items()}}


WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with serve(ROOT / "site") as url, chromium() as browser:
        for device, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path in pages().items():
                page.goto(url + path)
                page.wait_for_load_state("networkidle")
                target = OUT / f"{name}-{device}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target.relative_to(ROOT))
            page.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
