"""Generate a synthetic dossier project of N people, for benchmarks.

Every person has ~10 statements, one event, one quote and one relation (part of their
council), each citing a sentence of a generated source text that really contains it; there is
one organisation and one place per ten people. The project (mkdocs.yml, docs/, dossier/,
seeds/) builds like the real one.

    python benchmarks/generate.py N FOLDER
"""

from __future__ import annotations

import json
import sys
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


def write(n: int, folder: Path) -> dict[str, int]:
    """Write the project; return counts (people, citations, words of source)."""
    dossier = folder / "dossier"
    for sub in ("sources", "people", "organisations", "places", "events", "quotes", "relations"):
        (dossier / sub).mkdir(parents=True, exist_ok=True)
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    (folder / "docs").mkdir(parents=True, exist_ok=True)

    paragraphs = ["\n".join(_wrap(" ".join(sentences_for(i)))) for i in range(n)]
    text = "\n\n".join(paragraphs) + "\n"
    (folder / "seeds" / "synthetic.txt").write_text(text, encoding="utf-8")

    def dump(path: Path, data) -> None:
        # JSON is valid YAML and quick to write; the loader reads it as YAML.
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    dump(dossier / "dossier.yml", {
        "title": f"Synthetic briefing of {n} people",
        "as_of": {"relative": {}, "wording": "the report's date"},
        "marking": "SYNTHETIC · benchmark data",
        "at_a_glance": [{"text": s, "cite": s} for s in sentences_for(0)[:3]],
    })  # fmt: skip
    dump(dossier / "sources" / "report.yml", {
        "id": "report", "seed": "synthetic.txt", "title": "the synthetic report",
        "date": {"value": "2022-11-17", "cite": sentences_for(0)[0],
                 "inference": "Benchmark data: the date is made up."},
    })  # fmt: skip
    citations = 4
    events, quotes, relations = [], [], []
    for i in range(n):
        s = sentences_for(i)
        pid, org, place = f"p{i:05d}", f"council-{i // 10:04d}", f"province-{i // 10:04d}"
        dump(dossier / "people" / f"{pid}.yml", {
            "id": pid, "name": person_name(i), "main": i < 3,
            "summary": {"text": s[0], "cite": s[0]},
            "roles": [{"title": ROLES[i % len(ROLES)], "cite": s[0]}],
            "statements": [{"text": t, "cite": t} for t in s[1:7] + s[8:]],
        })  # fmt: skip
        citations += 10
        events.append({
            "id": f"e{i:05d}", "title": f"{person_name(i)} joins {org.title()}",
            "date": {"value": f"{1991 + i % 30}-{i % 12 + 1:02d}", "wording": s[1].split(",")[0]},
            "participants": [pid, org], "places": [place], "summary": {"text": s[1], "cite": s[1]},
        })  # fmt: skip
        quotes.append({
            "id": f"q{i:05d}", "text": "We need roads before we need speeches,", "speaker": pid,
            "delivery": "said at a meeting", "cite": s[7],
        })  # fmt: skip
        relations.append({
            "subject": pid, "kind": "member-of", "object": org, "cite": s[1].split(", ", 1)[1],
        })  # fmt: skip
        citations += 3
        if i % 10 == 0:
            dump(dossier / "organisations" / f"{org}.yml", {
                "id": org, "name": f"Council {i // 10:04d}",
                "summary": {"text": s[1], "cite": s[1].split(", ", 1)[1]},
            })  # fmt: skip
            dump(dossier / "places" / f"{place}.yml", {
                "id": place, "name": f"Province {i // 10:04d}", "kind": "region",
                "summary": {"text": s[0], "cite": s[0].split(" of ", 1)[1]},
            })  # fmt: skip
            citations += 2
    for start in range(0, n, 500):
        dump(dossier / "events" / f"events-{start:05d}.yml", events[start : start + 500])
        dump(dossier / "quotes" / f"quotes-{start:05d}.yml", quotes[start : start + 500])
        dump(dossier / "relations" / f"relations-{start:05d}.yml", relations[start : start + 500])
    (folder / "mkdocs.yml").write_text(MKDOCS_YML.format(n=n), encoding="utf-8")
    (folder / "docs" / "about.md").write_text("# About\n\nSynthetic benchmark data.\n")
    return {"people": n, "citations": citations, "source_words": len(text.split())}


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
    counts = write(int(sys.argv[1]), Path(sys.argv[2]))
    print(counts)
