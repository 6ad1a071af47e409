"""Each kind of bad input gives a clear error naming file and line, and exit status 1."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from support import edit, run_check, synthetic


def assert_error(capsys, dossier: Path, file: str, line: int, *needles: str) -> str:
    status, _, err = run_check(dossier, capsys)
    assert status == 1, err
    assert "Traceback" not in err
    matching = [ln for ln in err.splitlines() if ln.startswith(f"{file}:{line}:")]
    assert matching, f"no error at {file}:{line} in:\n{err}"
    for needle in needles:
        assert any(needle in ln for ln in matching), f"{needle!r} not in {matching}"
    return err


def test_fixture_dossier_is_valid(mini, capsys):
    status, out, err = run_check(mini, capsys)
    assert status == 0, err
    assert "100% of factual sentences cited (5/5)" in out
    assert "0 warnings" in out


def test_unknown_field_suggests_the_right_one(mini, capsys):
    edit(mini / "people/tomas-reed.yml", "name: Tomas Reed", "nmae: Tomas Reed")
    err = assert_error(
        capsys,
        mini,
        "dossier/people/tomas-reed.yml",
        3,
        "unknown field 'nmae'",
        "did you mean 'name'?",
    )
    assert "missing required field 'name'" in err


def test_wrong_type_names_expected_and_found(mini, capsys):
    edit(mini / "people/elena-brisk.yml", "years: 52", "years: fifty-two")
    assert_error(
        capsys,
        mini,
        "dossier/people/elena-brisk.yml",
        10,
        "age.years",
        "expected a whole number",
        "'fifty-two'",
    )


def test_missing_required_field(mini, capsys):
    edit(mini / "organisations/port-vell-council.yml", "name: Port Vell town council\n", "")
    assert_error(
        capsys,
        mini,
        "dossier/organisations/port-vell-council.yml",
        2,
        "missing required field 'name'",
    )


def test_duplicate_ids_point_at_both_places(mini, capsys):
    edit(mini / "events/timeline.yml", "- id: date-moved", "- id: vote-delayed")
    assert_error(
        capsys,
        mini,
        "dossier/events/timeline.yml",
        27,
        "duplicate id 'vote-delayed'",
        "already used by an event at dossier/events/timeline.yml:18",
    )


def test_dangling_reference_suggests_a_close_id(mini, capsys):
    edit(mini / "quotes/quotes.yml", "speaker: tomas-reed", "speaker: tomas-red")
    assert_error(
        capsys,
        mini,
        "dossier/quotes/quotes.yml",
        4,
        "unknown actor 'tomas-red'",
        "did you mean 'tomas-reed'?",
    )


def test_a_reference_by_a_name_the_record_goes_by_suggests_its_id(mini, capsys):
    """'reed' is too far from the id 'tomas-reed' to be a typing slip, but it is the name he
    goes by, Reed: the hint names him."""
    edit(mini / "people/tomas-reed.yml", "name: Tomas Reed", "name: Tomas Reed\naliases: [Reed]")
    edit(mini / "quotes/quotes.yml", "speaker: tomas-reed", "speaker: reed")
    assert_error(
        capsys,
        mini,
        "dossier/quotes/quotes.yml",
        4,
        "unknown actor 'reed'",
        "did you mean 'tomas-reed' (named 'Reed')?",
    )


def test_reference_to_the_wrong_kind(mini, capsys):
    edit(mini / "events/timeline.yml", "places: [port-vell]", "places: [elena-brisk]")
    assert_error(capsys, mini, "dossier/events/timeline.yml", 33, "is a person, but a place")


def test_invalid_date(mini, capsys):
    edit(mini / "events/timeline.yml", "value: 2021-06,", "value: 2021-13,")
    assert_error(capsys, mini, "dossier/events/timeline.yml", 11, "month 13")


def test_id_unsafe_as_file_name(mini, capsys):
    edit(mini / "people/tomas-reed.yml", "id: tomas-reed", "id: Tomas_Reed")
    assert_error(capsys, mini, "dossier/people/tomas-reed.yml", 2, "invalid id", "'tomas-reed'")


def test_reserved_id(mini, capsys):
    (mini / "people/tomas-reed.yml").rename(mini / "people/con.yml")
    edit(mini / "people/con.yml", "id: tomas-reed", "id: con")
    assert_error(capsys, mini, "dossier/people/con.yml", 2, "reserved")


def test_id_must_match_file_name(mini, capsys):
    edit(mini / "people/tomas-reed.yml", "id: tomas-reed", "id: tom-reed")
    assert_error(capsys, mini, "dossier/people/tomas-reed.yml", 2, "rename the file")


def test_empty_file(mini, capsys):
    (mini / "places/empty.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert_error(capsys, mini, "dossier/places/empty.yml", 1, "file is empty")


def test_passage_not_in_source_shows_the_real_words(mini, capsys):
    edit(
        mini / "groups/residents.yml",
        "cite: About 4,000 residents are",
        "cite: About 5,000 residents are",
    )
    assert_error(
        capsys,
        mini,
        "dossier/groups/residents.yml",
        7,
        "passage not found",
        "the source has: 'About 4,000 residents are eligible to vote.'",
    )


def test_ambiguous_passage_needs_prefix_or_suffix(mini, capsys):
    edit(
        mini / "places/port-vell.yml",
        "cite: The town of Port Vell said Tuesday it had delayed the harbour vote",
        "cite: vote",
    )
    err = assert_error(
        capsys, mini, "dossier/places/port-vell.yml", 7, "occurs", "add a 'prefix' or 'suffix'"
    )
    assert "occurs 3 times" in err and "(lines 1, 11, 12)" in err


def test_prefix_picks_one_occurrence(mini, capsys):
    edit(
        mini / "places/port-vell.yml",
        "cite: The town of Port Vell said Tuesday it had delayed the harbour vote",
        "cite: {exact: vote, prefix: delayed the harbour, suffix: after a storm}",
    )
    status, _, err = run_check(mini, capsys)
    assert status == 0, err


def test_matching_forgives_wrapping_and_curly_quotes_only(mini, capsys):
    edit(
        mini / "people/elena-brisk.yml",
        'cite: called the storm "the worst in living memory."',
        'cite: "called  the storm\\n \u201cthe worst in\\nliving memory.\u201d"',
    )
    status, _, err = run_check(mini, capsys)
    assert status == 0, err
    edit(mini / "people/elena-brisk.yml", "called  the storm", "Called the storm")
    assert_error(capsys, mini, "dossier/people/elena-brisk.yml", 23, "passage not found")


def test_quote_must_lie_inside_its_passage(mini, capsys):
    edit(mini / "quotes/quotes.yml", "text: We will rebuild", "text: We shall rebuild")
    assert_error(capsys, mini, "dossier/quotes/quotes.yml", 3, "quote text is not inside")


def test_quote_role_must_be_given_by_the_source(mini, capsys):
    edit(mini / "quotes/quotes.yml", "role: harbour master", "role: port captain")
    assert_error(capsys, mini, "dossier/quotes/quotes.yml", 5, "role 'port captain'")


def test_not_utf8(mini, capsys):
    path = mini / "places/port-vell.yml"
    path.write_bytes(path.read_bytes().replace(b"name: Port Vell", b"name: Port V\xe9ll"))
    assert_error(capsys, mini, "dossier/places/port-vell.yml", 3, "not UTF-8")


def test_byte_order_mark_is_tolerated(mini, capsys):
    path = mini / "places/port-vell.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    status, _, err = run_check(mini, capsys)
    assert status == 0, err


def test_yaml_syntax_error(mini, capsys):
    edit(mini / "people/tomas-reed.yml", "roles:", "roles: [")
    err = assert_error(capsys, mini, "dossier/people/tomas-reed.yml", 8, "invalid YAML")
    assert "unknown" not in err  # a broken file does not make references to it dangle


def test_no_python_objects_from_yaml(mini, capsys):
    edit(
        mini / "people/tomas-reed.yml",
        "name: Tomas Reed",
        "name: !!python/object/apply:os.system [echo hi]",
    )
    assert_error(capsys, mini, "dossier/people/tomas-reed.yml", 3, "unsupported tag")


def test_alias_bomb_is_stopped(mini, capsys):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    (mini / "places/bomb.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_error(capsys, mini, "dossier/places/bomb.yml", 5, "more than 100,000 values")


def test_oversized_file(mini, capsys):
    (mini / "places/huge.yml").write_text(
        "id: huge\nname: " + "x" * 1_100_000 + "\n", encoding="utf-8"
    )
    status, _, err = run_check(mini, capsys)
    assert status == 1
    assert "dossier/places/huge.yml: error: file is 1,100,016 bytes; the limit is 1,000,000" in err


def test_all_errors_reported_together_sorted_by_file_and_line(mini, capsys):
    edit(mini / "quotes/quotes.yml", "speaker: elena-brisk", "speaker: elena-brisc")
    edit(mini / "quotes/quotes.yml", "speaker: tomas-reed", "speaker: tomas-red")
    edit(mini / "people/tomas-reed.yml", "name: Tomas Reed", "nmae: Tomas Reed")
    status, _, err = run_check(mini, capsys)
    assert status == 1
    located = [ln.split(": error")[0] for ln in err.splitlines() if ": error" in ln]
    assert located == [
        "dossier/people/elena-brisk.yml:24:13",  # waits for tomas-reed.yml to be fixed
        "dossier/people/tomas-reed.yml:2:1",
        "dossier/people/tomas-reed.yml:3:1",
        "dossier/quotes/quotes.yml:4:12",
        "dossier/quotes/quotes.yml:10:12",
    ]


def test_command_line_exit_codes_without_traceback(mini, tmp_path):
    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "briefing", *args], capture_output=True, text=True
        )

    assert run("check", str(mini)).returncode == 0
    edit(mini / "people/tomas-reed.yml", "name: Tomas Reed", "nmae: Tomas Reed")
    broken = run("check", str(mini))
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert "unknown field 'nmae'" in broken.stderr
    missing = run("check", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no dossier folder" in missing.stderr
    assert run("frobnicate").returncode == 2


def add_to_source(dossier: Path, text: str) -> None:
    """Sentences appended to the fixture's source, as a paragraph of their own (line 19)."""
    seed = dossier.parent / "seeds" / "port-vell.txt"
    seed.write_text(seed.read_text() + f"\n{text}\n")


