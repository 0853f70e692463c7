"""`make screenshots`: what a change did to the pages people see most, at desktop
and phone widths, written to .build/screenshots/ for a reviewer to look at."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.server import serve  # noqa: E402
from tests.browser import chromium  # noqa: E402

OUT = ROOT / ".build/screenshots"
PAGES = {
    "home": "",
    "check-outcome": "check/#a=1.1.1.1.1.7-10",
    "cause": "causes/too-many-disputes/",
}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with serve(ROOT / "site") as url, chromium() as browser:
        for device, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path in PAGES.items():
                page.goto(url + path)
                page.wait_for_load_state("networkidle")
                target = OUT / f"{name}-{device}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target.relative_to(ROOT))
            page.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
