"""The address of the client a request came from, the one rule for throttles and flood limits.

The connecting address (REMOTE_ADDR) is the client unless it is one of TRUSTED_PROXIES
(addresses or networks, e.g. "127.0.0.1,10.0.0.0/8"). Then X-Forwarded-For is read from the
right, each hop appended by a proxy we trust, and the first address that is not a trusted proxy
is the client. A visitor can write anything at the left of that header, so nothing left of the
first untrusted hop is believed.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def trusted_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def parse_address(value: str):
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def is_trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request) -> str:
    """The client's address, or "" when the request has none (stored as NULL by django-axes)."""
    remote = request.META.get("REMOTE_ADDR", "")  # empty for requests made in code (login())
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not is_trusted(parse_address(remote), networks):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    client = remote
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:
            break
        client = str(address)
        if not is_trusted(address, networks):
            break
    return client
