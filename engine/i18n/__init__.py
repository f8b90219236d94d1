"""Localised error messages: gettext catalogs (``locale/<lang>/LC_MESSAGES/messages.po``)
read with Babel at start-up, the request's language, and the extraction of every message."""
