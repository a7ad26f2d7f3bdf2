"""Wagtail's offset/limit pagination with strict, bounded integers."""

from collections import OrderedDict

from django.conf import settings
from rest_framework.pagination import BasePagination
from rest_framework.response import Response

from . import params

DEFAULT_LIMIT = 20


def limit_max() -> int:
    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 100) or 100


class OffsetLimitPagination(BasePagination):
    def paginate_queryset(self, queryset, request, view=None):
        query_params = request.query_params
        offset = params.get_int(query_params, "offset", 0, maximum=params.MAX_OFFSET)
        limit = params.get_int(
            query_params, "limit", min(DEFAULT_LIMIT, limit_max()), maximum=limit_max()
        )
        self.total_count = queryset.count()
        self.offset, self.limit = offset, limit
        if offset >= self.total_count or limit == 0:
            return []
        return list(queryset[offset : offset + limit])

    def get_paginated_response(self, data):
        return Response(
            OrderedDict(
                [("meta", OrderedDict([("total_count", self.total_count)])), ("items", data)]
            )
        )
