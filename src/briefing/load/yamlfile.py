"""Safe YAML reading that remembers where every value came from.

PyYAML composes the file into a node tree (no Python objects are ever constructed from tags);
we turn that tree into plain dicts, lists and scalars ourselves, recording the line and column
of every key and value so later steps can point an editor at the exact spot. The conversion
counts the nodes it produces, which bounds "billion laughs" alias expansion, and how deep they
nest. Text is taken in NFC, and a control character in it is refused where it stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from briefing.text.characters import composed, control_character, line_and_column

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 100  # levels of nesting; a record needs a handful (libyaml stops at 1,000)
_TOO_DEEP = (
    f"values nested more than {MAX_DEPTH} levels deep; a record needs only a few levels: "
    "look for brackets that are not closed or indentation that runs away"
)

Loc = tuple[str | int, ...]


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.2-like scalars: only true/false are booleans and dates stay strings.

    YAML 1.1 turns `no` into False and `2022-11-17` into a date object; both surprise editors
    (a country code `NO`, an EDTF date), so those implicit types are dropped.
    """


_Resolver.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    _Resolver,
):
    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)


if yaml.__with_libyaml__:  # the same composer in C (libyaml), many times faster
    from yaml._yaml import CParser

    class _FastLoader(CParser, yaml.constructor.SafeConstructor, _Resolver):
        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _Resolver.__init__(self)

    _LOADER: type = _FastLoader
else:  # pragma: no cover - PyYAML without libyaml
    _LOADER = _Loader


class YamlError(Exception):
    """Bad input at a place in the file; `line`/`column` are 1-based."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class Position(NamedTuple):
    line: int
    column: int


@dataclass
class YamlDocument:
    """The plain data of one file, and its node tree to find where any value stands.

    Positions are looked up only when a message needs one, by following the field path
    through the composed nodes; nothing is recorded for files that are fine.
    """

    path: Path
    data: Any
    root: yaml.Node | None = None

    def position(self, loc: Loc, *, key: bool = False) -> Position | None:
        """Position of `loc` (its key, with key=True), or of its nearest ancestor."""
        node, key_node = self.root, None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
        else:
            if key and key_node is not None:
                return _position(key_node)
        return _position(node) if node is not None else None


def _child(node: yaml.Node | None, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """(key node, value node) of one step down a path, or None where the path leaves the tree."""
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                return key_node, value_node
    return None


def read_yaml(path: Path) -> YamlDocument:
    """Read one YAML file safely; raise YamlError naming the line for any bad input."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlError(
            f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,} bytes "
            "(split it into several files)"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(
            f"file is not UTF-8 (byte 0x{raw[exc.start]:02x} cannot be decoded); save it as UTF-8",
            line,
            column,
        ) from None
    written = control_character(text)  # as typed; an escaped one is found in its value
    if written is not None:
        raise YamlError(written[1], *line_and_column(text, written[0]))
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own limit, past ours
            raise YamlError(_TOO_DEEP, mark.line + 1 if mark else None) from None
        found = text[mark.index : mark.index + 1] if mark else ""
        raise YamlError(
            f"invalid YAML: {problem}{_usual_cause(problem, found)}",
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {exc}") from None
    except RecursionError:  # pragma: no cover - PyYAML's Python composer, without libyaml
        raise YamlError(_TOO_DEEP) from None
    finally:
        getattr(loader, "dispose", lambda: None)()

    if node is None:
        raise YamlError("file is empty; expected YAML content", 1, 1)
    data = _Converter(loader).convert(node, 0)
    return YamlDocument(path=path, data=data, root=node)


def _usual_cause(problem: str, found: str) -> str:
    """The usual cause of a YAML syntax error, in words, for the editor to check first."""
    if "mapping values are not allowed" in problem:
        return (
            ": a colon followed by a space starts a new field; if the colon is part of the "
            'text, put the whole text in quotes (text: "Read: the press secretary"), and if a '
            "field is meant, check that it lines up with the fields above it"
        )
    if "cannot start any token" in problem:
        if found == "\t":
            return ": YAML is indented with spaces, not tabs"
        return f": a value cannot begin with {found!r}; put the text in quotes"
    if "alias" in problem or "alphabetic or numeric character" in problem:
        return ": a value beginning with * is read as a reference; put the text in quotes"
    if "end of stream" in problem:
        return ": a quoted text is not closed; add its closing quote"
    if "expected key" in problem:
        return (
            ": a field does not line up with the fields above it, or a quote inside a quoted "
            "text ends it early (inside single quotes write '' for ')"
        )
    if "expected ',' or" in problem:
        return ": a [list] or {mapping} written on one line is not closed"
    if "'-' indicator" in problem:
        return ": the items of a list (- ...) must line up with each other"
    return ""


class _Converter:
    """A composed node tree as plain values, counting them and refusing what editors should not
    write (tags, merge keys, duplicate keys, aliases that contain themselves)."""

    def __init__(self, loader: Any):
        self.loader = loader
        self.count = 0
        self.top_entry: yaml.Node | None = None
        self.active: set[int] = set()

    def convert(self, node: yaml.Node, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            top = self.top_entry or node  # the top-level entry whose aliases expand so far
            raise YamlError(
                f"file expands to more than {MAX_NODES:,} values (aliases repeated too often?)",
                *_mark(top),
            )
        if depth == 1:
            self.top_entry = node
        if depth > MAX_DEPTH:
            raise YamlError(_TOO_DEEP, *_mark(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STRING:
                return _text(node)  # most values are text
            build = _SCALARS.get(node.tag)
            if build is None:
                raise YamlError(f"unsupported tag {node.tag!r}; write plain values", *_mark(node))
            return build(self.loader, node)
        if id(node) in self.active:
            raise YamlError("recursive alias: a value contains itself", *_mark(node))
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                if node.tag != "tag:yaml.org,2002:seq":
                    raise YamlError(f"unsupported tag {node.tag!r}", *_mark(node))
                return [self.convert(item, depth + 1) for item in node.value]
            if node.tag != "tag:yaml.org,2002:map":
                raise YamlError(f"unsupported tag {node.tag!r}", *_mark(node))
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlError("keys must be plain words", *_mark(key_node))
                key = _text(key_node) if key_node.tag == _STRING else str(key_node.value)
                if key == "<<":
                    raise YamlError("merge keys (<<) are not supported", *_mark(key_node))
                if key in result:
                    raise YamlError(f"duplicate key '{key}'", *_mark(key_node))
                result[key] = self.convert(value_node, depth + 1)
            return result
        finally:
            self.active.discard(id(node))


_STRING = "tag:yaml.org,2002:str"
_CONSTRUCT = yaml.constructor.SafeConstructor
_SCALARS: dict[str, Callable[[Any, yaml.ScalarNode], Any]] = {  # tag -> how to build the value
    "tag:yaml.org,2002:int": _CONSTRUCT.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCT.construct_yaml_float,
    "tag:yaml.org,2002:bool": _CONSTRUCT.construct_yaml_bool,
    "tag:yaml.org,2002:null": _CONSTRUCT.construct_yaml_null,
}


def _text(node: yaml.ScalarNode) -> str:
    """A string value in NFC, or a YamlError where it holds a control character."""
    found = control_character(node.value)
    if found is not None:
        offset, message = found
        where = f" (character {offset + 1} of the value)" if offset else ""
        raise YamlError(f"{message}{where}", *_mark(node))
    return composed(node.value)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _position(node: yaml.Node) -> Position:
    return Position(*_mark(node))
