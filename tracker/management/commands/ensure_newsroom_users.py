import os
import secrets

from django.core.management.base import BaseCommand

from tracker.services.users import user_ensure_newsroom_member

ACCOUNTS = (
    ("editor", "Editors", "TRACKER_EDITOR_PASSWORD"),
    ("reporter", "Reporters", "TRACKER_REPORTER_PASSWORD"),
)


class Command(BaseCommand):
    help = (
        "Create the editor and reporter accounts. Passwords come from "
        "TRACKER_EDITOR_PASSWORD / TRACKER_REPORTER_PASSWORD, or are generated and printed."
    )

    def handle(self, *args, **options) -> None:
        for username, role, variable in ACCOUNTS:
            given = os.environ.get(variable) or None
            password = given or secrets.token_urlsafe(12)
            _, created = user_ensure_newsroom_member(
                username=username, role=role, password=password, reset_password=given is not None
            )
            label = role.removesuffix("s").lower()
            if created and not given:
                self.stdout.write(f"{label}: username {username!r}, password {password!r}")
            elif given:
                self.stdout.write(f"{label}: username {username!r}, password from ${variable}")
            else:
                self.stdout.write(
                    f"{label}: username {username!r} exists, password unchanged "
                    f"(set {variable} to reset it)"
                )
