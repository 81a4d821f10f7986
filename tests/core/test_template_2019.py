"""The built-in 2019 system: the seed table's structure exactly, and every item's rule as SCORING-2019.md says."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest

from egov_desk.core.indicators import IndicatorSystem
from egov_desk.core.rules import InputError
from egov_desk.core.scoring import score_item
from egov_desk.core.templates import load_template, template_data
from tests.conftest import SEED, SHARED_SEED

STRUCTURE_KEYS = ("code", "points", "rule", "evidence", "lead", "cooperating")


@pytest.fixture(scope="module")
def system() -> IndicatorSystem:
    return load_template("builtin:2019")


def strip_scoring(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for node in nodes:
        copy: dict[str, Any] = {"name": node["name"], "points": node["points"]}
        if "children" in node:
            copy["children"] = strip_scoring(node["children"])
        if "items" in node:
            copy["items"] = [{k: item[k] for k in STRUCTURE_KEYS} for item in node["items"]]
        out.append(copy)
    return out


def test_the_test_copy_of_the_seed_is_the_shared_seed() -> None:
    if not SHARED_SEED.is_dir():
        pytest.skip(f"no shared seed beside the checkout ({SHARED_SEED}); the copy in tests/data is used")
    for name in ("2019-indicators.json", "SCORING-2019.md"):
        assert (SEED / name).read_bytes() == (SHARED_SEED / name).read_bytes(), name


def test_structure_is_identical_to_the_seed() -> None:
    seed = json.loads((SEED / "2019-indicators.json").read_text(encoding="utf-8"))
    template = template_data("builtin:2019")
    assert {k: template[k] for k in ("title", "year", "total_points")} == {
        k: seed[k] for k in ("title", "year", "total_points")
    }
    assert strip_scoring(template["tree"]) == strip_scoring(seed["tree"])


def test_structure_survives_loading_and_writing_back() -> None:
    seed = json.loads((SEED / "2019-indicators.json").read_text(encoding="utf-8"))
    written = load_template("builtin:2019").to_interchange()
    assert strip_scoring(written["tree"]) == strip_scoring(seed["tree"])


def scoring_table() -> dict[str, str]:
    """编号 → rule type, read from SCORING-2019.md's table (012–016 and 017, 018 expanded)."""
    types = {}
    for line in (SEED / "SCORING-2019.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not re.match(r"^\d{3}", cells[0]):
            continue
        numbers = [int(n) for n in re.findall(r"\d{3}", cells[0])]
        codes = range(numbers[0], numbers[1] + 1) if "–" in cells[0] else numbers
        for code in codes:
            types[f"{code:03d}"] = cells[1]
    return types


def test_every_item_has_the_rule_type_of_scoring_2019(system: IndicatorSystem) -> None:
    expected = scoring_table()
    assert len(expected) == 35
    assert {item.code: item.scoring.type for item in system.items()} == expected


def test_every_rules_full_marks_are_the_items_points(system: IndicatorSystem) -> None:
    assert {i.code: i.scoring.max_points for i in system.items()} == {i.code: i.points for i in system.items()}


# (input, expected points) per item: the parameters of SCORING-2019.md, checked by what they score.
CASES: dict[str, list[tuple[dict[str, Any], str]]] = {
    "001": [({"parts": [{"count": 1}, {"count": 0}]}, "1"), ({"parts": [{"count": 5}, {"count": 3}]}, "4")],
    "002": [({"checked": [0]}, "1"), ({"checked": [0, 1]}, "2")],
    "003": [({"count": 1}, "1"), ({"count": 4}, "2")],
    "004": [({"score": 2.5}, "2.5")],
    "005": [({"yes": True}, "3"), ({"yes": False}, "0")],
    "006": [({"option": 0}, "3"), ({"option": 1}, "1"), ({"option": 2}, "0")],
    "007": [({"yes": True}, "3")],
    "008": [({"score": 9.2}, "9.2")],
    "009": [({"yes": True}, "3")],
    "010": [({"yes": True}, "3")],
    "011": [({"rate": 0.95}, "5.7")],
    **{code: [({"score": 2}, "2")] for code in ("012", "013", "014", "015", "016")},
    "017": [({"score": 4}, "4")],
    "018": [({"score": 3.5}, "3.5")],
    "019": [({"parts": [{"score": 0.8}, {"score": 0.8}, {"score": 0.4}]}, "2")],
    "020": [({"checked": [0]}, "2"), ({"checked": [0, 1]}, "4")],
    "021": [({"numerator": 6, "denominator": 9}, "2"), ({"numerator": 9, "denominator": 9}, "3")],
    "022": [({"score": 3}, "3")],
    "023": [({"score": 2}, "2")],
    "024": [({"score": 1}, "1")],
    "025": [({"checked": [1]}, "1"), ({"checked": [0, 1]}, "2")],
    "026": [({"parts": [{"numerator": 1, "denominator": 2}, {"numerator": 3, "denominator": 4}]}, "1.25")],
    "027": [({"numerator": 2, "denominator": 3}, "2")],
    "028": [({"rank": 1}, "2"), ({"rank": 5}, "2"), ({"rank": 6}, "1"), ({"rank": 10}, "1"), ({"rank": 11}, "0")],
    "029": [({"count": 1}, "0.5"), ({"count": 2}, "1"), ({"count": 5}, "1")],
    "030": [
        ({"parts": [{"yes": True}, {"checked": [0, 1, 2]}]}, "3.5"),
        ({"parts": [{"yes": False}, {"checked": [0, 1, 2, 3, 4]}]}, "2"),
    ],
    "031": [({"option": 0}, "2"), ({"option": 1}, "1"), ({"option": 2}, "0")],
    "032": [({"checked": []}, "0"), ({"checked": [1]}, "1"), ({"checked": [0, 2]}, "1"), ({"checked": [0, 1, 2]}, "2")],
    "033": [({"yes": True}, "2")],
    "034": [({"yes": True}, "2")],
    "035": [({"parts": [{"score": 1}, {"score": 0.5}]}, "1.5")],
}


def test_cases_cover_every_item(system: IndicatorSystem) -> None:
    assert set(CASES) == {item.code for item in system.items()}


@pytest.mark.parametrize(
    ("code", "inp", "expected"), [(code, inp, out) for code, cases in CASES.items() for inp, out in cases]
)
def test_item_scores_as_scoring_2019_says(
    system: IndicatorSystem, code: str, inp: dict[str, Any], expected: str
) -> None:
    assert score_item(system.item(code), inp).points == Decimal(expected)


@pytest.mark.parametrize(
    ("code", "inp", "field"),
    [
        ("021", {"numerator": 1, "denominator": 0}, "denominator"),
        ("028", {"rank": 17}, "rank"),
        ("006", {"option": 3}, "option"),
        ("019", {"parts": [{"score": 0.9}, None, None]}, "parts[0].score"),
        ("011", {"rate": 1.2}, "rate"),
    ],
)
def test_impossible_inputs_name_item_and_field(
    system: IndicatorSystem, code: str, inp: dict[str, Any], field: str
) -> None:
    with pytest.raises(InputError) as caught:
        score_item(system.item(code), inp)
    assert str(caught.value).startswith(f"{code} {field}:")


def test_028_keeps_the_note_about_the_overlapping_band(system: IndicatorSystem) -> None:
    rule = system.item("028").scoring
    assert "第5名" in rule.extra["note"]


def test_results_supplied_by_other_bodies_are_named(system: IndicatorSystem) -> None:
    assert system.item("008").supplied_by == ["市政务服务中心"]
    assert system.item("012").supplied_by == ["市发改委"]
    assert system.item("021").supplied_by == ["平台检查"]
    assert system.item("002").supplied_by == []
