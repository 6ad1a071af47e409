"""Publishing a finished build in place of the last one."""

from __future__ import annotations

from briefing.mkdocs.publish import discard, publish, staging_folder


def test_the_staging_folder_is_emptied_and_replaces_the_site_when_published(tmp_path):
    site = tmp_path / "build"
    site.mkdir()
    (site / "old.html").write_text("old")
    staging = staging_folder(str(site))
    assert staging == tmp_path / "build.staging" and not staging.exists()
    staging.mkdir()
    (staging / "new.html").write_text("new")
    publish(staging, site)
    assert [p.name for p in site.iterdir()] == ["new.html"]
    assert not staging.exists() and not (tmp_path / "build.old").exists()


def test_what_a_failed_build_wrote_is_discarded_and_the_site_kept(tmp_path):
    site = tmp_path / "build"
    site.mkdir()
    (site / "index.html").write_text("good")
    staging = staging_folder(str(site))
    staging.mkdir()
    (staging / "half.html").write_text("half")
    discard(staging)
    assert not staging.exists() and (site / "index.html").read_text() == "good"
