"""Sandboxed Jinja rendering with babel-backed filters for the house date forms.

Templates are data written by users of the tool, so they run in Jinja's immutable sandbox with
StrictUndefined: a typo in a field name or a reach for Python internals is an error that names
the template and the line, never a silent blank or a security hole.
"""
from __future__ import annotations

import ctypes
import re
import threading
import traceback
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.compiler import CodeGenerator
from jinja2.runtime import str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import TemplateError
from ..locale import grammar, languages
from ..locale.dates import as_date, date_line, date_range, day_number, long_date, month_name, weekday_name
from ..resources import load_json, templates_dir
from ..model import addressees
from ..caching import MAX_CACHED_CHARS

# ---------------------------------------------------------------- dates in the house style
# The forms live in the language table (resources/languages/*.toml) and locale/dates.py; the
# names are re-exported here for the templates' filters and the callers that know them here.
__all__ = ["as_date", "date_line", "date_range", "day_number", "long_date", "month_name", "weekday_name",
           "render_template", "render_string", "undeclared_fields", "md_escape", "MarkdownText", "Placeholder"]

# ---------------------------------------------------------------- Markdown-safe field values

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# indentation is spaces and tabs, never newlines: "\s*" here made a run of newlines quadratic
_MD_LINE_START = re.compile(r"^([^\S\n]*)(\d*)([#>+=-]|[.)])(\s|$)", re.M)


# Set in a template's context by the pipeline when rendering leniently (preview, checks of a
# draft): filters then render what they would refuse on export, for the checks to report.
LENIENT = "_lenient"


class MarkdownText(str):
    """A value that already is Markdown (prose fields): inserted as is, not escaped."""


class Placeholder(MarkdownText):
    """What a fact not yet typed shows in the preview: ``[Label]`` where the letter will print
    the fact; the date filters pass it through. A required fact's placeholder is true in
    ``{% if %}`` (the letter will print the fact); an optional fact's is false, so text written
    only when the fact is given stays out of the preview, as it will stay out of the letter."""

    def __new__(cls, label: str, required: bool = True):
        self = super().__new__(cls, "\\[" + md_escape(label) + "\\]")
        self.required = required
        return self

    def __bool__(self) -> bool:
        return self.required

    @property
    def label(self) -> str:
        return self[2:-2]


def md_escape(value) -> str:
    """Plain text made safe to drop into Markdown: a '*' or '_' in a name stays a character."""
    if isinstance(value, MarkdownText) or value is None:
        return "" if value is None else value
    if isinstance(value, (list, tuple)):
        return ", ".join(md_escape(v) for v in value)
    text = _MD_SPECIAL.sub(r"\\\1", str(value))
    return _MD_LINE_START.sub(r"\1\2\\\3\4", text)


# ---------------------------------------------------------------- prepositions before a name

# A preposition fused with the article that starts a name: "à" + "le Forum" is "au Forum".
# (Language data: to move into the language table, resources/languages/<code>.toml.)
def with_preposition(value, preposition: str, locale: str) -> str:
    """``preposition`` before ``value`` (a name typed with its article, as French needs it):
    'à' + 'la Conférence…' → 'à la Conférence…', 'à' + 'le Forum…' → 'au Forum…', 'de' + 'le
    Gouvernement…' → 'du Gouvernement…'. Markdown-escaped like any fact."""
    if isinstance(value, Placeholder):
        return MarkdownText(f"{preposition} {value}")
    text = md_escape(value)
    first, _, rest = text.partition(" ")
    fused = grammar.contract(preposition, first, languages.base_code(locale))
    if fused and rest:
        if preposition[:1].isupper():
            fused = fused.capitalize()
        return MarkdownText(f"{fused} {rest}")
    return MarkdownText(f"{preposition} {text}")


# ---------------------------------------------------------------- the environment


