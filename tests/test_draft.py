"""`briefing draft`: proposals from a source's words, each a verified draft; drafts shown
marked, counted by `check`, refused by publishing; a re-run adds nothing and keeps edits."""

from __future__ import annotations

import os

import yaml

from briefing import build_dossier, check_dossier
from briefing.cli import main
from briefing.draft import draft_source
from briefing.draft.quotes import find_quotations
from briefing.intake import add_source
from briefing.text.sentences import split_sentences
from sitecheck import build_site, content, page
from support import run_check
from test_intake import PAGE, project, saved


def add_to_seed(mini, text: str) -> None:
    """Add paragraphs to the end of the fixture's seed, for the draft to find."""
    seed = mini.parent / "seeds" / "port-vell.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + text, encoding="utf-8")


def drafted(tmp_path):
    dossier = project(tmp_path)
    add_source(saved(tmp_path), dossier, "gazette")
    draft_source(dossier, "gazette")
    return dossier


def test_quotes_people_and_statements_are_drafted_from_the_text_and_verify(tmp_path):
    dossier = drafted(tmp_path)
    checked = build_dossier(dossier)
    quotes = {q.text: q for q in checked.quotes}
    first = quotes["We will not hold a vote in tents,"]
    assert first.draft and first.speaker == "elena-brisk" and first.delivery == "said"
    assert first.role == "the council's chief clerk"
    # The second part of the quotation continues the speaker quoted just before.
    assert quotes["Every resident deserves a dry booth."].speaker == "elena-brisk"
    reed = checked.people["tomas-reed"]
    assert reed.draft and reed.age is not None and reed.age.years == 54
    assert [r.title for r in reed.roles] == ["Harbour pilot"]
    # Every factual sentence is cited by some draft, and every draft cites the source.
    coverage = checked.sources["gazette"].coverage
    assert coverage.share == 1.0
    dated = [e for e in checked.events if e.date.wording == "on Tuesday"]
    assert [str(e.date.date) for e in dated] == ["2021-05-11"]


def test_a_record_named_as_a_reserved_file_name_gets_a_free_id(tmp_path):
    """'PRN' cannot be a page's file name on Windows: the draft names it prn-2 and verifies."""
    dossier = project(tmp_path)
    more = "<p>A spokesman for PRN said the count would wait for the schools.</p></article>"
    add_source(saved(tmp_path, PAGE.replace("</article>", more)), dossier, "gazette")
    draft_source(dossier, "gazette")
    checked, problems = check_dossier(dossier)
    assert checked is not None, problems.report()
    assert checked.organisations["prn-2"].name == "PRN"


def test_check_counts_drafts_and_publishing_refuses_them(tmp_path, capsys):
    dossier = drafted(tmp_path)
    status, out, _ = run_check(dossier, capsys)
    assert status == 0 and "drafts not yet reviewed" in out
    status = main(["check", "--publish", str(dossier)])
    err = capsys.readouterr().err
    assert status == 1
    assert "people/elena-brisk.yml: person 'Elena Brisk'" in err
    assert "remove its 'draft: true'" in err


def test_a_rerun_adds_nothing_and_keeps_the_editors_changes(tmp_path):
    dossier = drafted(tmp_path)
    person = dossier / "people" / "elena-brisk.yml"
    edited = person.read_text(encoding="utf-8").replace("draft: true\n", "# checked by Ana\n")
    person.write_text(edited, encoding="utf-8")
    quotes = dossier / "quotes" / "quotes.yml"
    before = quotes.read_text(encoding="utf-8")
    report = draft_source(dossier, "gazette")
    assert report.lines()[0] == "drafted: nothing new"
    assert person.read_text(encoding="utf-8") == edited
    assert quotes.read_text(encoding="utf-8") == before


