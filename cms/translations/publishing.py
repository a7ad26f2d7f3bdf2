"""wagtail-localize puts content live in two places where it checks only that the user may
translate or edit: "Publish immediately" when translations are synced with their source, and
"Convert to alias page", which replaces a translation by its source's content, live at once.
Both are offered to, and allowed for, only who may publish what they would put live; the
others sync as drafts, which go through review like any other change."""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import DraftStateMixin, Page
from wagtail.permissions import policy_registry


def may_publish(user, obj) -> bool:
    """Whether ``user`` may put ``obj`` (a page or a snippet) live; a snippet without drafts
    is live once saved."""
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(obj, DraftStateMixin) else "change"
    return policy_registry.get(obj).user_has_permission_for_instance(user, action, obj)


def may_publish_translations(user, source) -> bool:
    """Whether ``user`` may publish every translation a sync of ``source`` (a
    TranslationSource) updates; one not made yet would be published beside the source."""
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            target = source.get_source_instance()
        if not may_publish(user, target):
            return False
    return True
