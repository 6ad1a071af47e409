"""YAML written as an editor writes it, for `add-source` and `draft`: small mappings on one
line, long text folded, and the comments of a file that already exists kept (ruamel.yaml's
round trip). Reading for checking stays in `load.yamlfile`; this module only writes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

WIDTH = 96  # the dossier's files keep to about this width
_FLOW_AT_MOST = 84  # a mapping or list of plain values this short stays on one line


def round_trip() -> YAML:
    yaml = YAML()  # round-trip mode: comments, order and quoting are kept
    yaml.width = 4096  # existing lines stay as the editor broke them; new text is folded here
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def read(path: Path) -> Any:
    """A file's data with its comments, for adding to it."""
    return round_trip().load(path.read_text(encoding="utf-8"))


def dumps(data: Any, header: str = "") -> str:
    """The YAML text of `data` (plain or from `read`), after `header` comment lines."""
    stream = io.StringIO()
    round_trip().dump(data, stream)
    text = stream.getvalue()
    if isinstance(data, list):  # a list file's entries start at the margin: "- id: ..."
        text = "".join(
            line[2:] if line.startswith("  ") else line for line in text.splitlines(True)
        )
    return comment_lines(header) + text


def comment_lines(header: str) -> str:
    """`header` as YAML comment lines."""
    return "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())


def write(path: Path, data: Any, header: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(data, header), encoding="utf-8")


def styled(value: Any, indent: int = 0) -> Any:
    """Plain data made into ruamel's nodes, laid out as the dossier's files are.

    `indent` is the column the value starts at, so a folded string is cut to fit the width.
    """
    if isinstance(value, dict):
        if _flat(value) and indent + len(_one_line(value)) <= _FLOW_AT_MOST:
            mapping = CommentedMap(value)
            mapping.fa.set_flow_style()
            return mapping
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = styled(item, indent + 2)
        return mapping
    if isinstance(value, list):
        if all(isinstance(item, str) and len(item) < 40 for item in value) and value:
            sequence = CommentedSeq(value)
            if indent + len(_one_line(value)) <= _FLOW_AT_MOST:
                sequence.fa.set_flow_style()
            return sequence
        return CommentedSeq(styled(item, indent + 4) for item in value)
    if isinstance(value, str) and len(value) + indent + 8 > WIDTH and "  " not in value:
        return _folded(value, WIDTH - indent - 4)
    return value


def comment_before(mapping: CommentedMap, key: str, text: str, indent: int = 0) -> None:
    """A comment line above a key, to flag its value for the editor."""
    mapping.yaml_set_comment_before_after_key(key, before=text, indent=indent)


def _flat(value: dict[str, Any]) -> bool:
    return all(isinstance(v, (str, int, bool)) and "\n" not in str(v) for v in value.values())


def _one_line(value: dict[str, Any] | list[Any]) -> str:
    """About how the value reads in flow style: {key: value, ...} or [a, b]."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"key: '{v}'" for v in value.values()) + "}" + " " * len(value)
    return "[" + ", ".join(f"'{v}'" for v in value) + "]"


def _folded(text: str, width: int) -> FoldedScalarString:
    """`>-` text folded at spaces near `width` (folding turns each break back into a space)."""
    folded = FoldedScalarString(text)
    positions, line_start = [], 0
    for at, char in enumerate(text):
        if char == " " and at - line_start >= width - 12 and text[at + 1 : at + 2] not in (" ", ""):
            positions.append(at)
            line_start = at + 1
    folded.fold_pos = positions  # ruamel breaks the lines there when dumping
    return folded  # type: ignore[no-any-return]  # ruamel's str subclass is untyped