def test_a_rerun_finds_records_the_editors_refiled_or_named_otherwise(tmp_path):
    """A record moved to another kind, or renamed with the drafted name kept as an alias, is
    the same record to the next draft: nothing is proposed again."""
    dossier = drafted(tmp_path)
    (dossier / "groups").mkdir()  # the editors file the agency's staff as a group
    (dossier / "organisations" / "ap.yml").rename(dossier / "groups" / "ap.yml")
    person = dossier / "people" / "elena-brisk.yml"
    text = person.read_text(encoding="utf-8")
    person.write_text(
        text.replace("name: Elena Brisk", "name: E. Brisk\naliases: [Elena Brisk]"),
        encoding="utf-8",
    )
    report = draft_source(dossier, "gazette")
    assert report.lines()[0] == "drafted: nothing new", report.lines()
    assert not (dossier / "organisations" / "ap.yml").exists()


def test_drafts_are_added_to_existing_files_without_touching_their_lines(mini):
    add_to_seed(
        mini, '\nTomas Reed said the harbour "will reopen on Friday," and the quays were safe.\n'
    )
    person = mini / "people" / "tomas-reed.yml"
    quotes = mini / "quotes" / "quotes.yml"
    old_person, old_quotes = person.read_text(encoding="utf-8"), quotes.read_text(encoding="utf-8")
    draft_source(mini, "gazette")
    new_quotes = quotes.read_text(encoding="utf-8")
    assert new_quotes.startswith(old_quotes.rstrip("\n"))  # comments and layout kept
    added = yaml.safe_load(new_quotes)[-1]
    assert added["text"] == "will reopen on Friday," and added["speaker"] == "tomas-reed"
    assert person.read_text(encoding="utf-8") == old_person  # cited already: nothing to add
    dossier, problems = check_dossier(mini)
    assert dossier is not None, problems.report()


def test_a_statement_goes_into_a_profile_saved_as_yaml(mini):
    """The loader reads .yaml as .yml; so does the draft, adding to the file that is there."""
    (mini / "people" / "tomas-reed.yml").rename(mini / "people" / "tomas-reed.yaml")
    add_to_seed(mini, "\nTomas Reed is a trained hydraulic engineer.\n")
    report = draft_source(mini, "gazette")
    assert "1 statements on existing records" in report.lines()[0]
    assert not (mini / "people" / "tomas-reed.yml").exists()
    profile = (mini / "people" / "tomas-reed.yaml").read_text(encoding="utf-8")
    assert "text: Tomas Reed is a trained hydraulic engineer." in profile


def test_french_quotes_in_guillemets_are_attributed_and_sentences_split():
    text = (
        "Un Français a été tué samedi, a déclaré jeudi le ministre. «Pour certains on est très "
        "interrogatif», a ajouté Laurent Fabius. «Les plus éprouvés» rentrent, selon le "
        "ministère des Affaires étrangères."
    )
    sentences = split_sentences(text)
    assert [s.text[:12] for s in sentences] == ["Un Français ", "«Pour certai", "«Les plus ép"]
    quotations = find_quotations(text, sentences)
    assert [q.text for q in quotations] == ["Pour certains on est très interrogatif",
                                            "Les plus éprouvés"]  # fmt: skip
    assert quotations[0].attribution == "a ajouté Laurent Fabius" and quotations[0].after
    assert quotations[1].attribution == "rentrent, selon le ministère des Affaires étrangères"


def test_quotes_are_found_alike_in_a_text_saved_with_windows_line_ends():
    """A quote left open at a paragraph's end (as news copy does) stops there, LF or CRLF."""
    found = []
    for line_end in ("\n", "\r\n"):
        text = (
            'The mayor spoke on Monday. He said: "We will rebuild the harbour.' + line_end * 2
            + '"It will take a year," Tomas Reed said.'
        )  # fmt: skip
        found.append(
            [(q.text, q.attribution) for q in find_quotations(text, split_sentences(text))]
        )
    assert (
        found[0]
        == found[1]
        == [
            ("We will rebuild the harbour.", "He said:"),
            ("It will take a year,", "Tomas Reed said"),
        ]
    )


def test_scare_quotes_and_imagined_speech_are_not_quotations():
    text = 'He was buoyed by a string of "wins". His face seemed as if to say "You got me?"'
    quotations = find_quotations(text, split_sentences(text))
    assert all(q.attribution is None for q in quotations)


