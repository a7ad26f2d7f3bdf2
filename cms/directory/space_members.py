"""The people and companies of one space (home space or visited), for the space's page."""

from .search import DirectoryQuery, search
from .vocabulary import Vocabulary

SPACE_MEMBERS_LIMIT = 8


def space_members(space, limit: int = SPACE_MEMBERS_LIMIT) -> dict:
    """People and companies of one space (home space or visited), for the space's page."""
    language = space.locale.language_code
    vocabulary = Vocabulary.current(language)
    option = next(
        (o for o in vocabulary.options("space") if o.key == str(space.translation_key)), None
    )
    if option is None:
        return {}
    context = {"directory_space": option}
    for kind in ("coworkers", "companies"):
        query = DirectoryQuery(
            kind=kind, locale=language, filters={"space": (option.token,)}, page_size=limit
        )
        results = search(query, vocabulary=vocabulary, facets=False)
        context[f"directory_{kind}"] = [hit.view for hit in results.hits]
        context[f"directory_{kind}_total"] = results.total
    return context
