from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactMessage(models.Model):
    """A trace that a visitor wrote to a person (for flood control and statistics).

    The message itself, and the sender's address, are not kept: they leave in the e-mail.
    """

    coworker = models.ForeignKey(
        "directory.Coworker", on_delete=models.CASCADE, related_name="contact_messages"
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=8)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.coworker_id} @ {self.sent_at:%Y-%m-%d %H:%M}"
