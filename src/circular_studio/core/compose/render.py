"""Sandboxed Jinja rendering with babel-backed filters for the house date forms.

Templates are data written by users of the tool, so they run in Jinja's immutable sandbox with
StrictUndefined: a typo in a field name or a reach for Python internals is an error that names
the template and the line, never a silent blank or a security hole.
"""
from __future__ import annotations

import re
import traceback
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import TemplateError
from ..locale import languages
from ..locale.dates import as_date, date_line, date_range, day_number, long_date, month_name, weekday_name
from ..resources import load_json, templates_dir
from ..model import addressees

# ---------------------------------------------------------------- dates in the house style
# The forms live in the language table (resources/languages/*.toml) and locale/dates.py; the
# names are re-exported here for the templates' filters and the callers that know them here.
__all__ = ["as_date", "date_line", "date_range", "day_number", "long_date", "month_name", "weekday_name",
           "render_template", "render_string", "undeclared_fields", "md_escape", "MarkdownText"]

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
    return names.get(languages.base_code(locale)) or names.get("en") or key


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


@lru_cache(maxsize=512)
def _compiled(root: Path, source: str) -> jinja2.Template:
    """A string compiled once: a series renders the same prose for every addressee."""
    return _environment(root).from_string(source)


def render_string(source: str, context: dict, name: str = "<template>") -> str:
    """Render a string as a sandboxed template (prose fields may use ``{{ start_date|long_date }}``)."""
    try:
        return _compiled(templates_dir(), source).render(context)
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
