"""Newsletter subscriptions (cms.subscribers). Imported by base.py; every knob an environment
variable."""

from .env import env_int, env_str

# Seconds a confirmation link stays valid (7 days).
SUBSCRIBERS_CONFIRM_MAX_AGE = env_int("SUBSCRIBERS_CONFIRM_MAX_AGE", 7 * 24 * 3600)
# Seconds during which a pending address submitted again gets no second confirmation e-mail.
SUBSCRIBERS_RESEND_AFTER = env_int("SUBSCRIBERS_RESEND_AFTER", 300)
# Temporary delivery failures in a row after which an address counts as dead.
SUBSCRIBERS_SOFT_BOUNCE_LIMIT = env_int("SUBSCRIBERS_SOFT_BOUNCE_LIMIT", 5)
# Subscriptions through the partner API, per client (DRF rate: "20/hour").
SUBSCRIBERS_API_THROTTLE_RATE = env_str("SUBSCRIBERS_API_THROTTLE_RATE", "20/hour")