def list_as_uncited(dossier: Path, *entries: tuple[str, str]) -> None:
    """(sentence, reason) entries appended to dossier.yml's `uncited` list (from line 17)."""
    listed = "".join(
        f"  - sentence: {sentence}\n    reason: {reason}\n" for sentence, reason in entries
    )
    meta = dossier / "dossier.yml"
    meta.write_text(meta.read_text() + "uncited:\n" + listed)


def test_an_uncited_sentence_is_a_warning_until_listed_with_its_reason(mini, capsys):
    add_to_source(mini, "The ferry to the mainland runs twice a day.")
    status, out, err = run_check(mini, capsys)
    assert status == 0, err
    assert (
        "seeds/port-vell.txt:19: warning: sentence not cited by any statement: 'The ferry to "
        "the mainland runs twice a day.'; cite it, or list it under 'uncited' in dossier.yml"
    ) in err
    assert "83% of factual sentences cited (5/6)" in out and "1 warning" in out

    list_as_uncited(
        mini, ("The ferry to the mainland", "Background the briefing does not rely on.")
    )
    status, out, err = run_check(mini, capsys)
    assert status == 0, err
    assert "(Background the briefing does not rely on.)" in out and "0 warnings" in out


def test_a_source_paragraph_opening_with_a_full_stop_is_read_not_a_crash(mini, capsys):
    # A paragraph opening with ". " (a stray mark from a copied page) once made the sentence
    # splitter look for a word before it, find none, and end `check` with a traceback.
    add_to_source(mini, ". The ferry to the mainland runs twice a day.")
    status, out, err = run_check(mini, capsys)
    assert status == 0, err
    assert "sentence not cited by any statement: 'The ferry to the mainland runs" in err


