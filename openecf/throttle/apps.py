from django.apps import AppConfig


class ThrottleConfig(AppConfig):
    name = "openecf.throttle"
    verbose_name = "Throttled guessing"
