"""The package's import graph: no module imports itself round a cycle, and the core imports none of the layers
above it. Every import counts — those under TYPE_CHECKING and those inside functions too: a cycle hidden there is
still one part that cannot be understood, tested or moved without the others."""

from __future__ import annotations

import grimp
import pytest

OUTER_LAYERS = ("egov_desk.ui", "egov_desk.cli", "egov_desk.render")


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("egov_desk", cache_dir=None)


def cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, imported = work[-1]
            following = next(imported, None)
            if following is not None:
                if following not in index:
                    index[following] = low[following] = len(index)
                    stack.append(following)
                    on_stack.add(following)
                    work.append((following, iter(sorted(graph.find_modules_directly_imported_by(following)))))
                elif following in on_stack:
                    low[module] = min(low[module], index[following])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_module_imports_itself_round_a_cycle(graph: grimp.ImportGraph) -> None:
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(f"{len(group)} modules: {', '.join(group)}" for group in found)


def test_a_cycle_is_found_however_it_is_entered() -> None:
    graph = grimp.ImportGraph()
    for importer, imported in (("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e")):
        graph.add_import(importer=importer, imported=imported)
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_core_imports_neither_the_ui_nor_the_cli_nor_render(graph: grimp.ImportGraph) -> None:
    reaching_out = sorted(
        f"{importer} imports {imported}"
        for importer in graph.find_descendants("egov_desk.core")
        for imported in graph.find_modules_directly_imported_by(importer)
        if imported.startswith(OUTER_LAYERS)
    )
    assert reaching_out == []
