"""Who may do what with the newsletter: organisation editors compose and propose issues (page
permissions); coordinators (and superusers) send, pause and resume."""

from cms.editorial.roles import COORDINATORS


def can_send(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=COORDINATORS).exists())


def can_test(user, issue) -> bool:
    """Anyone who may edit the issue may send a test of it to themselves."""
    return issue.permissions_for_user(user).can_edit()
