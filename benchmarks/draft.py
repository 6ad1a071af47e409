#!/usr/bin/env python3
"""Intake and drafting measured against hand-written answer keys.

For each page of ../shared/corpus/ (the pages are not in the repository: see its README), this
makes a scratch project, runs `briefing add-source` on the page and `briefing draft` on the
source, and compares what was written with `answers/<name>.yml`. The Kazakhstan seed is drafted
from its text alone (with the dossier's own source record, as the seed prints no date), against
a key made from today's dossier. Prints per article:

  extraction F1   token F1 of the seed against expected.html (Readability's extraction), as it
                  is, and the article body (seed less marked paragraphs, against expected.html
                  less its captions, links and bios)
  quotes          recall and precision of the quotations (each part of an interrupted one)
  speakers        of the quotations found, the share given the key's speaker
  people          recall of the key's people among the drafted person records
  coverage        share of the source's factual sentences that the draft cites

Usage:  .venv/bin/python benchmarks/draft.py [--corpus ../shared/corpus] [--show-misses]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from briefing import build_dossier
from briefing.draft import draft_source
from briefing.intake import add_source

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARTICLES = ["bbc-1", "nytimes-1", "wapo-2", "yahoo-2", "liberation-1"]
SEED = "000_09a6841eb59e7920.txt"
TARGETS = {"f1": 0.95, "recall": 0.95, "precision": 0.90, "speakers": 0.85, "people": 0.90}
# Lines of expected.html that are not the article (captions, related links, bios), by opening.
NOT_ARTICLE = {
    "bbc-1": ["Read the full transcript", "The president said he would continue fighting",
              "Five things we learned", "The presidential body swerve",
              "Kenya is getting ready to welcome"],
    "nytimes-1": ["Photo", "United Nations peacekeepers at a refugee camp",
                  "Continue reading the main story"],
    "wapo-2": ["Israeli Prime Minister Benjamin Netanyahu reacts as he visits",
               "Israeli Prime Minister Benjamin Netanyahu pledged to form",
               "Steven Mufson covers the White House"],
    "yahoo-2": ["1 / 5", "In this photo dated Tuesday", "___", "__"],
    "liberation-1": [],
}  # fmt: skip
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"))
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption",
           "figure", "td", "th", "br", "section", "article", "ul", "ol", "table", "tr"}  # fmt: skip


def html_paragraphs(html: str) -> list[str]:
    """Readability's extraction as paragraphs: block elements start and end one."""
    import lxml.html

    out: list[str] = []

    def walk(element: Any) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in ("script", "style"):
            out.append(element.tail or "")
            return
        out.append("\n\n" if tag in _BLOCKS else "")
        out.append(element.text or "" if isinstance(element.tag, str) else "")
        for child in element:
            walk(child)
        out.append("\n\n" if tag in _BLOCKS else "")
        out.append(element.tail or "")

    walk(lxml.html.fromstring(html))
    return [p for p in (" ".join(x.split()) for x in "".join(out).split("\n\n")) if p]


def token_f1(expected: list[str], got: list[str]) -> float:
    def bag(paragraphs: list[str]) -> Counter[str]:
        text = unicodedata.normalize("NFC", " ".join(paragraphs)).translate(_INVISIBLE).lower()
        return Counter(re.findall(r"\w+", text))

    want, have = bag(expected), bag(got)
    shared = sum((want & have).values())
    precision = shared / max(sum(have.values()), 1)
    recall = shared / max(sum(want.values()), 1)
    return 2 * precision * recall / (precision + recall) if shared else 0.0


def fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).strip(" ,.;:\"'").lower()