def test_a_draft_is_shown_marked_on_the_site_and_refused_when_published(tmp_path):
    dossier = drafted(tmp_path)
    root = dossier.parent
    (root / "mkdocs.yml").write_text(
        "site_name: Harbour\nsite_url: http://127.0.0.1:8000/\ntheme: {name: material}\n"
        "plugins: [search, {briefing: {pdf: false}}]\n",
        encoding="utf-8",
    )
    (root / "docs").mkdir()
    out = tmp_path / "site"
    result = build_site(root, out)
    assert result.returncode == 0, result.stderr
    shown = content(page(out, "people/elena-brisk/"))
    assert "Draft — not yet reviewed" in shown.select_one(".draft-note").text
    os.environ["BRIEFING_PUBLISH"] = "1"
    try:
        refused = build_site(root, tmp_path / "published")
    finally:
        del os.environ["BRIEFING_PUBLISH"]
    assert refused.returncode != 0
    assert "drafts not yet reviewed" in refused.stderr
    assert not (tmp_path / "published" / "index.html").exists()


def test_a_day_of_a_month_is_drafted_as_the_model_resolves_it():
    from briefing.draft.dates import date_in

    said = {
        "Netanyahu addressed Congress on March 3.": {
            "relative": {"month": "march", "day": 3}, "wording": "on March 3"},
        "The Palestinians will join the court on April 1.": {
            "relative": {"month": "april", "day": 1, "direction": "after"},
            "wording": "on April 1"},
        "It began March 3, 2015, in Paris.": {"value": "2015-03-03", "wording": "March 3, 2015"},
        "Il est arrivé le 3 mars à Roissy.": {
            "relative": {"month": "march", "day": 3}, "wording": "le 3 mars"},
    }  # fmt: skip
    for sentence, spec in said.items():
        found = date_in(sentence)
        assert found is not None and found.date == spec, sentence
    assert date_in("The vote of March 45 never was.") is None


def test_a_name_and_its_initials_are_one_record():
    """'the International Criminal Court' then 'the ICC', 'U.S.' then 'the United States'."""
    from briefing.draft.names import abbreviates

    assert abbreviates("ICC", "International Criminal Court")
    assert abbreviates("U.S.", "United States") and abbreviates("UN", "United Nations")
    assert abbreviates("FBI", "Federal Bureau of Investigation")
    assert not abbreviates("Iran", "Islamic Republic Area Now")  # not all capitals
    assert not abbreviates("US", "Washington")
    assert not abbreviates("I", "Israel")


def test_a_drafted_organisation_named_by_its_initials_too_is_drafted_once(mini):
    add_to_seed(
        mini,
        "\nThe Harbour Safety Board inspected the quays on Monday. The HSB said they were safe.\n",
    )
    draft_source(mini, "gazette")
    drafted = sorted(p.name for p in (mini / "organisations").iterdir())
    assert drafted == ["harbour-safety-board.yml", "port-vell-council.yml"], drafted
    board = yaml.safe_load((mini / "organisations" / "harbour-safety-board.yml").read_text())
    assert board["name"] == "Harbour Safety Board" and board["aliases"] == ["HSB"]


def test_a_sentence_a_drafted_quote_cites_gets_no_statement_too(mini):
    """The quote cites its sentence, so the sentence is covered: a statement repeating it
    would be the same words twice."""
    add_to_seed(
        mini,
        "\nAna Ruiz, the port engineer, inspected the quays on Monday.\n\n"
        '"The harbour cannot reopen this year," Ana Ruiz said.\n',
    )
    draft_source(mini, "gazette")
    quotes = yaml.safe_load((mini / "quotes" / "quotes.yml").read_text(encoding="utf-8"))
    assert any(q["text"].startswith("The harbour cannot reopen") for q in quotes)
    ruiz = yaml.safe_load((mini / "people" / "ana-ruiz.yml").read_text(encoding="utf-8"))
    said = [ruiz["summary"]["text"], *(s["text"] for s in ruiz.get("statements", []))]
    assert not any("cannot reopen" in text for text in said), said
    _, problems = check_dossier(mini)
    assert problems.errors == []
    assert not any("uncited" in str(w) for w in problems.warnings)
