"""``{% static %}`` with each URL worked out once per process (``{% load openecf_static %}``, registered in
TEMPLATES' ``libraries``; the same syntax as Django's, ``as`` included).

Django's tag asks the static files storage on every render: with the production storage that is a manifest
lookup, a path join and URL quoting, about 0.05 ms a URL and three on every page (docs/performance.md). A URL
depends only on the path, the storage and STATIC_URL (settings: the cache is emptied when they change) and, when
STATIC_URL is relative, the script prefix the server is mounted under (in the key).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import StaticNode
from django.urls import get_script_prefix

register = template.Library()

_SETTINGS = {"STATIC_URL", "STATIC_ROOT", "STORAGES", "STATICFILES_DIRS", "DEBUG", "INSTALLED_APPS"}


@lru_cache(maxsize=1024)
def _url(path: str, script_prefix: str) -> str:
    return StaticNode.handle_simple(path)


@receiver(setting_changed)
def _settings_changed(*, setting: str, **kwargs: Any) -> None:
    if setting in _SETTINGS:
        _url.cache_clear()


class CachedStaticNode(StaticNode):
    def url(self, context: template.Context) -> str:
        return _url(str(self.path.resolve(context)), get_script_prefix())


@register.tag("static")
def do_static(parser: template.base.Parser, token: template.base.Token) -> CachedStaticNode:
    node = CachedStaticNode.handle_token(parser, token)
    if not isinstance(node, CachedStaticNode):  # handle_token builds the class it is called on
        raise TypeError(f"{node!r} is not a CachedStaticNode")
    return node