def same_name(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return a == b or a in b or b in a or a.split()[-1] == b.split()[-1]


def measure(name: str, project: Path, key: dict[str, Any], expected: str | None) -> dict[str, Any]:
    dossier = build_dossier(project / "dossier")
    document = dossier.sources[name]
    figures: dict[str, Any] = {"article": name}
    seed = [p for p in re.split(r"\n\s*\n", document.text) if p.strip()]
    if expected is not None:
        reference = html_paragraphs(expected)
        figures["f1"] = token_f1(reference, seed)
        marked = tuple(" ".join(m.text.split()) for m in document.source.marked)
        body = [p for p in seed if not " ".join(p.split()).startswith(marked or ("\0",))]
        openings = tuple(NOT_ARTICLE[name]) or ("\0",)
        article = [p for p in reference if not p.startswith(openings)]
        figures["f1_body"] = token_f1(article, body)
    parts = [p for q in key["quotes"] for p in (q.get("parts") or [q["text"]])]
    speaker_of = {
        fold(p): [q["speaker"], *(q.get("speaker_also") or [])]
        for q in key["quotes"]
        for p in (q.get("parts") or [q["text"]])
    }
    drafted = [q for q in dossier.quotes if q.cite[0].source_id == name]
    found, right, misses = set(), 0, []
    for quote in drafted:
        text = fold(quote.text)
        if text not in speaker_of:
            misses.append(f"  extra quote: {quote.text[:70]!r}")
            continue
        found.add(text)
        spoken = dossier.speaker_name(quote)
        names = [spoken]
        if quote.speaker_id and (record := dossier.entity(quote.speaker_id)) is not None:
            names += list(getattr(record, "aliases", []))
        if any(same_name(k, n) for k in speaker_of[text] for n in names):
            right += 1
        else:
            misses.append(
                f"  speaker: {quote.text[:50]!r} given to {spoken}, not {speaker_of[text][0]}"
            )
    misses += [f"  missed quote: {p[:70]!r}" for p in parts if fold(p) not in found]
    figures["recall"] = len(found) / len(parts) if parts else None
    figures["precision"] = (
        sum(fold(q.text) in speaker_of for q in drafted) / len(drafted)
        if drafted
        else (None if not parts else 0.0)
    )
    figures["speakers"] = right / len(found) if found else None
    people = [p for p in dossier.people.values()]
    names = [[p.name, *p.aliases] for p in people]
    met = [k for k in key["people"] if any(same_name(k["name"], n) for ns in names for n in ns)]
    misses += [f"  missed person: {k['name']}" for k in key["people"] if k not in met]
    figures["people"] = len(met) / len(key["people"]) if key["people"] else None
    figures["people_drafted"] = len(people)
    figures["coverage"] = document.coverage.share
    figures["misses"] = misses
    return figures


def run_article(name: str, corpus: Path, scratch: Path) -> dict[str, Any]:
    project = scratch / name
    (project / "dossier").mkdir(parents=True)
    (project / "dossier" / "dossier.yml").write_text(
        "title: Benchmark\nas_of: {relative: {}, wording: the date of the article}\n"
        "marking: benchmark\n",
        encoding="utf-8",
    )
    key = yaml.safe_load((HERE / "answers" / f"{name}.yml").read_text(encoding="utf-8"))
    if name == "kazakhstan-afp":
        (project / "seeds").mkdir()
        shutil.copy(ROOT / "seeds" / SEED, project / "seeds" / SEED)
        record = (ROOT / "dossier" / "sources" / "afp-kazakhstan-coup-plot.yml").read_text()
        (project / "dossier" / "sources").mkdir()
        (project / "dossier" / "sources" / f"{name}.yml").write_text(
            record.replace("id: afp-kazakhstan-coup-plot", f"id: {name}"), encoding="utf-8"
        )
        expected = None
    else:
        add_source(corpus / name / "source.html", project / "dossier", name)
        expected = (corpus / name / "expected.html").read_text(encoding="utf-8")
    started = time.process_time()
    draft_source(project / "dossier", name)
    figures = measure(name, project, key, expected)
    figures["seconds"] = time.process_time() - started
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for name in [*ARTICLES, "kazakhstan-afp"]:
            rows.append(run_article(name, args.corpus, Path(scratch)))

    def cell(value: float | None) -> str:
        return "—" if value is None else f"{value:.0%}" if value <= 1 else f"{value}"

    print(f"{'article':<16}{'F1 page':>9}{'F1 body':>9}{'quotes R':>10}{'quotes P':>10}"
          f"{'speakers':>10}{'people':>8}{'coverage':>10}{'CPU s':>7}")  # fmt: skip
    for row in rows:
        f1 = f"{row['f1']:.3f}" if "f1" in row else "—"
        body = f"{row['f1_body']:.3f}" if "f1_body" in row else "—"
        print(f"{row['article']:<16}{f1:>9}{body:>9}{cell(row['recall']):>10}"
              f"{cell(row['precision']):>10}{cell(row['speakers']):>10}{cell(row['people']):>8}"
              f"{cell(row['coverage']):>10}{row['seconds']:>7.1f}")  # fmt: skip
    print("targets: F1 ≥ 0.95, quotes R ≥ 95 %, P ≥ 90 %, speakers ≥ 85 %, people ≥ 90 %, "
          "coverage 100 %")  # fmt: skip
    if args.show_misses:
        for row in rows:
            print(row["article"])
            print("\n".join(row["misses"]) or "  nothing missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