def _house(kind: str, key: str, locale: str) -> str:
    table = load_json("house.json").get(kind, {})
    names = table.get(key)
    if not names:
        return key
    return names.get(languages.base_code(locale)) or names.get("en") or key


# ---------------------------------------------------------------- bounds on every render
#
# The sandbox stops a template from reading files or running code; these bounds stop it from
# running for minutes or taking gigabytes. A letter needs none of what they refuse: no loop over
# more than a few hundred items, no text of a million characters, no number of 30,000 digits.

MAX_RANGE = 10_000          # items in range(...)
MAX_TEXT = 1_000_000        # characters (or items) in one value built by *, +, ~, %, a filter
MAX_OUTPUT = 20_000_000     # characters of output of one render
MAX_INT_BITS = 100_000      # size of a number built by * or ** (about 30,000 digits)
MAX_WIDTH = 10_000          # a width or count given to a filter or method (center(…), indent(…))
RENDER_SECONDS = 1.0        # wall-clock budget of one render


class RenderLimit(Exception):
    """A template asked for more than a letter can need (a bound above)."""


class RenderTimeout(BaseException):
    """Raised inside a render that ran out of time. A BaseException, so that no ``except
    Exception`` in a filter or library swallows it; render_* turn it into a TemplateError."""


_local = threading.local()