def test_a_listed_uncited_sentence_must_be_in_the_source_and_uncited(mini, capsys):
    list_as_uncited(
        mini, ("About 4,000 residents", "Cited."), ("About 5,000 residents", "Not in the source.")
    )
    err = assert_error(
        capsys, mini, "dossier/dossier.yml", 20, "uncited sentence not found in source 'gazette'"
    )
    assert (
        "dossier/dossier.yml:18:15: warning: uncited[0].sentence: sentence listed as uncited is "
        "cited (citations 2, 12); remove it from 'uncited'"
    ) in err


def test_a_citation_without_its_source_names_a_few_of_many_sources(tmp_path, capsys):
    project = synthetic(7, tmp_path / "seven", articles=7)
    person = project / "dossier" / "people" / "p00002.yml"
    edit(person, '"source": "report-002",\n', "")  # the summary's citation, from line 7
    err = assert_error(
        capsys,
        project / "dossier",
        "dossier/people/p00002.yml",
        7,
        "summary.cite[0]: citation needs a 'source': the dossier has several sources "
        "(report-000, report-001, report-002, report-003, report-004 and 2 more)",
    )
    assert "report-005" not in err


def test_opening_words_in_the_uncited_list_take_the_first_sentence_they_open(mini, capsys):
    add_to_source(
        mini,
        "The ferry to the mainland stops in winter. The ferry to the mainland runs twice a day.",
    )
    list_as_uncited(mini, ("The ferry to the mainland", "Background."))
    status, out, err = run_check(mini, capsys)
    assert status == 0, err
    assert "uncited: 'The ferry to the mainland stops in winter.' (Background.)" in out
    assert "sentence not cited by any statement: 'The ferry to the mainland runs twice" in err


