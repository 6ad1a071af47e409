"""Generate a synthetic dossier project of N people, for benchmarks.

Every person has ~10 statements, one event, one quote and one relation (part of their
council), each citing a sentence of a generated source text that really contains it; there is
one organisation and one place per ten people. The project (mkdocs.yml, docs/, dossier/,
seeds/) builds like the real one.

With --every-kind it also holds what the default leaves out, in proportion to N: a group and
a key figure per ten people, each person's place and affiliation, statements about other
records, every second event superseded by the one before, every relation attributed to the
council, and one sentence a person deliberately left uncited, with its reason.

    python benchmarks/generate.py N FOLDER [ARTICLES] [--every-kind]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

FIRST = [
    "Aliya",
    "Bolat",
    "Dana",
    "Erlan",
    "Gulnara",
    "Marat",
    "Nurlan",
    "Saule",
    "Timur",
    "Zarina",
]
LAST = ["Abenov", "Bekova", "Dosov", "Ermekova", "Iskakov", "Kenzhe", "Mukanov", "Nurova", "Sadyk"]
ROLES = ["minister", "governor", "banker", "judge", "editor", "analyst", "mayor", "diplomat"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def person_name(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i:05d}"


def sentences_for(i: int) -> list[str]:
    """Ten sentences about person i; the zero-padded number makes every one unique."""
    name, role = person_name(i), ROLES[i % len(ROLES)]
    org, place = f"Council {i // 10:04d}", f"Province {i // 10:04d}"
    year = 1990 + i % 30
    return [
        f"{name} served as {role} of {place} from {year}.",
        f"In {MONTHS[i % 12]} {year + 1}, {name} joined {org}.",
        f"Colleagues describe {name} as careful and quiet in public.",
        f"{name} opposed the budget plan of {org} in its first reading.",
        f"A court in {place} heard a complaint about {name} in {year + 2}.",
        f"{name} wrote a report on water prices in {place}.",
        f"The report by {name} was cited by {org} in {year + 3}.",
        f'"We need roads before we need speeches," {name} said at a meeting.',
        f"Supporters of {name} gathered in {place} after the meeting.",
        f"{name} declined to comment on the future of {org}.",
    ]


def write(n: int, folder: Path, articles: int = 1, every_kind: bool = False) -> dict[str, int]:
    """Write the project; return counts (people, citations, words of source).

    With `articles` > 1 the people are reported in that many source articles, in turn, as a
    dossier gathered from many reports would be; each citation then names its source. With
    `every_kind` the dossier also holds the kinds of record and field listed at the top.
    """
    assert 1 <= articles <= n
    dossier = folder / "dossier"
    folders = ["sources", "people", "organisations", "places", "events", "quotes", "relations"]
    for sub in folders + ["groups"] * every_kind:
        (dossier / sub).mkdir(parents=True, exist_ok=True)
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    (folder / "docs").mkdir(parents=True, exist_ok=True)

    def article(i: int) -> int:
        return i * articles // n

    source_ids = ["report"] if articles == 1 else [f"report-{a:03d}" for a in range(articles)]
    seeds = (
        ["synthetic.txt"] if articles == 1 else [f"article-{a:03d}.txt" for a in range(articles)]
    )

    def cite(passage: str, i: int) -> str | dict[str, str]:
        """A citation of one of person i's sentences: the passage, with its source if several."""
        return passage if articles == 1 else {"source": source_ids[article(i)], "exact": passage}

    paragraphs: list[list[str]] = [[] for _ in range(articles)]
    for i in range(n):
        paragraphs[article(i)].append("\n".join(_wrap(" ".join(sentences_for(i)))))
    words = 0
    for seed, article_paragraphs in zip(seeds, paragraphs, strict=True):
        text = "\n\n".join(article_paragraphs) + "\n"
        (folder / "seeds" / seed).write_text(text, encoding="utf-8")
        words += len(text.split())

    def dump(path: Path, data) -> None:
        # JSON is valid YAML and quick to write; the loader reads it as YAML.
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    firsts = {article(i): i for i in reversed(range(n))}  # each article's first person
    for a, source_id in enumerate(source_ids):
        title = "the synthetic report" if articles == 1 else f"synthetic report {a:03d}"
        dump(dossier / "sources" / f"{source_id}.yml", {
            "id": source_id, "seed": seeds[a], "title": title,
            "date": {"value": "2022-11-17", "cite": cite(sentences_for(firsts[a])[0], firsts[a]),
                     "inference": "Benchmark data: the date is made up."},
        })  # fmt: skip
    glance = [sentences_for(0)[k] for k in (0, 1, 3)]
    citations = len(glance) + articles
    events, quotes, relations, figures, uncited = [], [], [], [], []
    for i in range(n):
        s = sentences_for(i)
        pid, org, place = f"p{i:05d}", f"council-{i // 10:04d}", f"province-{i // 10:04d}"
        joined, province = s[1].split(", ", 1)[1], s[0].split(" of ", 1)[1]
        person = {
            "id": pid, "name": person_name(i), "main": i < 3,
            "summary": {"text": s[0], "cite": cite(s[0], i)},
            "roles": [{"title": ROLES[i % len(ROLES)], "cite": cite(s[0], i)}],
            "statements": [{"text": t, "cite": cite(t, i)} for t in s[1:7] + s[8:]],
        }  # fmt: skip
        if every_kind:
            about = {3: [org], 4: [place], 6: [org]}
            person["statements"] = [
                {"text": s[k], "cite": cite(s[k], i), "about": about.get(k, [])}
                for k in (1, 3, 4, 5, 6, 8, 9)
            ]
            person["based_in"] = [{"place": place, "cite": cite(province, i)}]
            person["affiliations"] = [{"organisation": org, "cite": cite(joined, i)}]
            uncited.append({"sentence": s[2], "reason": "Colour, not fact."})
            if articles > 1:
                uncited[-1]["source"] = source_ids[article(i)]
        dump(dossier / "people" / f"{pid}.yml", person)
        citations += 2 + len(person["statements"]) + 2 * every_kind
        events.append({
            "id": f"e{i:05d}", "title": f"{person_name(i)} joins {org.title()}",
            "date": {"value": f"{1991 + i % 30}-{i % 12 + 1:02d}", "wording": s[1].split(",")[0]},
            "participants": [pid, org], "places": [place],
            "summary": {"text": s[1], "cite": cite(s[1], i)},
        })  # fmt: skip
        quotes.append({
            "id": f"q{i:05d}", "text": "We need roads before we need speeches,", "speaker": pid,
            "delivery": "said at a meeting", "cite": cite(s[7], i),
        })  # fmt: skip
        relations.append({
            "subject": pid, "kind": "member-of", "object": org, "cite": cite(joined, i),
        })  # fmt: skip
        citations += 3
        if every_kind:
            if i % 2:
                events[-1] |= {"status": "superseded", "superseded_by": f"e{i - 1:05d}"}
            relations[-1]["according_to"] = org
        if every_kind and i % 10 == 0:
            dump(dossier / "groups" / f"supporters-{i // 10:04d}.yml", {
                "id": f"supporters-{i // 10:04d}", "name": f"Supporters of {person_name(i)}",
                "summary": {"text": s[8], "cite": cite(s[8], i)},
                "affiliations": [{"organisation": org, "cite": cite(joined, i)}],
                "based_in": [{"place": place, "cite": cite(s[8], i)}],
            })  # fmt: skip
            figures.append({
                "value": str(1990 + i % 30), "label": f"the year {person_name(i)} took office",
                "cite": cite(s[0], i), "about": [pid],
            })  # fmt: skip
            citations += 4
        if i % 10 == 0:
            dump(dossier / "organisations" / f"{org}.yml", {
                "id": org, "name": f"Council {i // 10:04d}",
                "summary": {"text": s[1], "cite": cite(joined, i)},
            })  # fmt: skip
            dump(dossier / "places" / f"{place}.yml", {
                "id": place, "name": f"Province {i // 10:04d}", "kind": "region",
                "summary": {"text": s[0], "cite": cite(province, i)},
            })  # fmt: skip
            citations += 2
    dump(dossier / "dossier.yml", {
        "title": f"Synthetic briefing of {n} people",
        "as_of": {"relative": {} if articles == 1 else {"anchor": source_ids[0]},
                  "wording": "the report's date"},
        "marking": "SYNTHETIC · benchmark data",
        "at_a_glance": [{"text": s, "cite": cite(s, 0)} for s in glance],
        "key_figures": figures,
        "uncited": uncited,
    })  # fmt: skip
    for start in range(0, n, 500):
        dump(dossier / "events" / f"events-{start:05d}.yml", events[start : start + 500])
        dump(dossier / "quotes" / f"quotes-{start:05d}.yml", quotes[start : start + 500])
        dump(dossier / "relations" / f"relations-{start:05d}.yml", relations[start : start + 500])
    (folder / "mkdocs.yml").write_text(MKDOCS_YML.format(n=n), encoding="utf-8")
    (folder / "docs" / "about.md").write_text("# About\n\nSynthetic benchmark data.\n")
    return {"people": n, "citations": citations, "source_words": words}


def change_sources(folder: Path) -> None:
    """Rewrite the project's seeds as a corrected edition might: each person "entered" their
    council where they "joined" it, so every passage quoting that word is no longer found:
    3,101 citations at N = 1,000, 4,201 with every kind."""
    for seed in (folder / "seeds").iterdir():
        text = seed.read_text(encoding="utf-8")
        seed.write_text(re.sub(r"\bjoined\b", "entered", text), encoding="utf-8")


def _wrap(paragraph: str, width: int = 90) -> list[str]:
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


MKDOCS_YML = """site_name: Synthetic briefing of {n} people
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
  features: [navigation.tabs, navigation.indexes, navigation.prune]
plugins:
  - search
  - briefing
markdown_extensions:
  - toc
"""


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("articles", type=int, nargs="?", default=1)
    parser.add_argument("--every-kind", action="store_true")
    args = parser.parse_args()
    print(write(args.people, args.folder, args.articles, args.every_kind))
