from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Verification tracker"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connect the failed-login counter and the tokens' revocation to their signals.
        from tracker import login_throttle, signals  # noqa: F401
