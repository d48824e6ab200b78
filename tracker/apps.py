from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Verification tracker"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the failed-login counter to django.contrib.auth's signal.
        from tracker import login_throttle  # noqa: F401
