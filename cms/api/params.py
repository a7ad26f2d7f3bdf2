"""Strict parsing of query parameters: anything a client can send is answered, never a 500.

Every helper raises InvalidParameter naming the parameter, with a message that says what is
accepted. Integers are ASCII digits only (Python's int() also accepts "١٢", " 12 " and "1_0").
"""

import datetime
import re

from search.pages import searchable_words

from .errors import QUERY_STRING_TOO_LONG, UNKNOWN_PARAMETER, ApiError, InvalidParameter

#: Bytes of query string (as sent, percent-encoded) the API reads. gunicorn.conf.py lets
#: request lines up to 8190 bytes through, so that longer ones get this JSON error, not an HTML 414.
MAX_QUERY_STRING = 4096
MAX_VALUE_LENGTH = 1000
MAX_QUERY_LENGTH = 200
MAX_OFFSET = 1_000_000_000
MAX_ID = 2**53 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def check_query_string(query_string: str, query_params) -> None:
    """A 414 naming the longest parameter when the query string is over MAX_QUERY_STRING."""
    if len(query_string.encode()) <= MAX_QUERY_STRING:
        return
    lengths = [(len(name) + sum(map(len, values)), name) for name, values in query_params.lists()]
    parameter = max(lengths)[1][:100] if lengths else None
    raise ApiError(
        f"The query string may not be longer than {MAX_QUERY_STRING} bytes"
        + (f"; {parameter} is the longest parameter." if parameter else "."),
        code=QUERY_STRING_TOO_LONG,
        parameter=parameter,
        status_code=414,
    )


def check_values(query_params) -> None:
    """Refuse control characters and absurd lengths in any parameter (names included)."""
    for name, values in query_params.lists():
        if _CONTROL.search(name) or len(name) > 100:
            raise ApiError(
                "Parameter names may not contain control characters or exceed 100 characters.",
                code=UNKNOWN_PARAMETER,
                parameter=_CONTROL.sub("", name)[:100],
            )
        for value in values:
            if _CONTROL.search(value):
                raise InvalidParameter(name, f"{name} may not contain control characters.")
            if len(value) > MAX_VALUE_LENGTH:
                raise InvalidParameter(
                    name, f"{name} may not be longer than {MAX_VALUE_LENGTH} characters."
                )


def check_known(query_params, known) -> None:
    unknown = sorted(set(query_params.keys()) - set(known))
    if unknown:
        raise ApiError(
            "Unknown query parameter: {}. Accepted: {}.".format(
                ", ".join(unknown), ", ".join(sorted(known))
            ),
            code=UNKNOWN_PARAMETER,
            parameter=unknown[0],
        )


def check_given_once(query_params, repeatable) -> None:
    """A parameter that takes one value is refused when given twice (limit=abc&limit=2 would
    otherwise keep the last one and hide the first)."""
    for name, values in query_params.lists():
        if len(values) > 1 and name not in repeatable:
            raise InvalidParameter(name, f"{name} may be given only once.")


def parse_int(value: str, name: str, *, minimum=0, maximum=MAX_ID) -> int:
    if value is None or not _DIGITS.fullmatch(value) or not minimum <= int(value) <= maximum:
        raise InvalidParameter(name, f"{name} must be an integer between {minimum} and {maximum}.")
    return int(value)


def get_int(query_params, name, default=None, *, minimum=0, maximum=MAX_ID):
    if name not in query_params:
        return default
    return parse_int(query_params[name], name, minimum=minimum, maximum=maximum)


def parse_id(value: str, name: str = "id") -> int:
    return parse_int(value, name, minimum=1, maximum=MAX_ID)


def parse_date(value: str, name: str) -> datetime.date:
    if value is None or not _DATE.fullmatch(value):
        raise InvalidParameter(name, f"{name} must be a date written YYYY-MM-DD.")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidParameter(name, f"{name} is not a valid date: {value}.") from exc


def parse_datetime(value: str, name: str) -> datetime.datetime:
    """An ISO 8601 timestamp (a date alone means midnight UTC); naive times are UTC."""
    if value is None or len(value) > 40:
        raise InvalidParameter(name, f"{name} must be an ISO 8601 timestamp.")
    candidate = value.strip().replace(" ", "+")  # '+' in an unencoded query string is a space
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    try:
        parsed = datetime.datetime.fromisoformat(candidate)
    except ValueError as exc:
        raise InvalidParameter(
            name, f"{name} must be an ISO 8601 timestamp such as 2026-01-31T12:00:00Z."
        ) from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.UTC)
    try:
        # In UTC: databases take narrower offsets than ISO 8601 (PostgreSQL's end at ±15:59).
        return parsed.astimezone(datetime.UTC)
    except OverflowError:  # an offset past the calendar's edge: that edge, in UTC
        edge = datetime.datetime.min if parsed.year == datetime.MINYEAR else datetime.datetime.max
        return edge.replace(tzinfo=datetime.UTC)


def parse_choice(value: str, name: str, choices) -> str:
    if value not in choices:
        raise InvalidParameter(name, f"{name} must be one of: {', '.join(choices)}.")
    return value


def parse_text(value: str, name: str, *, max_length=MAX_QUERY_LENGTH) -> str:
    text = " ".join(value.split())
    if len(text) > max_length:
        raise InvalidParameter(name, f"{name} may not be longer than {max_length} characters.")
    return text


def parse_search(value: str, name: str) -> str:
    """Words for a full-text search (search.pages.searchable_words), at most 200 characters;
    a value with no letter or digit at all ("*", quotes, spaces) is refused rather than read
    as "everything" (an empty value is no search)."""
    text = parse_text(searchable_words(value), name)
    if value and not any(character.isalnum() for character in text):
        raise InvalidParameter(name, f"{name} has no words to search for.")
    return text
