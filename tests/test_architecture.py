"""One direction between packages, read from the source with ``ast`` (nothing is imported):

- no function-level import of first-party code (cms.*, search.*, relative), except in
  ``AppConfig.ready()``, which is where an app connects its signals and registrations;
- search/ is a layer the apps register with: it imports no cms.* module;
- no import cycle between the top-level apps (cms.core, cms.blog, …, search), following the
  module-level imports;
- no private ORM internals outside migrations.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIRST_PARTY = ("cms", "search")
PRIVATE_ORM_NAMES = (
    "django.db.models.sql",
    "klass_info",
    "get_related_populators",
    "_known_related_objects",
    "_prefetch_related_lookups",
)


def source_files() -> list[Path]:
    return sorted(
        path
        for package in FIRST_PARTY
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(node, module: str, is_package: bool) -> list[str]:
    """The absolute names an Import or ImportFrom node reads."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        return [node.module]
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = ".".join(package[: len(package) - node.level + 1])
    if node.module:
        return [f"{base}.{node.module}"]
    return [f"{base}.{alias.name}" for alias in node.names]  # from . import signals


def is_first_party(name: str) -> bool:
    return name.split(".")[0] in FIRST_PARTY


def app_of(name: str) -> str:
    """cms.directory.search.query -> cms.directory; search.pages -> search; cms.urls -> cms."""
    parts = name.split(".")
    if parts[0] == "cms" and len(parts) > 1 and (ROOT / "cms" / parts[1]).is_dir():
        return f"cms.{parts[1]}"
    return parts[0]


def is_app_ready(function: ast.FunctionDef, owner: ast.ClassDef | None) -> bool:
    return (
        function.name == "ready"
        and owner is not None
        and any(
            getattr(base, "id", getattr(base, "attr", "")) == "AppConfig" for base in owner.bases
        )
    )


class ImportCollector(ast.NodeVisitor):
    """Module-level and function-level first-party imports of one module."""

    def __init__(self, path: Path):
        self.path = path
        self.module = module_name(path)
        self.is_package = path.name == "__init__.py"
        self.module_level: list[tuple[int, str]] = []
        self.in_functions: list[tuple[int, str, str]] = []
        self.everywhere: list[tuple[int, str]] = []  # ready() included
        self.functions: list[str] = []
        self.classes: list[ast.ClassDef | None] = [None]

    def visit_ClassDef(self, node):
        self.classes.append(node)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node):
        allowed = is_app_ready(node, self.classes[-1])
        self.functions.append("" if allowed else node.name)
        self.classes.append(None)
        self.generic_visit(node)
        self.classes.pop()
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Import(self, node):
        for name in imported_modules(node, self.module, self.is_package):
            if not is_first_party(name):
                continue
            self.everywhere.append((node.lineno, name))
            if not self.functions:
                self.module_level.append((node.lineno, name))
            elif self.functions[-1]:  # ready() of an AppConfig is allowed
                self.in_functions.append((node.lineno, self.functions[-1], name))

    visit_ImportFrom = visit_Import


@pytest.fixture(scope="module")
def collectors() -> list[ImportCollector]:
    found = []
    for path in source_files():
        collector = ImportCollector(path)
        collector.visit(ast.parse(path.read_text(), filename=str(path)))
        found.append(collector)
    return found


def where(collector: ImportCollector, line: int) -> str:
    return f"{collector.path.relative_to(ROOT)}:{line}"


def test_the_scan_sees_the_project(collectors):
    """The checks below read every module: an empty or broken scan would prove nothing."""
    modules = {collector.module for collector in collectors}
    assert {"cms.urls", "cms.core.views", "cms.directory.models.records", "search.pages"} <= modules
    graph = app_graph(collectors)
    assert "cms.core" in graph["cms.blog"]
    assert "search" in graph["cms.directory"]


def test_no_function_level_first_party_import(collectors):
    """An import inside a function hides a dependency (and often a cycle): decide which module
    knows the other and import at the top; AppConfig.ready() is the one place allowed."""
    found = [
        f"{where(collector, line)} in {function}(): {name}"
        for collector in collectors
        for line, function, name in collector.in_functions
    ]
    assert found == []


def test_search_imports_no_app(collectors):
    """search/ is a layer the apps register with: it never imports cms.directory or any cms app."""
    found = [
        f"{where(collector, line)}: {name}"
        for collector in collectors
        if collector.module.split(".")[0] == "search"
        for line, name in collector.everywhere
        if name.split(".")[0] == "cms"
    ]
    assert found == []


def app_graph(collectors) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for collector in collectors:
        source = app_of(collector.module)
        graph.setdefault(source, set())
        for _line, name in collector.module_level:
            target = app_of(name)
            if target != source:
                graph[source].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    visiting, done = [], set()

    def visit(node):
        if node in visiting:
            return [*visiting[visiting.index(node) :], node]
        if node in done:
            return None
        visiting.append(node)
        for target in sorted(graph.get(node, ())):
            cycle = visit(target)
            if cycle:
                return cycle
        visiting.pop()
        done.add(node)
        return None

    for node in sorted(graph):
        cycle = visit(node)
        if cycle:
            return cycle
    return None


def test_find_cycle_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_import_cycle_between_apps(collectors):
    """Dependencies go one way: core <- pages apps <- directory <- api; search below the apps;
    demo and the project's urls above everything."""
    graph = app_graph(collectors)
    assert find_cycle(graph) is None
    for low in ("cms.core", "search"):
        assert not graph[low] & {"cms.demo", "cms.api", "cms.directory"}, low


@pytest.mark.parametrize("name", PRIVATE_ORM_NAMES)
def test_no_private_orm_internals(name):
    """Private ORM names break quietly on the next Django: key a result cache instead."""
    found = [str(path.relative_to(ROOT)) for path in source_files() if name in path.read_text()]
    assert found == []
