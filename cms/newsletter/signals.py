"""An issue is the subscribers' first: no visitor sees it (its URL, the archive, the RSS feed,
the partner API, search, the sitemap) until its sending has started, whatever its status."""

from django.db.models.signals import post_delete, post_save

from cms.core.visibility import hold_back, hold_changed

from .models import Dispatch, NewsletterIssuePage


def unsent_issues():
    """Ids of the issues whose sending never started (a Dispatch records the start)."""
    return NewsletterIssuePage.objects.filter(dispatch__isnull=True).values("pk")


def on_dispatch_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        # The issue comes out: the change feed records it, the caches keyed by it move on.
        hold_changed.send(sender=NewsletterIssuePage, page=instance.issue)


def on_dispatch_deleted(sender, instance, **kwargs):
    issue = NewsletterIssuePage.objects.filter(pk=instance.issue_id).first()
    if issue is not None:  # not when the issue itself is being deleted
        hold_changed.send(sender=NewsletterIssuePage, page=issue)


def connect():
    hold_back(NewsletterIssuePage, unsent_issues)
    post_save.connect(on_dispatch_saved, sender=Dispatch, dispatch_uid="newsletter_dispatch_saved")
    post_delete.connect(
        on_dispatch_deleted, sender=Dispatch, dispatch_uid="newsletter_dispatch_deleted"
    )
