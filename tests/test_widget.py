"""The guided check's state functions (generator/assets/check/state.js), run by
Node's own test runner: pure functions of the flow and the address, so they are
tested without a browser (tests/js/)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import ROOT


def test_the_widget_s_state_passes_its_node_tests() -> None:
    node = shutil.which("node")
    assert node is not None, "Node.js runs the widget's tests; see the README's quick start"
    result = subprocess.run(
        [node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 9" in result.stdout


def test_the_served_script_is_the_parts_minified() -> None:
    """The site serves generator/assets/check.min.js, which `make widget` makes
    from the parts; a change to a part needs it made again."""
    result = subprocess.run(
        [sys.executable, "tools/widget.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
