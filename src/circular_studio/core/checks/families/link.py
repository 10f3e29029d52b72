"""Links and placeholders: links with no target, malformed URLs and e-mail addresses, link text
that shows another URL than its target, leftover template markers."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from ...locale.datetext import reader
from ..registry import Example, Hit, register
from ...document import live_link
from ...locale.text import EMAIL_RE

FAMILY = "links"


@register("LINK001", "link-without-target", family=FAMILY, severity="error",
          en="the link \"{text}\" has no target",
          fr="le lien « {text} » n'a pas de cible",
          ar="الرابط \"{text}\" ليس له عنوان وجهة",
          what="A hyperlink whose target is empty or \"#\" (the address was lost in copy-paste).",
          why="Readers click and nothing happens; the document the letter points to is unreachable.",
          fix="Give the link its address, or remove the link.",
          examples=[Example("fr", "Voir le document [CL-24/49](#).",
                            "Voir le document [CL-24/49](https://www.itu.int/md/S24-CL-C-0049/fr)."),
                    Example("en", "Please fill in the [online form]().",
                            "Please fill in the [online form](https://www.itu.int/form)."),
                    Example("ar", "يرجى استكمال [النموذج الإلكتروني](#).",
                            "يرجى استكمال [النموذج الإلكتروني](https://www.itu.int/form).")])
def link_without_target(ctx):
    for i, block in enumerate(ctx.doc.blocks):
        for s, e, span in block.links():
            if (span.link or "").strip() in ("", "#"):
                yield Hit(i, s, e, None, {"text": span.text})


_SCHEMES = ("http", "https", "mailto")


def not_web(target: str) -> bool:
    """A link target that is no web, e-mail or anchor address (ms-msdt:, smb:, a network path
    //host or \\\\host, a relative path): never live, reported by LINK006."""
    target = target.strip()
    if target.startswith("#") or live_link(target):
        return False
    if target.startswith(("//", "\\\\", "/")):
        return True
    if re.match(r"(?:h?t{1,3}p?s?[:/]|www\.)", target, re.I):  # a mistyped web address: LINK002's
        return False
    return urlsplit(target).scheme.lower() not in _SCHEMES if ":" in target else True
_BAD_URL = re.compile(r"(?<![\w@/])(?:h?t?tps?:/{0,1}(?!/)|https?//|https?:///+|htps?://|htttps?://|"
                      r"ww\.|wwww\.)[^\s<>()]*|(?<![\w@/])www\.[\w-]+,[a-z]{2,6}\b[^\s<>()]*", re.I)
_TLD = re.compile(r"\.[a-z]{2,24}$", re.I)


def _url_problem(url: str) -> str | None:
    if re.search(r"\s", url):
        return "space"
    if url.startswith("mailto:"):
        addr = url[7:].split("?")[0]
        return None if EMAIL_RE.fullmatch(addr) and _TLD.search(addr) else "mailto"
    if url.startswith("#") or url.startswith("/"):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        return "scheme"
    host = parts.netloc.split("@")[-1].split(":")[0]
    if not host or ".." in host or host.startswith(".") or host.endswith(".") or not _TLD.search(host):
        return "host"
    return None


@register("LINK002", "malformed-url", family=FAMILY, severity="error",
          en="malformed address \"{url}\"",
          fr="adresse mal formée « {url} »",
          ar="صيغة العنوان \"{url}\" غير سليمة",
          what="A URL that cannot work: a broken scheme (htp://, https//, http:/), a space, a host without "
               "a domain, a link target that is not a URL.",
          why="Readers cannot reach the page.",
          fix="Correct the address (the fix suggests one when the scheme is merely mistyped).",
          examples=[Example("fr", "Informations à l'adresse suivante: https//www.itu.int/wtdc25.",
                            "Informations à l'adresse suivante: https://www.itu.int/wtdc25."),
                    Example("en", "See [the page](htp://www.itu.int/forum).", "See [the page](https://www.itu.int/forum)."),
                    Example("ar", "يرجى زيارة الموقع: http:/www.itu.int/forum", "يرجى زيارة الموقع: https://www.itu.int/forum")])
def malformed_url(ctx):
    for i, block in enumerate(ctx.doc.blocks):
        text = ctx.texts[i]
        linked = []
        for s, e, span in block.links():
            linked.append((s, e))
            target = (span.link or "").strip()
            if target in ("", "#") or not_web(target):  # not a web address at all: LINK006
                continue
            problem = _url_problem(target)
            if problem:
                yield Hit(i, s, e, None, {"url": target})
        for m in _BAD_URL.finditer(text):
            s, e = m.span()
            url = m.group().rstrip(".,;:!?،؛)")
            e = s + len(url)
            fixed = re.sub(r"^(?:h?t?tps?:/{0,3}|https?//|htps?://|htttps?://)", "https://", url, flags=re.I)
            fixed = re.sub(r"^(?:ww|wwww)\.", "www.", fixed, flags=re.I)
            fixed = re.sub(r"^(www\.[\w-]+),", r"\1.", fixed, flags=re.I)
            if fixed == url:
                continue
            yield Hit(i, s, e, fixed, {"url": url})


_EMAIL_LIKE = re.compile(r"(?<![\w.@/:-])[\w.+\-]*[\w]@[\w@.\-]*[\w.]*(?![\w@])", re.ASCII)


@register("LINK003", "malformed-email", family=FAMILY, severity="error",
          en="malformed e-mail address \"{email}\"",
          fr="adresse électronique mal formée « {email} »",
          ar="صيغة عنوان البريد الإلكتروني \"{email}\" غير سليمة",
          what="An e-mail address that cannot receive mail: two @, no domain, a domain without a dot, "
               "a dot at an edge or two dots in a row.",
          why="Replies would bounce.",
          fix="Correct the address.",
          examples=[Example("fr", "Courriel: wtdc@itu", "Courriel: wtdc@itu.int"),
                    Example("en", "E-mail: wsis-info@@itu.int", "E-mail: wsis-info@itu.int"),
                    Example("ar", "البريد الإلكتروني: wsis-info@itu..int", "البريد الإلكتروني: wsis-info@itu.int")])
def malformed_email(ctx):
    for i, text, _lang in ctx.blocks():
        for m in _EMAIL_LIKE.finditer(text):
            addr = m.group().rstrip(".")
            if not addr or "@" not in addr:
                continue
            local, _, domain = addr.partition("@")
            bad = ("@" in domain or not local or not domain or "." not in domain or ".." in addr
                   or local.startswith(".") or local.endswith(".") or domain.startswith(".")
                   or not _TLD.search(domain))
            if bad:
                fixed = None
                if ".." in addr:
                    fixed = re.sub(r"\.\.+", ".", addr)
                elif "@@" in addr:
                    fixed = re.sub(r"@@+", "@", addr)
                yield Hit(i, m.start(), m.start() + len(addr), fixed, {"email": addr})
        # mailto targets that disagree with the address shown
    for i, block in enumerate(ctx.doc.blocks):
        for s, e, span in block.links():
            target = (span.link or "")
            if target.startswith("mailto:") and EMAIL_RE.fullmatch(span.text.strip()):
                if target[7:].split("?")[0].lower() != span.text.strip().lower():
                    yield Hit(i, s, e, None, {"email": target})


_URLISH = re.compile(r"^\s*[.,:;]*\s*((?:https?://|www\.)\S+?)[.,;:]*\s*$", re.I)


@register("LINK004", "link-text-target-mismatch", family=FAMILY, severity="warning",
          en="the link shows \"{text}\" but leads to \"{target}\"",
          fr="le lien affiche « {text} » mais mène à « {target} »",
          ar="يعرض الرابط \"{text}\" لكنه يحيل إلى \"{target}\"",
          what="A link whose text is an address different from its target (or carries stray characters, "
               "e.g. \".https://…\").",
          why="A printed letter shows only the text: readers type what they see.",
          fix="Make the text the same address as the target.",
          examples=[Example("ar", "عن طريق موقعنا الإلكتروني: [.https://www.itu.int/go/wsis](https://www.itu.int/go/wsis)",
                            "عن طريق موقعنا الإلكتروني: [https://www.itu.int/go/wsis](https://www.itu.int/go/wsis)"),
                    Example("en", "See [www.itu.int/forum](https://www.itu.int/events).",
                            "See [www.itu.int/forum](https://www.itu.int/forum)."),
                    Example("fr", "Voir [https://www.itu.int/wtdc](https://www.itu.int/wtdc25).",
                            "Voir [https://www.itu.int/wtdc25](https://www.itu.int/wtdc25).")])
def link_text_mismatch(ctx):
    for i, block in enumerate(ctx.doc.blocks):
        for s, e, span in block.links():
            target = (span.link or "").strip()
            if target in ("", "#") or target.startswith("mailto:"):
                continue
            text = span.text
            if not re.match(r"^\s*[.,:;]*\s*(?:https?://|www\.)", text, re.I):
                continue
            if _canon(text) == _canon(target) and text.strip() == text.strip().strip(".,;:") \
                    or _canon(text) == _canon(target) and not re.match(r"^\s*[.,:;]", text):
                continue
            lead = len(text) - len(text.lstrip(" .,:;"))
            yield Hit(i, s, e, target if lead or _canon(text) != _canon(target) else None,
                      {"text": text, "target": target})


def _canon(url: str) -> str:
    u = url.strip().strip(".,;:").lower()
    u = re.sub(r"^https?://", "", u)
    u = re.sub(r"^www\.", "", u)
    return u.rstrip("/")


_PLACEHOLDER = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\[bookmark:[^\]]*\]|\[(?:DATE|NAME|NOM|NUMBER|NUMÉRO|NUMERO|TITLE|TITRE|PLACE|LIEU|TBD|TBC|XX+|\.\.\.|…|"
    r"التاريخ|الاسم|الرقم|المكان)\]|"
    r"(?<![\w])(?:XXX+|xxx+|TODO|FIXME|TBD|À COMPLÉTER|A COMPLETER|à compléter|\?\?\?+|"
    r"__+|\.\.\.\.+)(?![\w])|<(?:date|name|nom|insert[^>]*)>|«\s*…\s*»|\(\.\.\.\)|"
    r"\[(?:insert|add|enter|to be (?:confirmed|completed)|à (?:insérer|compléter|confirmer)|insérer|indiquer|"
    r"يضاف|يُضاف|أدخل)[^\]]{0,40}\]", re.I)
# "le XX mai 2026", "by XX September": a day (or month) left as XX next to a month name or a year


@lru_cache(maxsize=16)
def _xx_date(months: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(m) for m in sorted(set(months), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w])(?:XX?(?:er)?\s+(?:{alt})(?:\s+\d{{4}})?|(?:{alt})\s+XX?(?:,?\s+\d{{4}})?|"
                      r"XX[/.]XX[/.]\d{2,4})(?![\w])", re.I)


# [NAME OF COUNTRY], [VENUE], [NOM DU PAYS]: a bracketed label in capitals (case matters)
_CAPS_PLACEHOLDER = re.compile(r"\[[A-ZÀ-Ý][A-ZÀ-Ý _/’'-]{2,40}\]")


@register("LINK005", "leftover-placeholder", family=FAMILY, severity="error",
          en="leftover placeholder \"{text}\"",
          fr="marque de remplissage oubliée « {text} »",
          ar="عنصر نائب لم يُستبدل \"{text}\"",
          what="A template marker left in the letter: {{ … }}, [DATE], XXX, TODO, ___, <insert …>.",
          why="The letter would go out with a hole in it.",
          fix="Replace the marker with the missing text.",
          examples=[Example("fr", "La réunion aura lieu le [DATE] à Genève.", "La réunion aura lieu le 4 mars 2025 à Genève."),
                    Example("en", "Please reply to {{ contact_email }} by XXX.", "Please reply to wsis@itu.int by 15 January 2025."),
                    Example("ar", "يرجى الرد قبل TODO.", "يرجى الرد قبل 15 يناير 2025.")])
def placeholders(ctx):
    """Template markers; a day left as XX beside a month of the letter's languages."""
    for i, text, _lang in ctx.blocks():
        seen = set()
        for m in _PLACEHOLDER.finditer(text):
            seen.add(m.start())
            yield Hit(i, m.start(), m.end(), None, {"text": m.group()})
        for m in _xx_date(tuple(reader(ctx.reading_languages).month_num)).finditer(text):
            if not m.group().lstrip()[:1].islower() and "XX" in m.group().upper() and m.start() not in seen:
                if re.search(r"(?<![\w])X{1,2}(?:er)?(?![\w])", m.group()):
                    seen.add(m.start())
                    yield Hit(i, m.start(), m.end(), None, {"text": m.group()})
        for m in _CAPS_PLACEHOLDER.finditer(text):
            if m.start() not in seen:
                yield Hit(i, m.start(), m.end(), None, {"text": m.group()})


@register("LINK006", "link-not-web", family=FAMILY, severity="error",
          en="the link to \"{url}\" is not a web or e-mail address: it is kept as plain text",
          fr="le lien vers « {url} » n'est pas une adresse web ni électronique: il reste du texte simple",
          ar="الرابط إلى \"{url}\" ليس عنوان موقع أو بريد إلكتروني: يبقى نصاً عادياً",
          what="A link whose target is not http, https or mailto: another scheme (ms-msdt:, search-ms:, "
               "ms-word:, smb:, file:, data:…), a network path (\\\\server\\share, //server/x) or a relative path.",
          why="Such links can start programs or make Word send the reader's network credentials; the letter's "
              "readers need web pages and e-mail addresses. Circular Studio writes them as text, never as links.",
          fix="Give the link its web (https://…) or e-mail (mailto:…) address, or remove the link.",
          examples=[Example("en", "See [the form](//fileserver/forms/reply.docx).", "See [the form](https://www.itu.int/forms/reply)."),
                    Example("fr", "Voir [le formulaire](search-ms:query=formulaire).",
                            "Voir [le formulaire](https://www.itu.int/fr/formulaire)."),
                    Example("ar", "انظر [الاستمارة](ms-word:ofe|u|https://x.org/a.docx).",
                            "انظر [الاستمارة](https://www.itu.int/ar/form).")])
def link_not_web(ctx):
    for i, block in enumerate(ctx.doc.blocks):
        for s, e, span in block.links():
            target = (span.link or "").strip()
            if target not in ("", "#") and not_web(target):
                yield Hit(i, s, e, None, {"url": target[:200]})


# "available at" and the link gone: nothing after it, or the next sentence right after its colon
_AT_NOTHING = re.compile(
    r"\b(?:available|found|accessible|posted|published|consulted|downloaded|registration)\s+(?:at|on|from|via)\s*[:：]?\s*$"
    r"|\b(?:at|on)\s*[:：]\s+(?=[A-Z][a-z]+\s+[a-z]+)"
    r"|\b(?:disponibles?|accessibles?|publiée?s?|consultables?)\s+(?:à l['’]adresse(?: suivante)?|sur le site(?: web)?)\s*[:：]?\s*$"
    r"|(?:متاحة|متاح|متوفرة|منشورة)\s+(?:على|في)\s+(?:الموقع|العنوان|الرابط)(?:\s+التالي)?\s*[:：]?\s*$", re.I)


@register("LINK007", "link-announced-missing", family=FAMILY, severity="warning",
          en="the text announces an address (\"{words}\") that is not there",
          fr="le texte annonce une adresse (« {words} ») qui n'y est pas",
          ar="يعلن النص عن عنوان (\"{words}\") لا وجود له",
          what="\"available at\", \"à l'adresse suivante\", \"متاحة على الموقع\" with nothing after, or "
               "followed by the next sentence: the link was lost when the letter was pasted or edited.",
          why="The reader is sent to an address that is not in the letter.",
          fix="Put the address (or the link) where it is announced.",
          examples=[Example("en", "The list of hotels is available at\n\nA web page has been established.",
                            "The list of hotels is available at www.itu.int/hotels.\n\nA web page has been established."),
                    Example("en", "A web page has been established at: Documents for the meeting will be posted there.",
                            "A web page has been established at www.itu.int/wg. Documents for the meeting will be posted there.")])
def link_announced_missing(ctx):
    blocks = ctx.doc.blocks
    for i, text, _lang in ctx.blocks():
        if any(s.link for s in blocks[i].spans):
            continue
        for m in _AT_NOTHING.finditer(text):
            if m.end() >= len(text.rstrip()) or not text[m.end():].strip():
                # an address on the next line is the target
                nxt = next((ctx.texts[k] for k in range(i + 1, len(blocks)) if ctx.texts[k].strip()), "")
                if re.match(r"\s*(?:https?://|www\.|\S+@\S+|\S+\.(?:int|org|com|net)\b)", nxt):
                    continue
            yield Hit(i, m.start(), m.end(), None, {"words": m.group().strip()})
