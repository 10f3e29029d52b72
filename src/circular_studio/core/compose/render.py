"""Sandboxed Jinja rendering with babel-backed filters for the house date forms.

Templates are data written by users of the tool, so they run in Jinja's immutable sandbox with
StrictUndefined: a typo in a field name or a reach for Python internals is an error that names
the template and the line, never a silent blank or a security hole.
"""
from __future__ import annotations

import datetime as dt
import re
import traceback
from functools import lru_cache
from pathlib import Path

import jinja2
from babel.dates import format_date
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import TemplateError
from ..resources import load_json, templates_dir
from ..model import addressees

# ---------------------------------------------------------------- dates in the house style


def as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")


def _lang(locale: str) -> str:
    return locale.split("_")[0].split("-")[0]


def day_number(day: dt.date, locale: str) -> str:
    """The day of the month: French writes the first as '1er'. Digits stay Western (0-9) in
    every language, Arabic included, as the house style requires."""
    if _lang(locale) == "fr" and day.day == 1:
        return "1er"
    return str(day.day)


def month_name(day: dt.date, locale: str) -> str:
    return format_date(day, "MMMM", locale=locale)


def weekday_name(value, locale: str) -> str:
    return format_date(as_date(value), "EEEE", locale=locale)


def long_date(value, locale: str) -> str:
    """'31 octobre 2024', '1er mars 2025', '6 ديسمبر 2019', '6 December 2019'."""
    day = as_date(value)
    return f"{day_number(day, locale)} {month_name(day, locale)} {day.year}"


def date_line(value, locale: str, place: str = "") -> str:
    """The letter's date line: 'Genève, le 31 octobre 2024', 'جنيف، 6 ديسمبر 2019',
    'Geneva, 6 December 2019'. Without a place, the date alone."""
    text = long_date(value, locale)
    if not place:
        return text
    lang = _lang(locale)
    if lang == "fr":
        return f"{place}, le {text}"
    if lang == "ar":
        return f"{place}، {text}"
    return f"{place}, {text}"


_RANGE_WORDS = {  # (from, to) in each language
    "fr": ("du", "au"),
    "ar": ("من", "إلى"),
    "en": ("from", "to"),
    "es": ("del", "al"),
}


def date_range(start, end, locale: str, *, lenient: bool = False) -> str:
    """'du 17 au 28 novembre 2025', 'من 6 إلى 9 أبريل 2020', 'from 9 to 27 November 2026'.
    Shared month or year is written once; a one-day range is the single date.

    A range that ends before it starts is an error, unless ``lenient`` (the preview and the
    checker of a draft being written): then both dates are written in full, as typed, and the
    checks report the inverted range (DATE003) instead of the whole letter failing to build."""
    a, b = as_date(start), as_date(end)
    lang = _lang(locale)
    if a == b:
        return long_date(a, locale)
    first, second = _RANGE_WORDS.get(lang, _RANGE_WORDS["en"])
    if b < a:
        if lenient:
            return f"{first} {long_date(a, locale)} {second} {long_date(b, locale)}"
        raise ValueError(f"the range ends ({b}) before it starts ({a})")
    if a.year != b.year:
        left = long_date(a, locale)
    elif a.month != b.month:
        left = f"{day_number(a, locale)} {month_name(a, locale)}"
    else:
        left = day_number(a, locale)
    return f"{first} {left} {second} {long_date(b, locale)}"


