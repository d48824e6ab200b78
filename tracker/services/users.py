from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django.db import transaction

ROLE_GROUPS = ("Editors", "Reporters")


@transaction.atomic
def user_ensure_newsroom_member(
    *, username: str, role: str, password: str, reset_password: bool
) -> tuple[AbstractUser, bool]:
    """Create a staff user in a role group, or bring an existing one into it.

    Returns the user and whether it was created. An existing user's password
    changes only with ``reset_password``, so rerunning setup locks nobody out.
    """
    if role not in ROLE_GROUPS:
        raise ValueError(f"role must be one of {ROLE_GROUPS}, not {role!r}")
    if not password:
        raise ValueError("a password is required")
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_staff": True, "email": f"{username}@newsroom.invalid"}
    )
    if created or reset_password:
        user.set_password(password)
        user.is_staff = True
        user.is_active = True
        user.save()
    user.groups.add(Group.objects.get(name=role))
    return user, created
