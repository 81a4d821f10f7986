"""Review and sign-off on the command line: ``review submit|return|approve ITEM…`` and ``assessment finalize |
reopen | stage``, each with the person's ``--name`` and ``--role`` (and a filler's ``--department``), recorded in
the audit trail beside the OS login."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import Refused, assessment_of, open_workspace

if TYPE_CHECKING:
    from egov_desk.core.person import Person

ROLE_NAMES = {"filler": "filler", "reviewer": "reviewer", "leader": "leader"}
ROLE_NAMES.update({"填报人": "filler", "审核人": "reviewer", "负责人": "leader"})


def _person_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--workspace")
    command.add_argument("--assessment", type=int)
    command.add_argument("--name", help="your name, recorded with the change (姓名)")
    command.add_argument("--role", help="filler|reviewer|leader (填报人|审核人|负责人)")
    command.add_argument("--department", help="a filler's department (部门)")


def add_review_commands(commands: Any) -> None:
    review = commands.add_parser("review", help="submit, return or approve items (review status)")
    actions = review.add_subparsers(dest="review_command", required=True)
    for name, what in (
        ("submit", "submit items for review (a filler of their department, or the leader)"),
        ("return", "return items for rework, with --comment (a reviewer or the leader)"),
        ("approve", "approve items (a reviewer or the leader)"),
    ):
        command = actions.add_parser(name, help=what)
        command.add_argument("items", nargs="+", metavar="ITEM", help="item codes (编号)")
        if name == "return":
            command.add_argument("--comment", default="", help="what is to be reworked (退回意见, required)")
        _person_arguments(command)
        command.set_defaults(run=cmd_review, action=name)


def add_sign_off_commands(assessment_cmds: Any) -> None:
    """``assessment finalize [--force]``, ``assessment reopen --reason R``, ``assessment stage filling|review``."""
    finalize = assessment_cmds.add_parser("finalize", help="定稿: freeze the snapshot and lock the assessment")
    finalize.add_argument("--force", action="store_true", help="finalize although items are not yet approved")
    finalize.set_defaults(run=cmd_finalize)
    reopen = assessment_cmds.add_parser("reopen", help="unlock a final assessment (the leader, with a reason)")
    reopen.add_argument("--reason", default="", help="why it is reopened (required)")
    reopen.set_defaults(run=cmd_reopen)
    stage = assessment_cmds.add_parser("stage", help="move the assessment between filling and review")
    stage.add_argument("stage", choices=("filling", "review"))
    stage.set_defaults(run=cmd_stage)
    for command in (finalize, reopen, stage):
        _person_arguments(command)


def _chinese() -> bool:
    from egov_desk.core.messages import cli_language, is_chinese

    return is_chinese(cli_language())


def person_of(args: argparse.Namespace) -> Person:
    """The person the command acts as; refused (exit 2) without a name and a role."""
    from egov_desk.core.person import Person

    role = ROLE_NAMES.get((args.role or "").strip())
    if args.role and role is None:
        raise Refused(
            f"--role {args.role!r}: choose filler, reviewer or leader",
            f"--role {args.role!r}：请选择 filler（填报人）、reviewer（审核人）或 leader（负责人）",
            "unknown_role",
        )
    name = (args.name or "").strip()
    if role is None or not name:
        raise Refused(
            "give your role and name: --role filler|reviewer|leader --name NAME (a filler also --department)",
            "请用 --role 和 --name 给出角色和姓名（填报人还需 --department）",
            "no_person",
        )
    return Person(name, role, (args.department or "").strip())


def cmd_review(args: argparse.Namespace) -> int:
    from egov_desk.core import review
    from egov_desk.core.review_states import ITEM_STATES, said

    person = person_of(args)
    with open_workspace(args) as workspace:
        workspace.set_person(person)
        assessment = assessment_of(workspace, args)
        if args.action == "submit":
            change = review.submit(workspace, assessment, args.items)
        elif args.action == "return":
            change = review.return_items(workspace, assessment, args.items, args.comment)
        else:
            change = review.approve(workspace, assessment, args.items)
        reviews = review.item_reviews(workspace, assessment)
    chinese = _chinese()
    for code in change.codes:
        print(f"{code}\t{said(ITEM_STATES, reviews[code].status, chinese)}")
    return 0


def cmd_finalize(args: argparse.Namespace) -> int:
    from egov_desk.core import sign_off

    person = person_of(args)
    with open_workspace(args) as workspace:
        workspace.set_person(person)
        done = sign_off.finalize(workspace, assessment_of(workspace, args), force=args.force)
    chinese = _chinese()
    if done.unreviewed:
        count = len(done.unreviewed)
        print(f"已强制定稿，{count} 项未审核通过" if chinese else f"finalized with {count} item(s) not approved")
    print(f"定稿快照 SHA-256：{done.snapshot}" if chinese else f"snapshot SHA-256: {done.snapshot}")
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from egov_desk.core import sign_off

    person = person_of(args)
    with open_workspace(args) as workspace:
        workspace.set_person(person)
        sign_off.reopen(workspace, assessment_of(workspace, args), args.reason)
    print("已重新打开，进入审核阶段" if _chinese() else "reopened: the assessment is in review")
    return 0


def cmd_stage(args: argparse.Namespace) -> int:
    from egov_desk.core import sign_off
    from egov_desk.core.review_states import STAGES, said

    person = person_of(args)
    with open_workspace(args) as workspace:
        workspace.set_person(person)
        sign_off.set_stage(workspace, assessment_of(workspace, args), args.stage)
    chinese = _chinese()
    print(f"阶段：{said(STAGES, args.stage)}" if chinese else f"stage: {said(STAGES, args.stage, False)}")
    return 0
