"""Who the client is, behind trusted reverse proxies or not (cms.core.client_ip)."""

import pytest
from django.test import RequestFactory

from cms.core.client_ip import client_ip


def address_of(settings, proxies, remote, forwarded=None):
    settings.TRUSTED_PROXIES = proxies
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "client"),
    [
        ([], "203.0.113.5", "1.2.3.4", "203.0.113.5"),  # no proxy trusted: the header is ignored
        (["127.0.0.1"], "203.0.113.5", "1.2.3.4", "203.0.113.5"),  # not from our proxy
        (["127.0.0.1"], "127.0.0.1", "198.51.100.7", "198.51.100.7"),
        (["127.0.0.1"], "127.0.0.1", "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # forged left part
        (
            ["10.0.0.0/8", "127.0.0.1"],
            "127.0.0.1",
            "6.6.6.6, 198.51.100.7, 10.1.2.3",
            "198.51.100.7",
        ),
        (["127.0.0.1"], "127.0.0.1", None, "127.0.0.1"),
        (["127.0.0.1"], "127.0.0.1", "not-an-address", "127.0.0.1"),
        (["::1"], "::1", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_is_the_first_address_not_a_trusted_proxy(
    settings, proxies, remote, forwarded, client
):
    assert address_of(settings, proxies, remote, forwarded) == client
