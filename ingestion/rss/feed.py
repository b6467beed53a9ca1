"""A feed's bytes → its text (in the right encoding) → one dict of raw strings per entry.

Reads RSS 2.0 (`<rss><channel><item>`), RSS 1.0/RDF (`<rdf:RDF><item>`) and
Atom (`<feed><entry>`) with the standard library's XML parser (no feedparser,
lxml or defusedxml in the lock). That is safe on untrusted feeds because
ElementTree never fetches external entities and expat 2.4.1+ (Python 3.11
bundles 2.5) refuses entity amplification ("billion laughs") as a parse error,
which quarantines the feed like any malformed one.

Nothing is converted in this module: dates, HTML and URLs stay as the feed
wrote them, and `mapping.py` converts them for all entries at once. XML is read
element by element, which is the only per-entry loop.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"
RSS1 = "http://purl.org/rss/1.0/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
MEDIA = "http://search.yahoo.com/mrss/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The fields every entry gives `mapping.py`, each the feed's own text or None.
ENTRY_FIELDS = (
    "id",
    "link",
    "title",
    "published",
    "updated",
    "author",
    "content",
    "summary",
    "lang",
)

_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotAFeed(ValueError):
    """The body is not well-formed XML, or is XML but neither RSS, RDF nor Atom."""


@dataclass(frozen=True)
class DecodedFeed:
    text: str
    encoding: str  # the codec that read it
    encoding_source: str  # why that one: byte order mark, XML declaration, HTTP charset…


def decode(body: bytes, http_charset: str | None, configured: str | None) -> DecodedFeed:
    """The feed's text, read with the first encoding that decodes it without error.

    Tried in order: a byte order mark (unambiguous); the XML declaration
    (`<?xml … encoding="iso-8859-7"?>`, the feed's own word); the HTTP
    Content-Type charset; the feed's configured `encoding`; UTF-8 (what XML
    means without a declaration). A candidate that is not a known codec, or
    that fails on these bytes, is skipped: a feed declaring UTF-8 while written
    in Latin-1 then falls through to the next. Last come cp1252 (Windows'
    superset of Latin-1, what "Latin-1" feeds usually really are) and Latin-1
    itself, which decodes any byte, so a feed is never lost to its encoding.
    """
    declared = _DECLARED_ENCODING.match(body[:200])
    candidates = [
        *((codec, "byte order mark") for bom, codec in _BOMS if body.startswith(bom)),
        (declared.group(1).decode("ascii") if declared else None, "XML declaration"),
        (http_charset, "HTTP charset"),
        (configured, "configured encoding"),
        ("utf-8", "XML's default"),
        ("cp1252", "last resort"),
    ]
    for encoding, source in candidates:
        if not encoding:
            continue
        try:
            return DecodedFeed(body.decode(encoding), encoding, source)
        except (LookupError, UnicodeDecodeError):
            continue
    return DecodedFeed(body.decode("latin-1"), "latin-1", "last resort")


def http_charset(content_type: str | None) -> str | None:
    """The `charset` parameter of a Content-Type header, if any."""
    found = re.search(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", content_type or "", re.I)
    return found.group(1) if found else None


def entries(text: str) -> tuple[list[dict[str, str | None]], list[str]]:
    """Each entry's raw fields (`ENTRY_FIELDS`) and its XML, in the feed's order.

    Whitespace before the XML declaration (a common server-side template slip)
    is tolerated, as browsers and feed readers do; anything else that is not
    well-formed XML raises `NotAFeed`.
    """
    try:
        root = ET.fromstring(text.lstrip())
    except ET.ParseError as error:
        raise NotAFeed(f"not well-formed XML ({error})") from None
    kind = _local(root.tag)
    if kind == "rss":
        channel = _child(root, "", "channel")
        items = channel.findall("item") if channel is not None else []
        feed_lang = (
            _text(channel, "", "language") or _text(channel, DC, "language")
            if channel is not None
            else None
        )
    elif kind == "RDF":
        items = root.findall(f"{{{RSS1}}}item")
        channel = root.find(f"{{{RSS1}}}channel")
        feed_lang = _text(channel, DC, "language") if channel is not None else None
    elif kind == "feed":
        items = [e for e in root if _local(e.tag) == "entry"]
        feed_lang = root.get(XML_LANG)
    else:
        raise NotAFeed(f"XML but not RSS, RDF or Atom (root element <{kind}>)")
    fields = [_entry_fields(item, feed_lang) for item in items]
    xml = [ET.tostring(item, encoding="unicode").strip() for item in items]
    return fields, xml


def _entry_fields(item: ET.Element, feed_lang: str | None) -> dict[str, str | None]:
    """The raw fields of an `<item>` or `<entry>`, whatever the dialect.

    Each tag is looked up in the namespaces where the dialects put it: RSS 2.0
    in none, RSS 1.0 in its own, Atom in its own (or none, in sloppy feeds).
    """
    ns = _namespace(item.tag)  # "" (RSS 2.0, namespace-less Atom), RSS1 or ATOM
    return {
        "id": _text(item, "", "guid") or _text(item, ns, "id") or item.get(f"{{{RDF}}}about"),
        "link": _text(item, ns, "link") or _atom_link(item, ns),
        "title": _text(item, ns, "title"),
        "published": (
            _text(item, "", "pubDate") or _text(item, DC, "date") or _text(item, ns, "published")
        ),
        "updated": _text(item, ns, "updated"),
        "author": (
            _text(item, DC, "creator") or _author_name(item, ns) or _text(item, ITUNES, "author")
        ),
        "content": _text(item, CONTENT, "encoded") or _text(item, ns, "content"),
        "summary": (
            _text(item, ns, "description") or _text(item, ns, "summary") or _media_description(item)
        ),
        "lang": item.get(XML_LANG) or feed_lang,
    }


def _atom_link(item: ET.Element, ns: str) -> str | None:
    """The `href` of the entry's page: `rel="alternate"` (or no rel), else the first link."""
    links = [link for link in item.findall(f"{{{ns}}}link" if ns else "link") if link.get("href")]
    for link in links:
        if link.get("rel", "alternate") == "alternate":
            return link.get("href")
    return links[0].get("href") if links else None


def _media_description(item: ET.Element) -> str | None:
    """Media RSS's description (`<media:group><media:description>`): YouTube's only text."""
    description = item.find(f".//{{{MEDIA}}}description")
    return _inner(description) if description is not None else None


def _author_name(item: ET.Element, ns: str) -> str | None:
    """Atom's `<author><name>`, or RSS 2.0's `<author>` text (an e-mail, often with the name)."""
    author = _child(item, ns, "author")
    if author is None:
        return None
    name = _child(author, ns, "name")
    return ((name if name is not None else author).text or "").strip() or None


def _child(element: ET.Element, ns: str, name: str) -> ET.Element | None:
    return element.find(f"{{{ns}}}{name}" if ns else name)


def _text(element: ET.Element, ns: str, name: str) -> str | None:
    child = _child(element, ns, name)
    return _inner(child) if child is not None else None


def _inner(element: ET.Element) -> str | None:
    """The element's content, markup included.

    HTML written unescaped in a `<description>` (or Atom `type="xhtml"`)
    parses as child elements, whose text `element.text` alone would lose.
    """
    text = (element.text or "") + "".join(
        ET.tostring(child, encoding="unicode") for child in element
    )
    return text.strip() or None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
