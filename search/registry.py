"""The engine indexes apps declare (the directory registers one per kind when it is ready).

search/ knows nothing of the records behind an index: the app registers, per index, its shape
and how to read its documents, and the indexer, rebuilds and engines work from that.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .documents import IndexShape

#: (document id, document) pairs
Documents = Iterable[tuple[str, dict]]


def no_related_groups(keys) -> dict:
    return {}


@dataclass(frozen=True)
class EngineIndex:
    shape: IndexShape
    model: type  # whose rows the documents stand for (saves of it update the index)
    #: the documents of these translation groups: one per row some locale shows
    documents: Callable[[list[str]], Documents]
    #: every document, for a rebuild
    all_documents: Callable[[], Documents]
    #: how many rows a locale shows (rebuild progress)
    count_in_locale: Callable[[str], int]
    #: other indexes' groups whose documents follow these ones: {index name: keys}
    related_groups: Callable[[set[str]], dict[str, set[str]]] = field(default=no_related_groups)

    @property
    def name(self) -> str:
        return self.shape.name


_indexes: dict[str, EngineIndex] = {}


def register(index: EngineIndex) -> None:
    _indexes[index.name] = index


def indexes() -> dict[str, EngineIndex]:
    return dict(_indexes)


def get(name: str) -> EngineIndex:
    return _indexes[name]


def for_model(model) -> EngineIndex | None:
    return next((index for index in _indexes.values() if index.model is model), None)
