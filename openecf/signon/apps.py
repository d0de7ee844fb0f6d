from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class SignonConfig(AppConfig):
    name = "openecf.signon"
    verbose_name = "Central Sign-On"


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin with OpenECF's site: off unless OPENECF_ADMIN=1, signed in through the sign-in machine."""

    default = False  # named explicitly in INSTALLED_APPS; SignonConfig stays this app's default
    default_site = "openecf.signon.admin_site.StaffAdminSite"
