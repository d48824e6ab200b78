"""A user's API tokens die with their password and with their account.

Passwords change in Django's own code (the admin's password form,
``changepassword``, ``set_password`` anywhere) and accounts are deactivated
in the admin's user form, so this listens to the user's save rather than
asking every such place to call the service. Writes that bypass ``save()``
(``QuerySet.update``) bypass this too; nothing in tracker makes them.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import pre_save
from django.dispatch import receiver

from tracker.services.api_tokens import api_tokens_revoke_for_user

WATCHED = frozenset({"password", "is_active"})


@receiver(pre_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="tracker.revoke_api_tokens")
def _revoke_tokens_on_password_change_or_deactivation(sender, instance, update_fields=None,
                                                      raw=False, **kwargs) -> None:  # fmt: skip
    if raw or instance.pk is None:
        return
    # Logging in saves last_login alone: no query for that.
    if update_fields is not None and not WATCHED & set(update_fields):
        return
    before = get_user_model().objects.filter(pk=instance.pk).values("password", "is_active").first()
    if before is None:
        return
    if before["password"] != instance.password and not _rehashed(instance):
        api_tokens_revoke_for_user(user=instance, reason="password changed")
    elif before["is_active"] and not instance.is_active:
        api_tokens_revoke_for_user(user=instance, reason="account deactivated")


def _rehashed(user) -> bool:
    """Django stored the same password under a newer hash as the user logged in.

    ``check_password`` upgrades an outdated hash (a Django release raises the
    iterations) and saves it with no raw password left on the user, where
    ``set_password`` leaves one until the save. Without this, upgrading Django
    would silently revoke every token of whoever logs in next.
    """
    return getattr(user, "_password", None) is None and user.has_usable_password()
