"""The ASGI application (``config.asgi:application``).

Without DJANGO_SETTINGS_MODULE: the production settings, which refuse to start without OPENECF_SECRET_KEY. The
demo is chosen explicitly with DJANGO_SETTINGS_MODULE=config.settings.demo.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_asgi_application()
