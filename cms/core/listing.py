"""Helpers shared by the index pages: filters and pagination that never fail on bad input, and
the links that move through its pages."""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import slug_unicode_re

PAGE_SIZE = 10


def paginate(request, items, per_page: int = PAGE_SIZE):
    """The page of ``items`` that ?page= asks for; a number that names no page (abc, 0, 999)
    gives the nearest one, which says what was asked (``asked``) so that the visitor is told."""
    paginator = Paginator(items, per_page)
    asked = request.GET.get("page", 1)
    try:
        return paginator.page(asked)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(1 if int(asked) < 1 else paginator.num_pages)
    page.asked = "".join(c for c in str(asked) if c.isprintable())[:20]
    return page


def is_slug(value: str | None) -> bool:
    """Whether a filter's value (?category=, ?tag=, ?space=, ?theme=) can name anything: a
    value no slug can be names nothing, and is not looked up (PostgreSQL refuses a query with a
    NUL character in it)."""
    return bool(value) and len(value) <= 255 and slug_unicode_re.match(value) is not None


def words_in(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: numbers left out between two links
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class PageLinks:
    previous: str  # empty on the first page
    next: str  # empty on the last page
    numbers: list[PageLink]


def page_links(items, url_for, on_each_side: int = 2, on_ends: int = 1) -> PageLinks | None:
    """The links of the Paginator page ``items`` (None when there is only one page): the page
    numbers around the current one, with gaps; ``url_for(number)`` gives a page's address."""
    if not items.has_other_pages():
        return None
    paginator = items.paginator
    numbers = paginator.get_elided_page_range(
        items.number, on_each_side=on_each_side, on_ends=on_ends
    )
    return PageLinks(
        previous=url_for(items.previous_page_number()) if items.has_previous() else "",
        next=url_for(items.next_page_number()) if items.has_next() else "",
        numbers=[
            PageLink(None)
            if number == paginator.ELLIPSIS
            else PageLink(number, url_for(number), number == items.number)
            for number in numbers
        ],
    )
