"""Draws the link-preview card every help site gets by default,
`generator/assets/card.png` (1200 x 630, the size Open Graph previews use).

It has no words, so it suits every language and every domain: a decision tree,
the guided check's shape, on the theme's default colour. Run it only to change
the card (`.venv/bin/python tools/card.py`); the build copies the file as it is.
Needs Chromium (Debian's, as the browser tests use).
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "generator" / "assets" / "card.png"
WIDTH, HEIGHT = 1200, 630

# A question, two questions under it, and four outcomes; the path to one
# outcome is drawn stronger, as the check leads a visitor to one.
SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}">
<rect width="100%" height="100%" fill="#4051b5"/>
<g stroke="#ffffff" stroke-width="10" fill="none" stroke-linecap="round" opacity="0.45">
  <path d="M600 175 V245 H360 V320"/><path d="M600 245 H840 V320"/>
  <path d="M360 375 V430 H240 V470"/><path d="M360 430 H480 V470"/>
  <path d="M840 375 V430 H960 V470"/>
</g>
<g stroke="#ffffff" stroke-width="14" fill="none" stroke-linecap="round">
  <path d="M600 175 V245 H840 V320"/><path d="M840 375 V430 H720 V470"/>
</g>
<g fill="#ffffff">
  <rect x="520" y="95" width="160" height="80" rx="18"/>
  <rect x="280" y="320" width="160" height="55" rx="16" opacity="0.6"/>
  <rect x="760" y="320" width="160" height="55" rx="16"/>
  <circle cx="240" cy="500" r="30" opacity="0.6"/><circle cx="480" cy="500" r="30" opacity="0.6"/>
  <circle cx="960" cy="500" r="30" opacity="0.6"/>
  <circle cx="720" cy="500" r="40"/>
</g>
<path d="M703 500 l12 13 l24 -27" stroke="#4051b5" stroke-width="9" fill="none"
  stroke-linecap="round" stroke-linejoin="round"/>
</svg>"""


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.set_content(f"<body style='margin:0'>{SVG}</body>")
        page.screenshot(path=str(OUT), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
        browser.close()
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
