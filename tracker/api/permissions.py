"""Who may do what: the admin's rules, from the Django model permissions of a user's groups.

Reporters and Editors are groups holding model permissions (migration
``0003_editor_and_reporter_groups``); the admin reads the same permissions.
Reading needs ``view_<model>``; creating ``add_``, editing ``change_``,
deleting ``delete_``; actions name their own (``set_claim_status``,
``resolve_flag``, ...). Each view declares them in ``action_permissions``.
The same check runs again per object, and the services check once more
before they write, so a gap in one layer is not a hole.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

if TYPE_CHECKING:
    # Only for annotations: importing DRF views here would be circular (settings load this).
    from rest_framework.views import APIView

METHOD_PERMISSIONS = {
    "GET": "view",
    "HEAD": "view",
    "OPTIONS": "view",
    "POST": "add",
    "PUT": "change",
    "PATCH": "change",
    "DELETE": "delete",
}


def required_permissions(request: Request, view: "APIView") -> list[str] | None:
    """Permissions the request needs; None when the method is not served at all."""
    action = getattr(view, "action", None)
    declared = getattr(view, "action_permissions", {})
    if action in declared:
        return list(declared[action])
    if hasattr(view, "action") and action is None:
        # A method the viewset does not map: let the view answer 405.
        return None
    model = view.permission_model
    verb = METHOD_PERMISSIONS.get(request.method, "change")
    return [f"{model._meta.app_label}.{verb}_{model._meta.model_name}"]


class ModelPermissions(BasePermission):
    """Signed in, and holding the model permissions the view declares for this action."""

    message = "You do not have permission to do this."

    def has_permission(self, request: Request, view: "APIView") -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return False
        needed = required_permissions(request, view)
        if needed is None:
            return True
        if user.has_perms(needed):
            return True
        self.message = f"You do not have permission to do this (needs {', '.join(needed)})."
        return False

    def has_object_permission(self, request: Request, view: "APIView", obj) -> bool:
        # Group permissions are per model; checking them per object as well keeps
        # an object-level view (and any future per-object rule) behind the same gate.
        return self.has_permission(request, view)


class VerdictsPublicOrModelPermissions(ModelPermissions):
    """The ClaimReview feed: open to anyone for reading when TRACKER_PUBLIC_VERDICTS is on."""

    def has_permission(self, request: Request, view: "APIView") -> bool:
        if request.method in SAFE_METHODS and settings.TRACKER_PUBLIC_VERDICTS:
            return True
        return super().has_permission(request, view)
