"""Lighthouse's reports, as `make audit` and `make bench` read them."""

from __future__ import annotations

import pytest

from audit.lighthouse import AuditError, scores

URL = "http://127.0.0.1:8000/check/"


def test_scores_are_read_as_percentages() -> None:
    report = {"categories": {"performance": {"score": 0.97}, "seo": {"score": 1}}, "audits": {}}
    assert scores(URL, report, ["performance"]) == {"performance": 97}


def test_a_page_lighthouse_could_not_score_is_an_error_that_says_why() -> None:
    report = {
        "categories": {"performance": {"score": None}},
        "audits": {
            "largest-contentful-paint": {
                "id": "largest-contentful-paint",
                "errorMessage": "The page did not display content that qualifies as a LCP.",
            },
            "speed-index": {"id": "speed-index", "score": 1},
        },
    }
    with pytest.raises(
        AuditError,
        match=r"check/: expected Lighthouse scores, got none for \['performance'\]: "
        r"largest-contentful-paint: The page did not display",
    ):
        scores(URL, report, ["performance"])