class _Budget:
    """A render's time budget. A watchdog timer raises RenderTimeout in the rendering thread
    (between two Python bytecodes) when the time is up; the operator bounds below keep every
    single step short, so the exception is delivered promptly."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.lock = threading.Lock()
        self.done = False
        self.fired = False
        self.output = 0

    def _fire(self) -> None:
        with self.lock:
            if not self.done:
                self.fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.tid),
                                                           ctypes.py_object(RenderTimeout))

    def __enter__(self):
        self.outer = getattr(_local, "budget", None)
        if self.outer is not None:  # a render inside a render (a prose field) shares the outer budget
            return self
        self.tid = threading.get_ident()
        self.timer = threading.Timer(self.seconds, self._fire)
        self.timer.daemon = True
        _local.budget = self
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.outer is not None:
            return
        _local.budget = None
        with self.lock:
            self.done = True
            self.timer.cancel()
            if self.fired:  # fired but not yet delivered: take it back
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.tid), None)


def _size(value) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def _refuse(what: str) -> RenderLimit:
    return RenderLimit(f"{what}: more than a letter can need (refused to protect the program)")


def _check_width(value, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
        raise _refuse(f"{what} of {value}")


_BIG_PERCENT_WIDTH = re.compile(r"%[-+ #0]*(?:\d{5,}|\*)|%[^%]*\.(?:\d{5,}|\*)")  # '%99999s', '%*s'
_BIG_FORMAT_WIDTH = re.compile(r"\{[^{}]*:[^{}]*(?:\d{5,}|\{)")  # '{:>99999}', '{:{w}}'


def _check_format(template, percent: bool) -> None:
    if isinstance(template, str) and (_BIG_PERCENT_WIDTH if percent else _BIG_FORMAT_WIDTH).search(template):
        raise _refuse("a format with a huge or computed width")


class _BoundedCodeGenerator(CodeGenerator):
    """``a ~ b`` goes through the environment's bounded join, as ``+`` goes through call_binop."""

    def visit_Concat(self, node, frame) -> None:
        if frame.eval_ctx.volatile or frame.eval_ctx.autoescape:
            return super().visit_Concat(node, frame)
        self.write("environment.bounded_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with bounds on what one operator, filter or method may build."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0 \
                    and right * abs(left).bit_length() > MAX_INT_BITS:
                raise _refuse(f"the power {left} ** {right}")
        elif operator == "*":
            for seq, times in ((left, right), (right, left)):
                n = _size(seq)
                if n is not None and isinstance(times, int) and n * times > MAX_TEXT:
                    raise _refuse(f"a text or list repeated {times} times")
            if isinstance(left, int) and isinstance(right, int) \
                    and abs(left).bit_length() + abs(right).bit_length() > MAX_INT_BITS:
                raise _refuse("a product of huge numbers")
        elif operator == "+":
            a, b = _size(left), _size(right)
            if a is not None and b is not None and a + b > MAX_TEXT:
                raise _refuse(f"a text or list of {a + b} characters or items")
        elif operator == "%":
            _check_format(left, percent=True)
        return super().call_binop(context, operator, left, right)

    def bounded_join(self, parts) -> str:
        text = str_join(parts)
        if len(text) > MAX_TEXT:
            raise _refuse(f"a text of {len(text)} characters built with ~")
        return text

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        if isinstance(__obj, jinja2.Undefined):
            return super().call(__context, __obj, *args, **kwargs)
        name = getattr(__obj, "__name__", "") or "a function"
        for value in (*args, *kwargs.values()):
            _check_width(value, f"{name}(…) given a number")
        bound = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        owner = getattr(bound, "__self__", None)
        if isinstance(owner, str):
            if name in ("format", "format_map"):
                _check_format(owner, percent=False)
            if name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
                if (owner.count(args[0]) if args[0] else len(owner) + 1) * len(args[1]) + len(owner) > MAX_TEXT:
                    raise _refuse("a replace that builds a huge text")
        return super().call(__context, __obj, *args, **kwargs)


def _bounded_filter(name: str, fn):
    """A filter whose number arguments are bounded (``center(10**9)``, ``indent(10**9)``)."""
    skip = 1 if hasattr(fn, "jinja_pass_arg") else 0  # the context Jinja passes first

    def call(*args, **kwargs):
        value, rest = (args[skip], args[skip + 1:]) if len(args) > skip else (None, ())
        for arg in (*rest, *kwargs.values()):
            _check_width(arg, f"the filter {name} given a number")
        if name == "format":
            _check_format(value, percent=True)
        if name == "replace" and len(rest) >= 2 and all(isinstance(a, str) for a in (value, *rest[:2])):
            old, new = rest[:2]
            if (value.count(old) if old else len(value) + 1) * len(new) + len(value) > MAX_TEXT:
                raise _refuse("a replace that builds a huge text")
        out = fn(*args, **kwargs)
        if isinstance(out, str) and len(out) > MAX_TEXT:
            raise _refuse(f"the filter {name} building {len(out)} characters")
        return out
    for attr in ("jinja_pass_arg",):  # keep pass_context / pass_eval_context / pass_environment
        if hasattr(fn, attr):
            setattr(call, attr, getattr(fn, attr))
    call.__name__ = getattr(fn, "__name__", name)
    return call


def _capped_range(*args) -> range:
    rng = range(*args)  # Python's own checks first (a step of 0, a non-integer)
    if len(rng) > MAX_RANGE:
        raise _refuse(f"range of {len(rng)} items")
    return rng


def _counted(value) -> str:
    """Every ``{{ value }}`` escaped for Markdown, counted against the render's output bound."""
    text = md_escape(value)
    budget = getattr(_local, "budget", None)
    if budget is not None:
        budget.output += len(text)
        if budget.output > MAX_OUTPUT:
            raise _refuse(f"an output of more than {MAX_OUTPUT} characters")
    return text


def _make_env(root: Path) -> jinja2.Environment:
    """The sandbox: StrictUndefined, every ``{{ value }}`` escaped for Markdown unless it already
    is Markdown (prose fields, filter output), every operator, filter and call bounded."""
    env = BoundedSandbox(
        loader=jinja2.FileSystemLoader(str(root)), undefined=jinja2.StrictUndefined, autoescape=False,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, finalize=_counted,
        auto_reload=False, cache_size=400)
    _capped_range.__name__ = "range"
    env.globals["range"] = _capped_range
    env.globals.pop("lipsum", None)
    for filter_name, fn in list(env.filters.items()):
        env.filters[filter_name] = _bounded_filter(filter_name, fn)

    def f(fn):
        """A filter that takes the locale from the template's ``language`` variable. Rendering
        leniently (the preview), a date not yet typed prints as [DATE], which the checks report,
        instead of failing the whole page."""
        def call(ctx, *a, **k):
            if a and isinstance(a[0], Placeholder):
                return a[0]
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
    def range_filter(start, end, locale="en", **kw):  # lenient: an inverted range written as typed
        return date_range(start, end, locale=locale, **kw)

    def range_or_placeholders(ctx, start, end):
        if isinstance(start, Placeholder) or isinstance(end, Placeholder):  # "du [Début] au [Fin]"
            shown = [v if isinstance(v, Placeholder) else f(long_date)(ctx, v) for v in (start, end)]
            return MarkdownText(languages.language(ctx.get("language", "en")).dates["range_other"].format(
                date1=shown[0], date2=shown[1]))
        return f(range_filter)(ctx, start, end, lenient=bool(ctx.get(LENIENT)))

    env.filters["date_range"] = jinja2.pass_context(range_or_placeholders)
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
    env.filters["prep"] = jinja2.pass_context(
        lambda ctx, value, preposition: with_preposition(value, preposition, ctx.get("language", "en")))
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


def explain(exc: BaseException, default_name: str) -> TemplateError:
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
    if isinstance(exc, RenderLimit):
        return TemplateError(f"{where}: {exc}")
    if isinstance(exc, RenderTimeout):
        return TemplateError(f"{default_name}: took longer than {RENDER_SECONDS:g} s to fill in (a loop or "
                             "computation too large for a letter); stopped")
    if isinstance(exc, (MemoryError, OverflowError, RecursionError)):
        return TemplateError(f"{where}: too large to fill in ({type(exc).__name__})")
    if isinstance(exc, ValueError):  # a fact the template cannot use ("'' is not a date")
        return TemplateError(f"{where}: {exc}")
    return TemplateError(f"{where}: a value of the wrong kind for this template ({exc}); "
                         "check the draft's fields")


def render_template(name: str, context: dict) -> str:
    """Render templates/<name> with ``context``; any failure is a TemplateError naming the
    template and line."""
    try:
        template = environment().get_template(name)
        with _Budget(RENDER_SECONDS):
            return template.render(context)
    except TemplateError:
        raise
    except (Exception, RenderTimeout) as exc:  # noqa: BLE001 — every template failure becomes one clear message
        raise explain(exc, name) from None


@lru_cache(maxsize=512)
def _compiled(root: Path, source: str) -> jinja2.Template:
    """A string compiled once: a series renders the same prose for every addressee."""
    return _environment(root).from_string(source)


def budget() -> "_Budget":
    """The time budget of one render, for a caller rendering several texts (a letter's clauses)
    as one: ``with budget(): ...``; renders inside share it."""
    return _Budget(RENDER_SECONDS)


def compile_string(source: str) -> jinja2.Template:
    """``source`` compiled in the sandbox (cached: a clause's text compiles once per process)."""
    return _compiled(templates_dir(), source)


def render_string(source: str, context: dict, name: str = "<template>") -> str:
    """Render a string as a sandboxed template (prose fields may use ``{{ start_date|long_date }}``)."""
    try:
        template = _compiled(templates_dir(), source) if len(source) <= MAX_CACHED_CHARS else \
            environment().from_string(source)  # a long prose field: compiled, not remembered
        with _Budget(RENDER_SECONDS):
            return template.render(context)
    except TemplateError:
        raise
    except (Exception, RenderTimeout) as exc:  # noqa: BLE001
        err = explain(exc, name)
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
            raise explain(exc, current) from None
        names |= meta.find_undeclared_variables(ast)
        todo.extend(t for t in meta.find_referenced_templates(ast) if t)
    return names
