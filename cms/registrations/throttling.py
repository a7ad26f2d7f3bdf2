"""How many registrations one client may send: REGISTRATIONS_API_THROTTLE_RATE (read per
request, e.g. "30/hour") per client address (cms.core.client_ip), one count shared by the
event page's form and the partner API's POST, so neither is a way around the other."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from cms.core.client_ip import client_ip


class RegistrationThrottle(SimpleRateThrottle):
    """Registrations per client address, over the default cache; works on a DRF request and
    on a plain Django one (the form's)."""

    scope = "event_registration"

    def get_rate(self):
        return settings.REGISTRATIONS_API_THROTTLE_RATE or None

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}
