"""The WSGI application (gunicorn's ``config.wsgi:application``).

Without DJANGO_SETTINGS_MODULE: the production settings, which refuse to start without OPENECF_SECRET_KEY. The
demo is chosen explicitly with DJANGO_SETTINGS_MODULE=config.settings.demo.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