# ---------------------------------------------------------------- Markdown-safe field values

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)(\d*)([#>+=-]|[.)])(\s|$)", re.M)


# Set in a template's context by the pipeline when rendering leniently (preview, checks of a
# draft): filters then render what they would refuse on export, for the checks to report.
LENIENT = "_lenient"


class MarkdownText(str):
    """A value that already is Markdown (prose fields): inserted as is, not escaped."""


def md_escape(value) -> str:
    """Plain text made safe to drop into Markdown: a '*' or '_' in a name stays a character."""
    if isinstance(value, MarkdownText) or value is None:
        return "" if value is None else value
    if isinstance(value, (list, tuple)):
        return ", ".join(md_escape(v) for v in value)
    text = _MD_SPECIAL.sub(r"\\\1", str(value))
    return _MD_LINE_START.sub(r"\1\2\\\3\4", text)


# ---------------------------------------------------------------- the environment


def _house(kind: str, key: str, locale: str) -> str:
    table = load_json("house.json").get(kind, {})
    names = table.get(key)
    if not names:
        return key
    return names.get(_lang(locale)) or names.get("en") or key


def _make_env(root: Path) -> jinja2.Environment:
    """The sandbox: StrictUndefined, every ``{{ value }}`` escaped for Markdown unless it already
    is Markdown (prose fields, filter output)."""
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(root)), undefined=jinja2.StrictUndefined, autoescape=False,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, finalize=md_escape,
        auto_reload=False, cache_size=400)

    def f(fn):
        """A filter that takes the locale from the template's ``language`` variable. Rendering
        leniently (the preview), a date not yet typed prints as [DATE], which the checks report,
        instead of failing the whole page."""
        def call(ctx, *a, **k):
            try:
                return MarkdownText(fn(*a, locale=ctx.get("language", "en"), **k))
            except ValueError:
                if ctx.get(LENIENT):
                    return MarkdownText("[DATE]")
                raise
        return jinja2.pass_context(call)

    def place_line(value, place="", locale="en"):
        return date_line(value, locale, _house("places", place, locale) if place else "")

    env.filters["long_date"] = f(long_date)
    env.filters["weekday"] = f(weekday_name)
    env.filters["date_range"] = jinja2.pass_context(
        lambda ctx, start, end: MarkdownText(date_range(start, end, locale=ctx.get("language", "en"),
                                                        lenient=bool(ctx.get(LENIENT)))))
    env.filters["date_line"] = f(place_line)
    env.filters["sector_name"] = f(lambda v, locale="en": _house("sectors", v, locale))
    env.filters["place_name"] = f(lambda v, locale="en": _house("places", v, locale))
    def addressee_filter(fn):
        """``{{ addressee|to }}`` → "à l'État de Palestine" in a French template (the grammar of
        core/model/addressees.py); ``form="formal"``, ``capital=True``, ``lang="en"`` optional."""
        def call(ctx, addr, form="short", capital=False, lang=None):
            kwargs = {"capital": capital} if fn is not addressees.name else {}
            return fn(addr, lang or ctx.get("language", "en"), form=form, **kwargs)
        return jinja2.pass_context(call)

    for filter_name in ("to", "of", "the", "name"):
        env.filters[filter_name] = addressee_filter(getattr(addressees, filter_name))
    env.filters["md"] = lambda v: MarkdownText(v or "")
    env.filters["escape_md"] = md_escape
    return env


@lru_cache(maxsize=4)
def _environment(root: Path) -> jinja2.Environment:
    return _make_env(root)


def environment() -> jinja2.Environment:
    return _environment(templates_dir())


def _template_line(exc: BaseException) -> tuple[str | None, int | None]:
    """Template file and line from a Jinja-rewritten traceback."""
    name, line = None, None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(".j2") or frame.filename == "<template>":
            name, line = frame.filename, frame.lineno
    return name, line


def _where(name: str | None, line: int | None) -> str:
    if name and line:
        return f"{name}, line {line}"
    return name or "template"


def _explain(exc: BaseException, default_name: str) -> TemplateError:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(f"{exc.filename or exc.name or default_name}, line {exc.lineno}: "
                             f"template syntax error: {exc.message}")
    name, line = _template_line(exc)
    where = _where(name or default_name, line)
    if isinstance(exc, SecurityError) or "unsafe" in str(exc):
        return TemplateError(f"{where}: refused by the sandbox: {exc}")
    if isinstance(exc, jinja2.UndefinedError):
        missing = re.search(r"'([^']+)' is undefined", str(exc))
        what = f"unknown field '{missing.group(1)}'" if missing else str(exc)
        return TemplateError(f"{where}: {what}")
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateError(f"template not found: {exc.name}")
    return TemplateError(f"{where}: {type(exc).__name__}: {exc}")


def render_template(name: str, context: dict) -> str:
    """Render templates/<name> with ``context``; any failure is a TemplateError naming the
    template and line."""
    try:
        template = environment().get_template(name)
        return template.render(context)
    except TemplateError:
        raise
    except Exception as exc:  # noqa: BLE001 — every template failure becomes one clear message
        raise _explain(exc, name) from None


def render_string(source: str, context: dict, name: str = "<template>") -> str:
    """Render a string as a sandboxed template (prose fields may use ``{{ start_date|long_date }}``)."""
    try:
        return environment().from_string(source).render(context)
    except Exception as exc:  # noqa: BLE001
        err = _explain(exc, name)
        raise TemplateError(str(err).replace("<template>", name)) from None


def undeclared_fields(name: str) -> set[str]:
    """Names a template (and what it extends/includes) reads from its context."""
    from jinja2 import meta

    env = environment()
    seen, todo, names = set(), [name], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        source, _, _ = env.loader.get_source(env, current)
        try:
            ast = env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            raise _explain(exc, current) from None
        names |= meta.find_undeclared_variables(ast)
        todo.extend(t for t in meta.find_referenced_templates(ast) if t)
    return names
