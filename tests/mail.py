"""A real SMTP server for tests: ``smtp_server`` receives what Django sends.

Use it from any conftest or test module::

    from tests.mail import smtp_server  # noqa: F401 (a pytest fixture)

    def test_contact(smtp_server, client):
        ...  # anything that sends mail through Django
        [message] = smtp_server.messages
        assert message["To"] == "someone@example.org"
        assert "Bonjour" in smtp_server.text(message)

The fixture starts aiosmtpd on a free loopback port for one test and points Django at it
(``EMAIL_BACKEND`` smtp, ``EMAIL_HOST``/``EMAIL_PORT``, no TLS, no login) with
``override_settings``. Each delivered message is parsed with the standard ``email`` package
(``email.policy.default``: headers are decoded, ``get_body()`` picks the text or HTML part);
``smtp_server.envelopes`` keeps the SMTP envelope recipients of each;
``smtp_server.rcpt_replies`` makes the server refuse chosen recipients.
"""

import email
import email.policy
import socket
from dataclasses import dataclass, field
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings


@dataclass
class Mailbox:
    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[list[str]] = field(default_factory=list)
    #: SMTP replies to RCPT for some addresses, e.g. {"gone@example.org": "550 5.1.1 No such
    #: user"} (a permanent failure) or "451 4.3.0 Try again later" (a temporary one).
    rcpt_replies: dict[str, str] = field(default_factory=dict)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        reply = self.rcpt_replies.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        self.envelopes.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"

    def forget(self) -> None:
        """Start counting delivered messages afresh."""
        self.messages.clear()
        self.envelopes.clear()

    def to(self, address: str) -> list[EmailMessage]:
        """The messages whose envelope named ``address``."""
        return [m for m, rcpt in zip(self.messages, self.envelopes, strict=True) if address in rcpt]

    @staticmethod
    def text(message: EmailMessage, preference=("plain", "html")) -> str:
        """The body of ``message`` (its plain-text part when it has one)."""
        return message.get_body(preferencelist=preference).get_content()


def free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    host = "127.0.0.1"
    mailbox = Mailbox(host=host, port=free_port(host))
    controller = Controller(mailbox, hostname=host, port=mailbox.port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST=host,
            EMAIL_PORT=mailbox.port,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
        ):
            yield mailbox
    finally:
        controller.stop()
