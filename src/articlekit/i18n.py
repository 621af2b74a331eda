"""The kit in the lesson's language: messages that translate themselves (gettext catalogues).

The kit speaks English and French.  Every sentence a learner may read from
the package — a check's hint, its success line, a figure's title — is written
as a :class:`Message`: an English ``str`` that also remembers its *msgid* and
its parameters, so that :meth:`Message.render` can give it in another
language from the gettext catalogue ``locale/<lang>/LC_MESSAGES/articlekit.po``
(read with Babel; no compiled ``.mo`` file is needed).

Write messages with :func:`_` (and :func:`_n` when a number decides between
singular and plural) and named ``{placeholders}``, never with f-strings or
``+``: the catalogue is extracted from the calls (``articlekit i18n
extract``), and a concatenated or formatted string has lost its msgid.

Examples
--------
>>> from articlekit.i18n import _, _n
>>> line = _("❌ {name}: {hint}", name="title", hint=_("Not quite. Read the question again: what exactly does it ask for?"))
>>> line
'❌ title: Not quite. Read the question again: what exactly does it ask for?'
>>> line.render("fr")
'❌ title : Pas tout à fait. Relisez la consigne : que demande-t-elle exactement ?'
>>> _n("{n} slip", "{n} slips", 2).render("en")
'2 slips'
"""

from __future__ import annotations

import functools
import gettext
from importlib import resources
from typing import Any

__all__ = ["DOMAIN", "LANGUAGES", "Message", "N_", "_", "_n", "check_language", "render", "translations"]

#: The languages the kit speaks; English is the source language of every message.
LANGUAGES = ("en", "fr")
#: The gettext domain of the package's own messages (checks, figures, command line).
DOMAIN = "articlekit"


def check_language(lang: str) -> str:
    """``lang`` if the kit speaks it; otherwise one clear error.

    >>> check_language("fr")
    'fr'
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; the kit speaks {', '.join(LANGUAGES)}")
    return lang


@functools.lru_cache(maxsize=None)
def translations(lang: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]], Any]:
    """The catalogue of ``lang``: (singular msgid -> msgstr, plural msgid -> forms, plural rule).

    Untranslated and fuzzy entries are left out, so they fall back to
    English (a test makes sure there are none).  Read once per process: the
    catalogue is a file of the installed package and never changes under it.
    """
    check_language(lang)
    if lang == "en":
        return {}, {}, (lambda n: int(n != 1))
    from babel.messages.pofile import read_po

    path = resources.files("articlekit") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    singular: dict[str, str] = {}
    plural: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, (list, tuple)):
            forms = tuple(message.string)
            if all(forms):
                plural[message.id[0]] = forms
        elif message.string:
            singular[message.id] = message.string
    # gettext's own parser turns the catalogue's C plural expression, e.g. "(n > 1)", into a function
    choose = gettext.c2py(catalog.plural_expr)
    return singular, plural, choose


class Message(str):
    """An English sentence that can also be given in another language.

    It *is* the English string (so it prints, compares and tests as one),
    and :meth:`render` gives it in any language of :data:`LANGUAGES`.
    Parameters that are themselves messages are translated too.

    Examples
    --------
    >>> m = Message("❌ {name}: {hint}", {"name": "title", "hint": "…"})
    >>> str(m), m.render("fr")
    ('❌ title: …', '❌ title : …')
    """

    msgid: str
    plural: str | None
    n: int | None
    params: tuple[tuple[str, Any], ...]

    def __new__(cls, msgid: str, params: dict[str, Any] | None = None, *, plural: str | None = None,
                n: int | None = None) -> "Message":
        params = dict(params or {})
        if plural is not None:
            params.setdefault("n", n)
        text = _fill(msgid if plural is None or n == 1 else plural, params, "en")
        self = super().__new__(cls, text)
        self.msgid, self.plural, self.n = msgid, plural, n
        self.params = tuple(params.items())
        return self

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` (English when the catalogue has no translation)."""
        if lang == "en":
            return str.__str__(self)
        singular, plural, choose = translations(lang)
        if self.plural is None:
            template = singular.get(self.msgid, self.msgid)
        else:
            forms = plural.get(self.msgid)
            if forms:
                template = forms[min(choose(self.n or 0), len(forms) - 1)]
            else:
                template = self.msgid if self.n == 1 else self.plural
        return _fill(template, dict(self.params), lang)

    def __reduce__(self):
        # pickled and copied as a Message (recorded answers and results cross process boundaries)
        return (_rebuild, (self.msgid, self.params, self.plural, self.n))

    def __getnewargs__(self):
        return (self.msgid,)


def _rebuild(msgid, params, plural, n) -> Message:
    return Message(msgid, dict(params), plural=plural, n=n)


def _fill(template: str, params: dict[str, Any], lang: str) -> str:
    if not params:
        return template  # a message without parameters may hold braces of its own
    return template.format(**{key: render(value, lang) if isinstance(value, Message) else value
                              for key, value in params.items()})


def _(msgid: str, **params: Any) -> Message:
    """A translatable message; ``{name}`` placeholders are filled from ``params``.

    >>> _("Did you count the title too?")
    'Did you count the title too?'
    """
    return Message(msgid, params)


def _n(singular: str, plural: str, n: int, **params: Any) -> Message:
    """A translatable message whose form depends on the number ``n`` (``{n}`` is filled).

    >>> _n("{n} correction", "{n} corrections", 1)
    '1 correction'
    """
    return Message(singular, params, plural=plural, n=n)


def N_(msgid: str) -> str:
    """Mark a constant for extraction without making it a message (translated later by msgid)."""
    return msgid


def render(text: Any, lang: str = "en") -> str:
    """``text`` in ``lang``: a :class:`Message` is translated, any other value is given as it is.

    >>> render(_("(introduction)"), "fr")
    '(introduction)'
    """
    if isinstance(text, Message):
        return text.render(lang)
    if lang != "en" and isinstance(text, str):
        singular, _plural, _choose = translations(lang)
        return singular.get(text, text)
    return str(text)