def test_a_changed_source_reports_every_broken_citation_with_the_new_words(tmp_path, capsys):
    project = synthetic(40, tmp_path / "forty")
    from generate import change_sources  # on the path since `synthetic`

    change_sources(project)  # "joined" becomes "entered" throughout
    status, _, err = run_check(project / "dossier", capsys)
    assert status == 1
    # The sentence saying a person joined their council is cited by a statement, their event
    # and their relation; a council's summary cites its first member's, and so does at a glance.
    broken = [line for line in err.splitlines() if "passage not found" in line]
    assert len(broken) == 40 * 3 + 4 + 1
    for line in broken:
        passage, hint = line.split(": '", 1)[1].split("'; the source has: '")
        # The same person's new words, not a longer sentence of theirs sharing a few more
        # letters ("declined to comment on the future of Council 0002").
        person = re.search(r"\d{5}", passage).group()
        assert f"{person} entered Council" in hint and "declined" not in hint


# 'councel-0001' is as close to 'council-0001' as the sibling 'council-0000' is; the hint
# must name the renamed record, not the one that sorts last.
@pytest.mark.parametrize("new_id", ["council-0001a", "councel-0001"])
def test_a_renamed_record_reports_every_reference_with_its_new_id(tmp_path, capsys, new_id):
    project = synthetic(20, tmp_path / "twenty", every_kind=True)
    edit(project / "dossier/organisations/council-0001.yml", '"council-0001"', f'"{new_id}"')
    status, _, err = run_check(project / "dossier", capsys)
    assert status == 1
    unknown = [line for line in err.splitlines() if "'council-0001'" in line]
    # Each of ten members' event, relation (and whose claim it is), affiliation and two
    # statements about the council; their group's affiliation.
    assert len(unknown) == 10 * 6 + 1
    kinds = {line.split(": unknown ")[1].split()[0] for line in unknown}
    assert kinds == {"actor", "entity", "organisation"}
    assert all(line.endswith(f"; did you mean '{new_id}'?") for line in unknown)


