"""The guided check's state functions (generator/assets/check/state.js), run by
Node's own test runner: pure functions of the flow and the address, so they are
tested without a browser (tests/js/)."""

from __future__ import annotations

import shutil
import subprocess

from tests.conftest import ROOT


def test_the_widget_s_state_passes_its_node_tests() -> None:
    node = shutil.which("node")
    assert node is not None, "Node.js runs the widget's tests; see the README's quick start"
    result = subprocess.run(
        [node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 8" in result.stdout
