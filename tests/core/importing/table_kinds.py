"""One table of every kind units receive, as issue 14 lists them, written for the tests (no real file copied).

Each builder writes a real .xlsx or .docx and returns its path; ``KINDS`` names them with what a right reading
gives: the items' count, the top-level levels, and whether the items are scored or judged pass/fail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from tests.core.importing.files import Merge, Rows, write_docx, write_xlsx


def supervision_sheet(folder: Path) -> Path:
    """An education supervision self-assessment sheet: A级/B级 levels, 评估要点, judgement columns, no points."""
    rows: Rows = [
        ["2024年县域义务教育学校督导评估自评表"],
        ["A级指标", "B级指标", "评估要点", "合格", "基本合格", "不合格", "佐证材料及责任科室"],
        ["A1 办学条件", "B1 校舍场地", "生均校舍建筑面积达到省定标准", "", "", "", "校舍台账\n后勤科"],
        ["", "B2 装备配置", "按标准配齐实验室、功能室", "", "", "", "装备清单\n装备科"],
        ["A2 队伍建设", "B3 教师配备", "专任教师学历合格率100%", "", "", "", "教师花名册\n人事科"],
        ["", "B4 教师培训", "教师每五年完成360学时培训", "", "", "", "培训记录\n师训科"],
        ["标识说明：★为必达指标，学校填写自评结论"],
        ["填表人：", "", "审核人：", "", "日期："],
    ]
    merges: list[Merge] = [(0, 0, 0, 6), (2, 0, 3, 0), (4, 0, 5, 0), (6, 0, 6, 6)]
    return write_xlsx(folder / "督导评估自评表.xlsx", rows, merges)


def balance_formula_sheet(folder: Path) -> Path:
    """A 优质均衡 threshold sheet: no points, no codes, thresholds per school type, a legend row."""
    rows: Rows = [
        ["优质均衡发展指标测算表"],
        ["指标", "标准", "学校填写", "是否达标"],
        ["每百名学生拥有高于规定学历教师数", "小学>=4.2人；初中>=5.3人", "", ""],
        ["每百名学生拥有县级以上骨干教师数", "小学、初中均>=1人", "", ""],
        ["生均体育运动场馆面积", "小学>=7.5平方米；初中>=10.2平方米", "", ""],
        ["标识说明：学校填写栏由各校据实填报"],
    ]
    return write_xlsx(folder / "优质均衡测算表.xlsx", rows, [(0, 0, 0, 3), (5, 0, 5, 3)])


def river_chief_table(folder: Path) -> Path:
    """A county 河长制 assessment: section rows 一、二、 across two level columns, tier rows, a signature footer."""
    rows: Rows = [
        ["2024年度县级河长制工作考核细则"],
        ["序号", "考核项目", "考核内容", "分值", "评分标准", "牵头单位"],
        ["一", "组织体系（30分）", "", "", "", ""],
        ["1", "河长履职", "县级河长巡河次数达到规定要求", "10", "巡河率100%得10分；低于要求的，按下列扣分：", "水利局"],
        ["", "", "", "", "90%≤N＜95%，扣2分", ""],
        ["", "", "", "", "N＜90%，扣5分", ""],
        ["2", "制度建设", "建立会议、督办、考核制度", "20", "每缺一项制度扣5分，扣完为止", "河长办"],
        ["二", "水质目标（70分）", "", "", "", ""],
        ["3", "断面水质", "考核断面水质达标", "40", "每有一个断面不达标扣10分，扣完为止", "生态环境局"],
        ["4", "问题整改", "督办问题按期整改", "30", "每推迟一个月扣0.5分，最高扣2分；发生1起扣1分，累加计分", "河长办"],
        ["合计", "", "", "100", "", ""],
        ["考核人：", "", "", "", "日期：", ""],
    ]
    merges: list[Merge] = [(0, 0, 0, 5), (2, 1, 2, 2), (7, 1, 7, 2)]
    return write_xlsx(folder / "河长制考核细则.xlsx", rows, merges)


def budget_performance_table(folder: Path) -> Path:
    """A budget-performance evaluation: 一级/二级/三级 with points, fill-in 指标值/自评得分 columns."""
    rows: Rows = [
        ["项目支出绩效自评表"],
        ["一级指标", "二级指标", "三级指标", "分值", "指标值", "评分标准", "自评得分"],
        ["决策（20分）", "项目立项", "立项依据充分性", "10", "充分", "依据充分得10分，否则酌情扣分", ""],
        ["", "绩效目标", "绩效目标合理性", "10", "合理", "目标明确合理得10分；每有一处不合理扣2分", ""],
        ["过程（30分）", "资金管理", "资金到位率", "15", "100%", "到位率×15分", ""],
        ["", "组织实施", "制度执行有效性", "15", "有效", "每发现一起违规扣3分，扣完为止", ""],
        ["产出（30分）", "产出数量", "完成培训人次", "30", "≥500人次", "完成得30分；每少50人次扣3分", ""],
        ["效益（20分）", "满意度", "服务对象满意度", "20", "≥90%", "95%以上得20分；90%-95%得15分；低于90%不得分", ""],
        ["合计", "", "", "100", "", "", ""],
    ]
    merges: list[Merge] = [(0, 0, 0, 6), (2, 0, 3, 0), (4, 0, 5, 0)]
    return write_xlsx(folder / "预算绩效自评表.xlsx", rows, merges)


def kpi_sheet(folder: Path) -> Path:
    """A KPI sheet: weights in percent, target and actual columns, a 计分方法 column."""
    rows: Rows = [
        ["部门年度关键绩效指标（KPI）考核表"],
        ["序号", "KPI指标", "权重", "目标值", "完成值", "计分方法"],
        ["1", "政务服务事项网上可办率", "30%", "95%", "", "达到目标值得满分，每低1个百分点扣1分"],
        ["2", "数据共享目录编制完成率", "40%", "100%", "", "完成得满分；未完成不得分"],
        ["3", "网络安全事件", "30%", "0起", "", "发生1起扣1分，累加计分"],
    ]
    return write_xlsx(folder / "KPI考核表.xlsx", rows, [(0, 0, 0, 5)])


def workbook_with_entry_form_first(
    folder: Path, rows: Rows | None = None, merges: tuple[str, ...] = ("A2:A3",)
) -> Path:
    """A workbook whose first sheet is a data-entry form; the indicator table (``rows``) is on the second."""
    path = folder / "考评工作簿.xlsx"
    workbook = openpyxl.Workbook()
    form = workbook.active
    form.title = "填报信息"
    for r, label in enumerate(("填报单位", "联系人", "联系电话", "填报日期", "分值合计"), start=1):
        form.cell(r, 1, label)
    table = workbook.create_sheet("考核指标")
    for r, row in enumerate(rows or ENTRY_FORM_TABLE, start=1):
        for c, text in enumerate(row, start=1):
            if text:
                table.cell(r, c, text)
    for merged in merges:
        table.merge_cells(merged)
    workbook.save(str(path))
    return path


ENTRY_FORM_TABLE: Rows = [
    ["一级指标", "二级指标", "编号", "分值", "评分细则", "牵头科室"],
    ["基础建设", "网站建设", "001", "5", "网站正常运行得5分，每发现一次无法访问扣1分", "信息中心"],
    ["", "安全保障", "002", "5", "未发生安全事件得5分", "信息中心"],
    ["信息公开", "主动公开", "003", "10", "按时公开得10分；每缺一项扣2分，扣完为止", "办公室"],
]


def two_tables_sheet(folder: Path) -> Path:
    """Two tables on one sheet: each with its own title and header, the numbering restarting."""
    rows: Rows = [
        ["一、共性指标考核表"],
        ["序号", "指标", "分值", "评分标准"],
        ["1", "政务公开", "10", "按时公开得10分"],
        ["2", "安全管理", "10", "未发生安全事件得10分"],
        [""],
        ["二、个性指标考核表"],
        ["序号", "考核内容", "分值", "考核标准", "责任科室"],
        ["1", "重点项目推进", "20", "按期完成得20分；每推迟一个月扣0.5分，最高扣2分", "规划科"],
        ["2", "信访办理", "10", "办结率100%得10分；每低1个百分点扣1分", "信访科"],
    ]
    return write_xlsx(folder / "两张表.xlsx", rows, [(0, 0, 0, 3), (5, 0, 5, 4)])


def continued_word_table(folder: Path) -> Path:
    """A Word table continued in a second table whose first rows have blank level cells."""
    header = ["一级指标", "二级指标", "编号", "分值", "评分细则", "备注"]
    first: Rows = [header]
    second: Rows = []
    for number in range(1, 6):
        first.append(
            [
                "基础设施" if number == 1 else "",
                "机房" if number == 1 else "",
                f"{number:03d}",
                "2",
                f"第{number}项达到要求得2分",
                "提供材料",
            ]
        )
    for number in range(6, 9):
        second.append(["", "", f"{number:03d}", "2", f"第{number}项达到要求得2分", "提供材料"])
    second.append(["应用服务", "网站", "009", "4", "网站正常运行得4分", "截图"])
    return write_docx(folder / "续表.docx", [(first, []), (second, [])], title="2024年电子政务考评指标")


@dataclass(frozen=True)
class Kind:
    """A kind of table and what a right reading of it gives."""

    name: str
    build: Callable[[Path], Path]
    items: int
    roots: list[str]
    pass_fail: bool = False


KINDS = [
    Kind("supervision", supervision_sheet, 4, ["A1 办学条件", "A2 队伍建设"], pass_fail=True),
    Kind("balance", balance_formula_sheet, 3, [], pass_fail=True),
    Kind("river_chief", river_chief_table, 4, ["组织体系", "水质目标"]),
    Kind("budget", budget_performance_table, 6, ["决策", "过程", "产出", "效益"]),
    Kind("kpi", kpi_sheet, 3, []),
    Kind("entry_form_first", workbook_with_entry_form_first, 3, ["基础建设", "信息公开"]),
    Kind("two_tables", two_tables_sheet, 4, ["共性指标考核表", "个性指标考核表"]),
    Kind("word_continued", continued_word_table, 9, ["基础设施", "应用服务"]),
]
