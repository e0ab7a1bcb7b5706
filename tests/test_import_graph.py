"""No import cycle anywhere in the project, counting imports made inside functions.

import-linter's contracts (pyproject.toml) keep the floors in order; this keeps every module,
even within one floor, from reaching back to a module that imports it: a late import inside a
function hides such a cycle from a reader, not from this test.
"""

import grimp
import pytest

pytestmark = pytest.mark.same_on_every_database

PROJECT_PACKAGES = ("config", "guidance", "offices", "partners")


def import_cycles(graph):
    """Each group of modules that import one another (Tarjan's strongly connected components)."""
    modules = sorted(graph.modules)
    imports = {module: sorted(set(graph.find_modules_directly_imported_by(module)) & graph.modules) for module in modules}
    order, lowest, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(start):
        # Iterative, so a deep import chain cannot exhaust Python's recursion limit.
        work = [(start, iter(imports[start]))]
        order[start] = lowest[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, pending = work[-1]
            for imported in pending:
                if imported not in order:
                    order[imported] = lowest[imported] = len(order)
                    stack.append(imported)
                    on_stack.add(imported)
                    work.append((imported, iter(imports[imported])))
                    break
                if imported in on_stack:
                    lowest[module] = min(lowest[module], order[imported])
            else:
                work.pop()
                if work:
                    lowest[work[-1][0]] = min(lowest[work[-1][0]], lowest[module])
                if lowest[module] == order[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        cycles.append(sorted(group))

    for module in modules:
        if module not in order:
            visit(module)
    return cycles


def test_no_module_imports_a_module_that_imports_it():
    graph = grimp.build_graph(*PROJECT_PACKAGES, cache_dir=None)
    assert import_cycles(graph) == []


def test_the_check_finds_a_cycle_hidden_in_a_function():
    graph = grimp.ImportGraph()
    for module in ("app", "app.models", "app.recording"):
        graph.add_module(module)
    graph.add_import(importer="app.recording", imported="app.models")
    graph.add_import(importer="app.models", imported="app.recording")  # e.g. `from . import recording` in save()
    assert import_cycles(graph) == [["app.models", "app.recording"]]
