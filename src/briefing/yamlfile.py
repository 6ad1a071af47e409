"""Safe YAML reading that remembers where every value came from.

PyYAML composes the file into a node tree (no Python objects are ever constructed from tags);
we turn that tree into plain dicts, lists and scalars ourselves, recording the line and column
of every key and value so later steps can point an editor at the exact spot. The conversion
counts the nodes it produces, which bounds "billion laughs" alias expansion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000

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


class YamlError(Exception):
    """Bad input at a place in the file; `line`/`column` are 1-based."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Position:
    line: int
    column: int


@dataclass
class YamlDocument:
    """The plain data of one file plus the position of every key and value in it."""

    path: Path
    data: Any
    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> Position | None:
        """Position of `loc`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        while True:
            if loc in table:
                return table[loc]
            if key and loc in self.values:
                return self.values[loc]
            if not loc:
                return None
            loc = loc[:-1]
            table = self.values


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
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise YamlError("file is empty; expected YAML content", 1, 1)

    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(
            f"invalid YAML: {problem}",
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()

    document = YamlDocument(path=path, data=None)
    document.data = _Converter(loader, document).convert(node, ())
    return document


class _Converter:
    def __init__(self, loader: _Loader, document: YamlDocument):
        self.loader = loader
        self.document = document
        self.count = 0
        self.active: set[int] = set()

    def convert(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            top = self.document.values.get(loc[:1], _position(node))
            raise YamlError(
                f"file expands to more than {MAX_NODES:,} values (aliases repeated too often?)",
                top.line,
                top.column,
            )
        self.document.values[loc] = _position(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                raise YamlError(
                    f"unsupported tag {node.tag!r}; write plain values",
                    *_mark(node),
                )
            return self.loader.construct_object(node, deep=True)
        if id(node) in self.active:
            raise YamlError("recursive alias: a value contains itself", *_mark(node))
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                if node.tag != "tag:yaml.org,2002:seq":
                    raise YamlError(f"unsupported tag {node.tag!r}", *_mark(node))
                return [self.convert(item, (*loc, i)) for i, item in enumerate(node.value)]
            if node.tag != "tag:yaml.org,2002:map":
                raise YamlError(f"unsupported tag {node.tag!r}", *_mark(node))
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlError("keys must be plain words", *_mark(key_node))
                key = str(self.loader.construct_object(key_node))
                if key == "<<":
                    raise YamlError("merge keys (<<) are not supported", *_mark(key_node))
                if key in result:
                    raise YamlError(f"duplicate key '{key}'", *_mark(key_node))
                self.document.keys[(*loc, key)] = _position(key_node)
                result[key] = self.convert(value_node, (*loc, key))
            return result
        finally:
            self.active.discard(id(node))


_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _position(node: yaml.Node) -> Position:
    return Position(*_mark(node))
