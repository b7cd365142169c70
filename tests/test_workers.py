"""Work run in a process of its own (kg.workers): results, errors, a process that dies."""
from __future__ import annotations

import os
import pickle
import sys

import pytest

from kg.errors import KGError
from kg.workers import extract_lines, run_in_process


def pid_and_sum(a, b):
    return os.getpid(), a + b


def fails_with(kind):
    raise kind("the reason")


def dies():
    os._exit(3)


def spacy_imported_by(module):
    __import__(module)
    return "spacy" in sys.modules


def modules_loaded_by(pickled):
    pickle.loads(pickled)
    return sorted(name for name in ("kg.pipeline", "pyoxigraph", "networkx", "spacy") if name in sys.modules)


def test_the_result_comes_back_from_another_process():
    pid, total = run_in_process(pid_and_sum, 2, 3, what="adding")
    assert total == 5 and pid != os.getpid()


def test_a_kg_error_is_raised_here_as_it_was_raised_there():
    with pytest.raises(KGError, match="the reason") as raised:
        run_in_process(fails_with, KGError, what="failing")
    assert not getattr(raised.value, "__notes__", None)


def test_another_error_says_where_it_came_from():
    with pytest.raises(ValueError, match="the reason") as raised:
        run_in_process(fails_with, ValueError, what="failing")
    assert "in the worker process" in raised.value.__notes__[0] and "fails_with" in raised.value.__notes__[0]


def test_a_process_that_dies_is_a_clear_error():
    with pytest.raises(KGError, match="drawing the page stopped with exit code 3"):
        run_in_process(dies, what="drawing the page")


def test_the_page_process_does_not_import_spacy():
    # the page's process must start in a fraction of a second: kg.view and kg.types only
    assert run_in_process(spacy_imported_by, "kg.view", what="importing") is False
    assert run_in_process(spacy_imported_by, "kg.types", what="importing") is False
    assert run_in_process(spacy_imported_by, "kg.nlp", what="importing") is True  # the check can fail


def kg_pipeline_build():
    import kg.pipeline  # here, not at the top: the processes above import this module

    return kg.pipeline.build


def test_a_worker_gets_its_extraction_without_the_build_modules():
    # The pool sends the function by name: a worker loads kg.workers, not kg.pipeline with
    # the store and page libraries; spaCy comes on the first document.
    assert run_in_process(modules_loaded_by, pickle.dumps(extract_lines), what="loading") == []
    assert run_in_process(modules_loaded_by, pickle.dumps(kg_pipeline_build()), what="loading") == \
        ["kg.pipeline", "networkx", "pyoxigraph"]  # the check can fail


def kg_imports(path) -> set[str]:
    """The kg modules a module imports, at its top or inside functions."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "kg":
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("kg.")}
    return found


def test_data_flows_one_way_no_import_circle():
    """extraction → nlp → workers → extraction was a circle (for one helper, batched)."""
    from pathlib import Path

    import kg

    package = Path(kg.__file__).parent
    graph = {path.stem: kg_imports(path) - {"__version__"} for path in package.glob("*.py")}
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(graph.get(module, ())):
            assert state.get(imported) != "open", "import circle: " + " → ".join([*path, imported])
            if imported not in state:
                visit(imported, [*path, imported])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
