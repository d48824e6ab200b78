import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone


def hash_key(key: str) -> str:
    """What is stored of a key. Keys are 256 random bits, so a fast hash suffices."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A key a tool sends as ``Authorization: Token <key>``, for one user, for a while.

    Only the key's hash is kept: the key is shown once, when it is made.
    Revoked tokens stay, with when and why, as a record of what held access.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="Which tool or script holds this token.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The key's first characters, to tell a user's tokens apart; not enough to guess it.
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_reason = models.CharField(max_length=100, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"
        indexes = [models.Index(fields=["user", "revoked_at"], name="api_token_user_live_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="api_token_expires_after_creation",
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True, revoked_reason="")
                | models.Q(revoked_at__isnull=False),
                name="api_token_reason_only_when_revoked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
