"""Compiled templates are reused between builds, never mixed up between settings."""

from pathlib import Path

import jinja2
import pytest

from briefing.site.templatecache import use_template_cache

TEMPLATE = "{% if true %}\nshown\n{% endif %}\n"


def _environment(folder: Path, cache: Path, **settings) -> jinja2.Environment:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), **settings)
    return use_template_cache(environment, str(cache))


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text(TEMPLATE)
    return tmp_path / "templates"


def test_a_second_build_uses_the_compiled_template(templates: Path, tmp_path: Path, monkeypatch):
    first = _environment(templates, tmp_path / "cache")
    assert first.get_template("page.html").render() == "\nshown\n"
    assert list((tmp_path / "cache").iterdir()), "nothing was written to the cache"

    second = _environment(templates, tmp_path / "cache")

    def no_compiling(*args, **kwargs):
        raise AssertionError("the template was compiled again")

    monkeypatch.setattr(second, "compile", no_compiling)
    assert second.get_template("page.html").render() == "\nshown\n"


def test_an_edited_template_is_compiled_afresh(templates: Path, tmp_path: Path):
    assert _environment(templates, tmp_path / "cache").get_template("page.html").render()
    (templates / "page.html").write_text("edited\n")
    assert _environment(templates, tmp_path / "cache").get_template("page.html").render() == (
        "edited"
    )


def test_other_settings_never_get_a_template_compiled_under_different_ones(
    templates: Path, tmp_path: Path
):
    plain = _environment(templates, tmp_path / "cache")
    trimmed = _environment(templates, tmp_path / "cache", trim_blocks=True)
    assert plain.get_template("page.html").render() == "\nshown\n"
    assert trimmed.get_template("page.html").render() == "shown\n"


def test_without_a_usable_cache_folder_templates_still_render(templates: Path, tmp_path: Path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    environment = _environment(templates, blocked / "cache")
    assert environment.get_template("page.html").render() == "\nshown\n"