def test_an_unknown_id_as_close_to_two_records_names_both(tmp_path, capsys):
    project = synthetic(20, tmp_path / "twenty", every_kind=True)
    people = project / "dossier/people"
    (people / "p00010.yml").rename(people / "x00010.yml")
    edit(people / "x00010.yml", '"p00010"', '"x00010"')
    status, _, err = run_check(project / "dossier", capsys)
    assert status == 1
    hints = {line.split(": unknown ")[1] for line in err.splitlines() if "'p00010'" in line}
    # An entity may be the person's event 'e00010' as well as the person, one letter off
    # each; an actor can only be the person.
    assert hints == {
        "entity 'p00010'; did you mean 'e00010' or 'x00010'?",
        "actor 'p00010'; did you mean 'x00010'?",
    }


def test_a_seed_not_in_utf8_gives_one_error_not_one_for_each_citation(mini, capsys):
    seed = mini.parent / "seeds" / "port-vell.txt"
    seed.write_bytes(seed.read_bytes().replace(b"Mayor Elena", b"Mayor \xc9lena"))
    status, _, err = run_check(mini, capsys)
    assert status == 1 and err.count("error:") == 1, err
    assert (
        "dossier/sources/gazette.yml:3:7: error: seed: seed file 'port-vell.txt' is not UTF-8 "
        "text: byte 0xc9 on line 4 of seeds/port-vell.txt cannot be read; save it as UTF-8"
    ) in err


def test_a_control_character_in_a_seed_is_refused_at_its_line_once(mini, capsys):
    seed = mini.parent / "seeds" / "port-vell.txt"
    seed.write_text(seed.read_text().replace("Harbour plan", "Harbour\x0cplan"))
    status, _, err = run_check(mini, capsys)
    assert status == 1 and err.count("error:") == 1, err
    assert "seeds/port-vell.txt:9:8: error: control character (U+000C FORM FEED)" in err


def test_a_control_character_in_yaml_is_refused_with_its_file_and_line(mini, capsys):
    edit(mini / "people/tomas-reed.yml", "name: Tomas Reed", 'name: "Tomas\\0 Reed"')
    assert_error(capsys, mini, "dossier/people/tomas-reed.yml", 3, "(U+0000 NULL)")


@pytest.mark.parametrize("passage_form", ["NFD", "NFC"])
def test_passages_and_seeds_agree_however_their_accents_were_typed(mini, capsys, passage_form):
    """The seed in one normal form, the passage in the other: read in NFC, they match."""
    import unicodedata

    seed = mini.parent / "seeds" / "port-vell.txt"
    seed_form = "NFC" if passage_form == "NFD" else "NFD"
    seed.write_text(
        seed.read_text().replace("Elena Brisk", unicodedata.normalize(seed_form, "Eléna Brisk"))
    )
    for path in mini.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("Elena Brisk", unicodedata.normalize(passage_form, "Eléna Brisk")),
            encoding="utf-8",
        )
    status, out, err = run_check(mini, capsys)
    assert status == 0, err
    assert "23 citations verified" in out


def test_a_passage_that_looks_right_names_the_characters_that_differ(mini, capsys):
    cyrillic_a = "\u0430"
    edit(mini / "people/tomas-reed.yml", "cite: harbour master", f"cite: h{cyrillic_a}rbour master")
    assert_error(
        capsys,
        mini,
        "dossier/people/tomas-reed.yml",
        9,
        "passage not found",
        f"they part at 'h{cyrillic_a}rbour', where the source has 'harbour': the passage has "
        f"'{cyrillic_a}' (U+0430 CYRILLIC SMALL LETTER A) where the source has 'a' "
        "(U+0061 LATIN SMALL LETTER A)",
    )
