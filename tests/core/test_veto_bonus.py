"""一票否决 and the sections outside the 100: a triggered veto makes the total 0 or marks the assessment 否决;
bonus and deduction sections (加分项, 综合奖扣分) add and take off up to their caps. Stored, read back, imported."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from egov_desk.core.db.engine import make_engine
from egov_desk.core.db.migrations import MIGRATIONS
from egov_desk.core.importers.pipeline import import_table
from egov_desk.core.importers.sections import special_sections
from egov_desk.core.indicators import IndicatorSystemError, system_from_interchange, system_to_interchange
from egov_desk.core.rules import InputError
from egov_desk.core.scoring import score_system
from egov_desk.core.workspace import Workspace
from tests.core.importing.files import write_xlsx


def system_data(effect: str = "zero") -> dict[str, Any]:
    """A base of 100 (two items), a bonus section capped at 5 and a deduction section capped at 3."""
    return {
        "title": "带加分项的考评表",
        "year": 2024,
        "total_points": 100,
        "tree": [
            {
                "name": "基础工作",
                "points": 100,
                "items": [
                    {"code": "1", "points": 60, "scoring": {"type": "manual"}},
                    {
                        "code": "2",
                        "points": 40,
                        "scoring": {"type": "deduct", "per": 1},
                        "rule": "每发现一处扣1分；发生重大安全事故的，一票否决",
                        "veto": {"text": "发生重大安全事故的，一票否决", "effect": effect},
                    },
                ],
            },
            {
                "name": "加分项",
                "section": "bonus",
                "cap": 5,
                "items": [
                    {"code": "B1", "points": 4, "scoring": {"type": "per_unit", "per": 1}},
                    {"code": "B2", "points": 3, "scoring": {"type": "yes_no"}},
                ],
            },
            {
                "name": "综合奖扣分",
                "section": "deduction",
                "cap": 3,
                "items": [{"code": "D1", "points": 10, "scoring": {"type": "per_unit", "per": 0.5}}],
            },
        ],
    }


BASE = {"1": {"score": 50.5}, "2": {"count": 2}}  # 50.5 + 38 = 88.5


def test_the_total_is_the_base_plus_the_capped_bonus_minus_the_capped_deduction() -> None:
    system = system_from_interchange(system_data())
    sheet = score_system(system, BASE | {"B1": {"count": 4}, "B2": {"yes": True}, "D1": {"count": 3}})
    assert (sheet.base, sheet.bonus, sheet.deduction) == (Decimal("88.5"), Decimal(5), Decimal("1.5"))
    assert sheet.total == Decimal("92")  # 88.5 + min(7, 5) − min(1.5, 3)
    assert sheet.max == Decimal(100)  # the sections sit outside the 100
    heavy = score_system(system, BASE | {"D1": {"count": 10}})
    assert heavy.deduction == Decimal(3)
    assert heavy.total == Decimal("85.5")


def test_the_score_json_reports_base_bonus_and_deduction() -> None:
    sheet = score_system(system_from_interchange(system_data()), BASE | {"B2": {"yes": True}, "D1": {"count": 1}})
    shown = sheet.to_json()
    assert (shown["base"], shown["bonus"], shown["deduction"], shown["total"]) == (88.5, 3, 0.5, 91)
    assert [n.get("section") for n in shown["nodes"]] == [None, "bonus", "deduction"]
    plain = score_system(system_from_interchange(system_data() | {"tree": system_data()["tree"][:1]}), BASE)
    assert "bonus" not in plain.to_json()


def test_a_triggered_zero_veto_makes_the_total_zero_and_says_which_item() -> None:
    system = system_from_interchange(system_data("zero"))
    sheet = score_system(system, BASE | {"2": {"count": 2, "vetoed": True}, "B2": {"yes": True}})
    assert sheet.items["2"].vetoed
    assert sheet.items["2"].points == Decimal(38)  # the item keeps what its rule gives
    assert (sheet.veto, sheet.vetoed, sheet.total) == ("zero", ["2"], Decimal(0))
    shown = sheet.to_json()
    assert shown["veto"] == {"effect": "zero", "items": ["2"]}
    assert shown["items"]["2"]["vetoed"] is True


def test_a_triggered_fail_veto_marks_the_assessment_without_changing_the_sum() -> None:
    system = system_from_interchange(system_data("fail"))
    sheet = score_system(system, BASE | {"2": {"count": 2, "vetoed": True}})
    assert (sheet.veto, sheet.total) == ("fail", Decimal("88.5"))
    assert sheet.to_json()["veto"] == {"effect": "fail", "items": ["2"]}


def test_a_veto_not_triggered_changes_nothing_and_lifting_it_gives_the_total_back() -> None:
    system = system_from_interchange(system_data("zero"))
    sheet = score_system(system, BASE | {"2": {"count": 2, "vetoed": False}})
    assert (sheet.veto, sheet.total) == ("", Decimal("88.5"))
    vetoed = score_system(system, BASE | {"2": {"count": 2, "vetoed": True}})
    item = system.item("2")
    from egov_desk.core.scoring import score_item

    vetoed.update(score_item(item, {"count": 2, "vetoed": False}))
    assert (vetoed.veto, vetoed.total) == ("", Decimal("88.5"))


def test_a_veto_decided_alone_is_scored_when_triggered_and_open_when_not() -> None:
    system = system_from_interchange(system_data("fail"))
    triggered = score_system(system, {"2": {"vetoed": True}}).items["2"]
    assert (triggered.scored, triggered.points, triggered.vetoed) == (True, Decimal(0), True)
    assert not score_system(system, {"2": {"vetoed": False}}).items["2"].scored


@pytest.mark.parametrize(
    ("code", "inp", "kind"),
    [("1", {"score": 1, "vetoed": True}, "no_veto"), ("2", {"count": 1, "vetoed": "是"}, "not_bool")],
)
def test_a_veto_input_the_item_cannot_take_is_refused(code: str, inp: dict[str, Any], kind: str) -> None:
    with pytest.raises(InputError) as refused:
        score_system(system_from_interchange(system_data()), {code: inp})
    assert (refused.value.code, refused.value.field, refused.value.kind) == (code, "vetoed", kind)


def test_veto_and_sections_round_trip_through_the_interchange_json() -> None:
    data = system_to_interchange(system_from_interchange(system_data()))
    assert data["tree"][1]["section"] == "bonus"
    assert data["tree"][1]["cap"] == 5
    assert data["tree"][0]["items"][1]["veto"] == {"text": "发生重大安全事故的，一票否决", "effect": "zero"}
    assert system_to_interchange(system_from_interchange(data)) == data


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d["tree"][1].update(section="extra"), "section must be one of"),
        (lambda d: d["tree"][0]["items"][1].update(veto={"effect": "maybe"}), "veto effect must be one of"),
        (lambda d: d["tree"][0]["items"][1].update(veto="yes"), "veto must be an object"),
    ],
)
def test_a_broken_section_or_veto_is_refused(change: Any, said: str) -> None:
    data = system_data()
    change(data)
    with pytest.raises(IndicatorSystemError, match=said):
        system_from_interchange(data)


def test_a_section_below_the_top_is_refused() -> None:
    data = system_data()
    data["tree"][0] = {"name": "基础工作", "children": [data["tree"][0] | {"name": "内层", "section": "bonus"}]}
    with pytest.raises(IndicatorSystemError, match="only a top-level node"):
        system_from_interchange(data)


def test_a_workspace_stores_sections_weights_and_vetoes_and_scores_them(tmp_path: Path) -> None:
    data = system_data()
    data["tree"][0] |= {"weight": 100, "scale": 100}
    with Workspace.open(tmp_path / "ws") as workspace:
        system_id = workspace.add_system(data, "test:sections").system_id
        assert workspace.export_system_json(system_id) == system_to_interchange(system_from_interchange(data))
        assessment = workspace.create_assessment(system_id, "本单位", 2024).assessment_id
        workspace.set_input(assessment, "2", {"count": 0, "vetoed": True})
        assert workspace.scores(assessment).total == Decimal(0)
    with Workspace.open(tmp_path / "ws") as workspace:
        assert workspace.system(system_id).node((1,)).section == "bonus"
        assert workspace.scores_now(assessment).veto == "zero"


def test_a_workspace_from_before_node_extras_upgrades_and_keeps_its_systems(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
        before = workspace.export_system_json(1)
    database = tmp_path / "ws" / "workspace.sqlite"
    engine = make_engine(f"sqlite:///{database}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:  # back to 0003's schema, as the release before left it: FK off
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        with connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
    engine.dispose()
    with closing(sqlite3.connect(database)) as old:
        assert "extra" not in [row[1] for row in old.execute("PRAGMA table_info(nodes)")]
    with Workspace.open(tmp_path / "ws") as workspace:
        assert workspace.backup is not None
        assert "before-upgrade-from-0003" in workspace.backup.name
        assert workspace.export_system_json(1) == before
        assert workspace.inputs(1) == {"021": {"numerator": 7, "denominator": 9}}
        stored = workspace.add_system(system_data(), "test:after-upgrade").system_id
        assert workspace.system(stored).node((2,)).cap == Decimal(3)


def test_import_marks_bonus_and_deduction_sections_with_their_caps_and_items_with_their_veto() -> None:
    tree: list[dict[str, Any]] = [
        {"name": "基础工作", "points": 100, "items": [{"code": "1", "rule": "发生重大事故的，一票否决，总分计0分"}]},
        {"name": "加分项（最高加5分）", "points": None, "items": [{"code": "2", "rule": "获省级表彰得2分"}]},
        {"name": "综合奖扣分（扣分不超过10分）", "points": None, "items": [{"code": "3", "rule": "每起扣1分"}]},
        {"name": "一票否决事项", "points": None, "items": [{"code": "4", "rule": "发生重大泄密事件的"}]},
    ]
    rows = {id(node): f"第{n + 2}行" for n, node in enumerate(tree)}
    special, findings = special_sections(tree, rows)
    assert special == tree[1:]
    assert (tree[1]["section"], tree[1]["cap"]) == ("bonus", 5)
    assert (tree[2]["section"], tree[2]["cap"]) == ("deduction", 10)
    assert "section" not in tree[3]
    assert tree[0]["items"][0]["veto"] == {"text": "发生重大事故的，一票否决，总分计0分", "effect": "zero"}
    assert len(findings) == 3
    assert "基础分 + 加分 − 扣分" in findings[0].message
    assert "最多 5 分" in findings[0].message


def test_an_imported_bonus_section_scores_outside_the_total(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "bonus.xlsx",
        [
            ["一级指标", "二级指标", "分值", "评分细则", "编号", "责任单位"],
            ["基础工作（100分）", "制度建设", "100", "根据实际情况评分", "01", ""],
            ["加分项（最高加5分）", "创新应用", "5", "获得省级表彰的，每项得1分，最高得5分", "02", ""],
        ],
    )
    data = import_table(path).data
    assert data["tree"][1]["section"] == "bonus"
    system = system_from_interchange(data)
    sheet = score_system(system, {"01": {"score": 99}, "02": {"count": 3}})
    assert (sheet.base, sheet.bonus, sheet.total, sheet.max) == (Decimal(99), Decimal(3), Decimal(102), Decimal(100))
