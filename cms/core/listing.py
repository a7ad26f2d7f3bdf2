"""Helpers shared by the index pages: pagination that never fails on bad input."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_SIZE = 10


def paginate(request, items, per_page: int = PAGE_SIZE):
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def words_in(text: str) -> int:
    return len(text.split())
