"""Reading one YAML file safely, remembering where each value stands."""

from __future__ import annotations

import pytest

from briefing.load.yamlfile import MAX_DEPTH, YamlError, read_yaml


def write(tmp_path, text: str):
    path = tmp_path / "file.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_positions_of_values_and_keys_are_found_when_asked(tmp_path):
    document = read_yaml(write(tmp_path, "name: A\nroles:\n  - title: Mayor\n    cite: x\n"))
    assert document.data == {"name": "A", "roles": [{"title": "Mayor", "cite": "x"}]}
    assert document.position(("roles", 0, "cite")) == (4, 11)
    assert document.position(("roles", 0, "cite"), key=True) == (4, 5)
    # A path that leaves the tree points at the nearest value it reaches.
    assert document.position(("roles", 0, "start", "value")) == (3, 5)


def test_scalars_read_as_editors_expect(tmp_path):
    """Only true/false are booleans and dates stay text: a country code NO, an EDTF date."""
    data = read_yaml(write(tmp_path, "code: NO\nwhen: 2022-11-17\nmain: true\nage: 52\n")).data
    assert data == {"code": "NO", "when": "2022-11-17", "main": True, "age": 52}


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: 1\na: 2\n", "duplicate key 'a'", 2),
        ("a: !!python/object:os.system x\n", "unsupported tag", 1),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "merge keys (<<) are not supported", 3),
        ("", "file is empty", 1),
        ("a: [1, 2\n", "invalid YAML", 2),
    ],
)
def test_what_editors_should_not_write_is_refused_at_its_line(tmp_path, text, message, line):
    with pytest.raises(YamlError) as refused:
        read_yaml(write(tmp_path, text))
    assert message in refused.value.message
    assert refused.value.line == line


def test_a_file_not_in_utf8_names_the_byte_and_where_it_is(tmp_path):
    path = tmp_path / "file.yml"
    path.write_bytes(b"name: ok\nplace: Z\xfcrich\n")
    with pytest.raises(YamlError) as refused:
        read_yaml(path)
    assert "byte 0xfc cannot be decoded" in refused.value.message
    assert (refused.value.line, refused.value.column) == (2, 9)


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("text: Read: the press secretary\n", "if the colon is part of the text, put the whole"),
        ("a:\n\tb: 1\n", "YAML is indented with spaces, not tabs"),
        ("a: @handle\n", "a value cannot begin with '@'; put the text in quotes"),
        ("a: *bold* text\n", "a value beginning with * is read as a reference"),
        ('a: "unclosed\nb: 2\n', "a quoted text is not closed"),
        ("a: 'it's'\n", "inside single quotes write '' for '"),
    ],
)
def test_a_syntax_error_says_its_usual_cause_in_words(tmp_path, text, cause):
    with pytest.raises(YamlError) as refused:
        read_yaml(write(tmp_path, text))
    assert refused.value.message.startswith("invalid YAML: ")
    assert cause in refused.value.message


@pytest.mark.parametrize(
    ("text", "named", "line"),
    [
        ('name: "Tomas\\0 Reed"\n', "(U+0000 NULL)", 1),
        ("id: x\nnote: |\n  one\n  two\x0c\n", "(U+000C FORM FEED)", 4),
        ('id: x\nnote: "bell \\a"\n', "(U+0007 BELL)", 2),
        ('id: x\n"key\\x08": 1\n', "(U+0008 BACKSPACE)", 2),
        ('id: x\nquote: "It\\x92s"\n', "stands for '\u2019'", 2),
    ],
)
def test_a_control_character_in_text_is_refused_at_its_line(tmp_path, text, named, line):
    """Tab and line breaks may stand in text; no other control character, escaped or not."""
    with pytest.raises(YamlError) as refused:
        read_yaml(write(tmp_path, text))
    assert "control character" in refused.value.message
    assert named in refused.value.message
    assert refused.value.line == line


def test_tabs_and_line_breaks_stay_and_text_is_read_in_nfc(tmp_path):
    data = read_yaml(write(tmp_path, 'a: "one\\ttwo"\nb: |\n  x\n  y\nc: "Zu\u0308rich"\n')).data
    assert data == {"a": "one\ttwo", "b": "x\ny\n", "c": "Z\u00fcrich"}


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 490, 999, 1000, 5000])
def test_values_nested_past_the_one_limit_are_refused_with_a_message(tmp_path, depth):
    """Past ~490 levels Python's recursion gave out, past 1,000 libyaml: one limit before both."""
    with pytest.raises(YamlError) as refused:
        read_yaml(write(tmp_path, "id: x\nv: " + "[" * depth + "]" * depth + "\n"))
    assert f"values nested more than {MAX_DEPTH} levels deep" in refused.value.message
    assert refused.value.line == 2


def test_values_nested_to_the_limit_are_read(tmp_path):
    lists = MAX_DEPTH - 1  # inside the file's mapping, the first level
    value, levels = read_yaml(write(tmp_path, "v: " + "[" * lists + "]" * lists + "\n")).data, 0
    while value:
        value, levels = (value["v"] if isinstance(value, dict) else value[0]), levels + 1
    assert levels == MAX_DEPTH - 1 and value == []
