"""A small DOM for reading the HTML report in tests (stdlib ``html.parser`` only).

``parse(html)`` gives the root :class:`Element`; elements have ``tag``, ``attrs``,
``children`` (elements and strings), ``classes``, ``text()`` and ``find_all``.  The
parser checks that every element it closes was open (well-nested markup), which is
what the report promises however findings overlap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements the HTML parser closes implicitly; the report writes all its end tags, so
# only the browser's serialisation could omit them (it does not for these either).
OPTIONAL_END = {"p", "li", "option", "tr", "td", "th", "thead", "tbody"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Element]:
        for c in self.children:
            if isinstance(c, Element):
                yield c
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, where: Callable[[Element], bool] | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes) and (where is None or where(e))
        ]

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.script_depth = 0

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        node = self.current
        while node is not None and node.tag != tag:
            if node.tag not in OPTIONAL_END:
                raise AssertionError(f"</{tag}> closes <{node.tag}>: badly nested markup")
            node = node.parent
        if node is None:
            raise AssertionError(f"</{tag}> without an open <{tag}>")
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def highlights(root: Element) -> list[dict]:
    """Every piece of highlighted text: its document, line, column and finding.

    ``anchor`` is True for the one ``hl`` element of a finding, False for its ``hlc``
    continuations.  Columns count characters of the line, as the CLI does.
    """
    out = []
    for doc in root.find_all("section", "doc"):
        path = doc.find_all("h3")[0].text()
        for row in doc.find_all("span", "ln"):
            line = int(row.attrs["id"].rsplit("-L", 1)[1]) if row.attrs.get("id") else 0
            sources = row.find_all("span", "src")
            if not sources:
                continue
            column = 0

            def walk(node: Element) -> None:
                nonlocal column
                for child in node.children:
                    if isinstance(child, str):
                        column += len(child)
                        continue
                    if child.tag == "mark" and ({"hl", "hlc"} & set(child.classes)):
                        out.append(
                            {
                                "path": path,
                                "line": line,
                                "column": column + 1,
                                "length": len(child.text()),
                                "finding": int(child.attrs["data-f"]),
                                "anchor": "hl" in child.classes,
                                "id": child.attrs.get("id"),
                            }
                        )
                    walk(child)

            walk(sources[0])
    return out
