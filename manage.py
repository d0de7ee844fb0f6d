#!/usr/bin/env python
"""Django's command-line utility for OpenECF.

Without DJANGO_SETTINGS_MODULE it uses the production settings (no start without OPENECF_SECRET_KEY); the demo
sets DJANGO_SETTINGS_MODULE=config.settings.demo (the Makefile does).
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
