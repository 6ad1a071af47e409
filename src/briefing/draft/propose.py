"""Proposals for one source: what it says that the dossier does not hold yet, as records in
the dossier's own YAML shapes, each marked `draft: true` and citing the passage it came from.

Only what the text says is proposed: a statement repeats its sentence word for word, a quote
is the words between the marks, a role is the words the text gives; where a reading goes
beyond the words (a quotation read as the previous speaker's), it says so as an inference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from briefing.dossier import Dossier
from briefing.draft.dates import date_in
from briefing.draft.names import (
    FRENCH_ORG,
    Entity,
    Name,
    abbreviates,
    age_after,
    apposition_after,
    fold_name,
    is_organisation,
    is_place,
    looks_like_person,
    name_runs,
    role_before,
    split_title,
)
from briefing.draft.quotes import VERB_AT, Quotation, find_quotations
from briefing.model import Person
from briefing.model.ids import free_id, slug
from briefing.model.kinds import PROFILED
from briefing.text.passages import SourceText, fold
from briefing.text.sentences import Sentence

_PRONOUNS = {"he", "she", "il", "elle"}
_ORG_NOUNS = {"party", "government", "administration", "agency", "ministry", "committee"}
_TITLE_WORDS = 12  # an event's title: the opening words of its sentence


@dataclass
class Proposals:
    """New records by kind noun, and statements to add to existing records (id -> list)."""

    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    statements: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, noun: str, record: dict[str, Any]) -> None:
        self.records.setdefault(noun, []).append(record)


def propose(dossier: Dossier, source_id: str) -> Proposals:
    return _Drafter(dossier, source_id).run()


class _Drafter:
    def __init__(self, dossier: Dossier, source_id: str):
        self.dossier = dossier
        self.source_id = source_id
        document = dossier.sources[source_id]
        self.text = document.text
        self.finder = SourceText(self.text)
        self.sentences = document.coverage.sentences
        coverage = document.coverage
        # Sentences no statement cites: the source record's own citations (its dateline,
        # its date) do not count, or the lead sentence would never be drafted.
        self.uncited = [
            i
            for i in coverage.factual
            if i not in coverage.explained
            and all(dossier.citation(n).record_kind == "source" for n in coverage.citing.get(i, []))
        ]
        self.taken_ids = {i for kind in PROFILED for i in dossier.profiles[kind.noun]}
        self.taken_ids |= {e.id for e in dossier.events} | {q.id for q in dossier.quotes}
        self.existing_ids = set(self.taken_ids)
        self.known = _known_names(dossier)
        self.entities: list[Entity] = []
        self.ids: dict[int, str] = {}  # id(entity) -> record id
        self.out = Proposals()

    # -- the steps -----------------------------------------------------------------------

    def run(self) -> Proposals:
        runs = name_runs(self.text) + [
            Name(m.group(), m.start(), m.end()) for m in FRENCH_ORG.finditer(self.text)
        ]
        # Names in captions, credits and links are not the story's (a photographer's agency).
        runs = [
            r for r in runs if self._sentence_at(r.start).kind in ("content", "byline", "heading")
        ]
        runs.sort(key=lambda r: r.start)
        self._classify(runs)
        quotations = find_quotations(self.text, self.sentences)
        speakers = self._speakers(quotations, runs)
        self._mentions(runs)
        for entity in self.entities:
            self.ids[id(entity)] = self._record_id(entity)
        quoted = self._quotes(quotations, speakers)
        used = self._events() | quoted
        self._records()
        self._statements(used)
        return self.out

    def _classify(self, runs: list[Name]) -> None:
        for run in runs:
            words = run.text.split()
            title, rest = split_title(run.text)
            if is_organisation(run.text) and (not title or is_organisation(rest)):
                self._entity("organisation", run.text, run)
            elif title and rest:
                at = run.start + run.text.index(rest)
                entity = self._entity("person", rest, Name(rest, at, run.end))
                if entity.role is None and title.lower() not in ("mr", "mrs", "ms"):
                    entity.role, entity.role_at = title, run.start
            elif self._person_cue(run, words):
                self._entity("person", run.text, run)
            elif is_place(run.text) and fold_name(run.text) not in self._surnames():
                self._entity("place", run.text, run)

    def _person_cue(self, run: Name, words: list[str]) -> bool:
        if len(words) < 2 or is_place(run.text):
            return False
        if looks_like_person(run.text):
            return True
        if self._sentence_at(run.start).kind == "byline" and re.match(
            r"\s+(?:in|and|contributed)\b", self.text[run.end : run.end + 14]
        ):
            return True  # "Marcia Dunn in Cape Canaveral ... contributed to this report"
        return bool(
            role_before(self.text, run.start)
            or apposition_after(self.text, run.end)
            or age_after(self.text, run.end)
        )

    def _entity(self, kind: str, name: str, run: Name) -> Entity:
        key = fold_name(name)
        for entity in self.entities:
            if entity.kind != kind:
                continue
            if (
                fold_name(entity.name) == key
                or (kind == "person" and entity.surname() == fold_name(name.split()[-1]))
                or (kind != "person" and _one_abbreviates_the_other(name, entity))
            ):
                if len(name.split()) > len(entity.name.split()):
                    entity.aliases.append(entity.name)
                    entity.name = name
                elif name != entity.name and name not in entity.aliases:
                    entity.aliases.append(name)
                entity.mentions.append(run)
                self._cues(entity, run)
                return entity
        entity = Entity(kind, name, [run])
        self._cues(entity, run)
        self.entities.append(entity)
        return entity

    def _cues(self, entity: Entity, run: Name) -> None:
        if entity.kind != "person":
            return
        if entity.role is None:
            found = role_before(self.text, run.start) or apposition_after(self.text, run.end)
            if found:
                entity.role, entity.role_at = found
        if entity.age is None:
            age = age_after(self.text, run.end)
            if age:
                entity.age, entity.age_at = age

    def _surnames(self) -> set[str]:
        return {e.surname() for e in self.entities if e.kind == "person"}

    def _mentions(self, runs: list[Name]) -> None:
        """Other mentions of a person already found: 'Indyk', 'Mr. Reeves'."""
        people = {e.surname(): e for e in self.entities if e.kind == "person"}
        for run in runs:
            _, rest = split_title(run.text)
            key = fold_name(rest.split()[-1]) if rest else ""
            person = people.get(key)
            if person is not None and all(m.start != run.start for m in person.mentions):
                person.mentions.append(Name(rest, run.end - len(rest), run.end))

    # -- quotations ----------------------------------------------------------------------

    def _speakers(self, quotations: list[Quotation], runs: list[Name]) -> list[Any]:
        """Each quotation's speaker: an Entity, a description, or None (not a quotation)."""
        speakers: list[Any] = []
        for index, quotation in enumerate(quotations):
            speaker: Any = None
            if quotation.attribution is not None:
                speaker = self._who(quotation, runs)
            else:
                earlier = [
                    (q, s)
                    for q, s in zip(quotations[:index], speakers, strict=True)
                    if s is not None and q.paragraph >= quotation.paragraph - 1
                ]
                same = [s for q, s in earlier if q.paragraph == quotation.paragraph]
                if same:
                    speaker = same[-1]
                elif quotation.opens_paragraph or self._after_colon(quotation):
                    speaker = earlier[-1][1] if earlier else self._last_person(quotation.start)
                    if speaker is not None:
                        quotation.verb = None
            speakers.append(speaker)
        return speakers

    def _after_colon(self, quotation: Quotation) -> bool:
        """The paragraph before ends with a colon: 'President Obama also said:'."""
        before = self.text[: quotation.start].rstrip()
        paragraph_start = self.text.rfind("\n\n", 0, quotation.start)
        return before[:paragraph_start].rstrip().endswith(":") if paragraph_start > 0 else False

    def _who(self, quotation: Quotation, runs: list[Name]) -> Any:
        assert quotation.attribution is not None and quotation.attribution_start is not None
        start = quotation.attribution_start
        phrase = quotation.attribution
        verb = VERB_AT.search(phrase) if quotation.after else list(VERB_AT.finditer(phrase))[-1]
        assert verb is not None
        wide = verb.group().lower() in ("according to", "selon", "d'après", "d’après")
        if quotation.after and (verb.start() == 0 or wide):  # '," said Martin Indyk, ...'
            who_start, who_end = start + verb.end(), start + len(phrase)
            pick_last = False
            quotation.verb = verb.group()
        elif quotation.after:  # '," Danin said' / '" architect Aidar Ergaly told AFP'
            who_start, who_end = start, start + verb.start()
            pick_last = True
            quotation.verb = _delivery(phrase[verb.start() :])
        else:  # 'X said "' / 'according to X, "'
            if verb.group().lower() in ("according to", "selon", "d'après", "d’après"):
                who_start, who_end = start + verb.end(), start + len(phrase)
                pick_last = False
            else:
                who_start, who_end = start, start + verb.start()
                pick_last = True
                clause = self.text[start:who_end].rstrip()
                if clause.endswith(","):  # 'Eric Reeves, one of the ..., said'
                    comma = clause.rfind(",", 0, len(clause) - 1)
                    if comma > 0:
                        who_end = start + comma
        if quotation.verb is None or quotation.after is False:
            quotation.verb = verb.group()
        inside = [r for r in runs if r.start >= who_start and r.end <= who_end]
        words = self.text[who_start:who_end].split()
        if pick_last and words and words[-1].lower().strip(",") in _PRONOUNS:
            return self._last_person(quotation.start)
        if inside:
            run = inside[-1] if pick_last else inside[0]
            return self._actor(run)
        nominal = " ".join(words).strip(" ,.")
        if not nominal:
            return None
        lowered = nominal.lower()
        if lowered.split()[-1] in _PRONOUNS:
            return self._last_person(quotation.start)
        person = self._by_role(lowered.split()[-1])
        if person is not None:
            return person
        return {"description": _strip_article(nominal)} if len(nominal) < 80 else None

    def _actor(self, run: Name) -> Any:
        """The entity a speaker's name is, made a person or organisation if it is neither."""
        _, rest = split_title(run.text)
        for entity in self.entities:
            if entity.kind in ("person", "organisation") and (
                any(m.start == run.start or m.end == run.end for m in entity.mentions)
                or (
                    entity.kind == "person"
                    and rest
                    and entity.surname() == fold_name(rest.split()[-1])
                )
                or fold_name(entity.name) == fold_name(run.text)
            ):
                return entity
        following = self.text[run.end : run.end + 20].split()
        if following and following[0].lower().strip(",.") in _ORG_NOUNS:
            name = f"{run.text} {following[0].strip(',.')}"
            return self._entity("organisation", name, Name(name, run.start, run.start + len(name)))
        if len(run.text.split()) >= 2 and not is_place(run.text):
            return self._entity("person", rest or run.text, run)
        if is_place(run.text):
            return {"description": run.text}
        return self._entity("organisation", run.text, run)

    def _last_person(self, before: int) -> Entity | None:
        best: tuple[int, Entity] | None = None
        for entity in self.entities:
            if entity.kind != "person":
                continue
            starts = [m.start for m in entity.mentions if m.start < before]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), entity)
        return best[1] if best else None

    def _by_role(self, noun: str) -> Entity | None:
        for entity in self.entities:
            if entity.kind == "person" and entity.role and noun in entity.role.lower().split():
                return entity
        return None

    def _quotes(self, quotations: list[Quotation], speakers: list[Any]) -> set[int]:
        """Draft each attributed quotation; return the sentences the drafts cite, which need
        no statement of their own."""
        existing = {fold(piece) for q in self.dossier.quotes for piece in q.pieces}
        cited: set[int] = set()
        for quotation, speaker in zip(quotations, speakers, strict=True):
            if speaker is None or fold(quotation.text) in existing:
                continue
            passage = self.text[quotation.sentence_start : quotation.sentence_end]
            if quotation.text not in passage:
                passage = self.text[min(quotation.sentence_start, quotation.start) : quotation.end]
            record: dict[str, Any] = {"id": self._quote_id(speaker, quotation.text)}
            record["text"] = " ".join(quotation.text.split())
            if isinstance(speaker, Entity):
                record["speaker"] = self.ids[id(speaker)]
                if speaker.role and fold(speaker.role) in fold(passage):
                    record["role"] = speaker.role
            else:
                record["speaker"] = speaker
            record["delivery"] = quotation.verb or "quoted"
            record["cite"] = self._cite(quotation.sentence_start, quotation.sentence_end)
            if quotation.attribution is None and isinstance(speaker, Entity):
                record["inference"] = (
                    f"The quotation has no attribution of its own: it is read as {speaker.name}'s, "
                    "who is quoted or introduced just before."
                )
            record["draft"] = True
            self.out.add("quote", record)
            existing.add(fold(quotation.text))
            cited |= {
                index
                for index, sentence in enumerate(self.sentences)
                if sentence.start < quotation.sentence_end
                and quotation.sentence_start < sentence.end
            }
        return cited

    # -- events, records, statements -----------------------------------------------------

    def _events(self) -> set[int]:
        """An event for each uncited sentence that dates what it tells; the sentences used."""
        used = set()
        for index in self.uncited:
            sentence = self.sentences[index]
            wording = date_in(sentence.text)
            if wording is None:
                continue
            named = self._named_in(sentence)
            record: dict[str, Any] = {
                "id": self._new_id(slug(" ".join(sentence.text.split()[:5])) or "event"),
                "title": _title(sentence.text),
                "date": _anchored(wording.date, self.source_id),
            }
            if wording.planned:
                record["status"] = "planned"
            actors = [self.ids[id(e)] for e in named if e.kind != "place"]
            places = [self.ids[id(e)] for e in named if e.kind == "place"]
            if actors:
                record["participants"] = actors
            if places:
                record["places"] = places
            record["summary"] = {"text": sentence.text, "cite": self._cite_sentence(sentence)}
            record["draft"] = True
            self.out.add("event", record)
            used.add(index)
        return used

    def _records(self) -> None:
        for entity in self.entities:
            record_id = self.ids[id(entity)]
            if record_id in self.existing_ids:
                continue  # an existing record: it gets statements, not a new file
            first = min(entity.mentions, key=lambda m: m.start)
            sentence = self._sentence_at(first.start)
            record: dict[str, Any] = {"id": record_id, "name": entity.name}
            aliases = [a for a in dict.fromkeys(entity.aliases) if a != entity.name]
            if aliases and entity.kind != "place":
                record["aliases"] = aliases
            record["summary"] = {"text": sentence.text, "cite": self._cite_sentence(sentence)}
            if entity.kind == "person" and entity.age is not None and entity.age_at is not None:
                record["age"] = {"years": entity.age, "cite": self._around(entity.age_at)}
            if entity.kind == "person" and entity.role and entity.role_at is not None:
                end = entity.role_at + len(entity.role)
                if fold(self.text[entity.role_at : end]) == fold(entity.role):
                    record["roles"] = [
                        {"title": entity.role, "cite": self._cite(entity.role_at, end)}
                    ]
            record["draft"] = True
            self.out.add(entity.kind, record)
            self.existing_ids.add(record_id)

    def _statements(self, used: set[int]) -> None:
        """A statement for every uncited factual sentence, on the record it names first."""
        new = {
            r["id"]: r
            for noun in ("person", "organisation", "place")
            for r in self.out.records.get(noun, [])
        }
        summaries = {fold(r["summary"]["text"]) for r in new.values()}
        previous: str | None = None
        for index in self.uncited:
            if index in used:
                continue
            sentence = self.sentences[index]
            named = self._named_in(sentence)
            actors = [e for e in named if e.kind != "place"] or named
            holder = self.ids[id(actors[0])] if actors else previous or self._main_record()
            if holder is None:
                continue
            previous = holder
            if (
                holder in new
                and fold(sentence.text) in summaries
                and new[holder]["summary"]["text"] == sentence.text
            ):
                continue  # already the record's summary
            statement: dict[str, Any] = {
                "text": sentence.text,
                "cite": self._cite_sentence(sentence),
            }
            about = [self.ids[id(e)] for e in named if self.ids[id(e)] != holder]
            if about:
                statement["about"] = list(dict.fromkeys(about))
            statement["draft"] = True
            if holder in new:
                new[holder].setdefault("statements", []).append(statement)
                new[holder]["draft"] = new[holder].pop("draft")  # keep the mark last
            else:
                self.out.statements.setdefault(holder, []).append(statement)

    def _main_record(self) -> str | None:
        """The record the text names most, for sentences that name none."""
        if not self.entities:
            return None
        main = max(self.entities, key=lambda e: (e.kind != "place", len(e.mentions)))
        return self.ids[id(main)]

    # -- helpers -------------------------------------------------------------------------

    def _named_in(self, sentence: Sentence) -> list[Entity]:
        named = [
            (min(m.start for m in e.mentions if sentence.start <= m.start < sentence.end), e)
            for e in self.entities
            if any(sentence.start <= m.start < sentence.end for m in e.mentions)
        ]
        return [e for _, e in sorted(named, key=lambda pair: pair[0])]

    def _sentence_at(self, offset: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return min(self.sentences, key=lambda s: abs(s.start - offset))

    def _record_id(self, entity: Entity) -> str:
        """The existing record the entity is, by name or alias: of its kind first, then of any
        kind (the editors may have filed the Soviet Union as a place); else a new id."""
        names = [fold_name(name) for name in (entity.name, *entity.aliases)]
        for kind in (entity.kind, "any"):
            for name in names:
                found = self.known.get((kind, name))
                if found:
                    return found
            if kind == "person" and (found := self.known.get(("surname", entity.surname()))):
                return found
        return self._new_id(slug(entity.name) or entity.kind)

    def _new_id(self, wanted: str) -> str:
        chosen = free_id(wanted, self.taken_ids)
        self.taken_ids.add(chosen)
        return chosen

    def _quote_id(self, speaker: Any, text: str) -> str:
        who = slug(speaker.name.split()[-1]) if isinstance(speaker, Entity) else "unnamed"
        words = slug(" ".join(text.split()[:4]))
        return self._new_id(f"{who}-{words}".strip("-") or "quote")

    def _cite_sentence(self, sentence: Sentence) -> dict[str, str]:
        return self._cite(sentence.start, sentence.end)

    def _around(self, offset: int) -> dict[str, str]:
        """The few words around an offset, for a citation of an age: 'Tokayev, 69,'."""
        start = self.text.rfind(" ", 0, max(0, offset - 2))
        start = self.text.rfind(" ", 0, max(0, start)) + 1 if start > 0 else 0
        end = self.text.find(",", offset)
        end = end + 1 if end != -1 and end - offset < 30 else offset + 2
        return self._cite(start, end)

    def _cite(self, start: int, end: int) -> dict[str, str]:
        """A citation of text[start:end], with a prefix or suffix where the passage recurs."""
        exact = self.text[start:end].strip()
        cite = {"source": self.source_id, "exact": " ".join(exact.split())}
        if len(self.finder.find(exact)) <= 1:
            return cite
        for width in (20, 40, 80, 160):
            prefix = " ".join(self.text[max(0, start - width) : start].split()[-6:])
            if prefix and len(self.finder.find(exact, prefix=prefix)) == 1:
                return {**cite, "prefix": prefix}
            suffix = " ".join(self.text[end : end + width].split()[:6])
            if suffix and len(self.finder.find(exact, suffix=suffix)) == 1:
                return {**cite, "suffix": suffix}
        return cite


def _one_abbreviates_the_other(name: str, entity: Entity) -> bool:
    """'ICC' and 'International Criminal Court' are one organisation, 'U.S.' and 'United
    States' one place, whichever the text names first."""
    return any(abbreviates(name, n) or abbreviates(n, name) for n in (entity.name, *entity.aliases))


def _known_names(dossier: Dossier) -> dict[tuple[str, str], str]:
    """(kind, folded name) -> id for every existing record's names, ("any", ...) whatever the
    kind, and ("surname", ...) for people."""
    known: dict[tuple[str, str], str] = {}
    for kind in PROFILED:
        for record in dossier.profiles[kind.noun].values():
            noun = "person" if kind.noun == "group" else kind.noun
            names = [record.name, *getattr(record, "aliases", [])]
            if getattr(record, "short_name", None):
                names.append(record.short_name)
            for name in names:
                known.setdefault((noun, fold_name(name)), record.id)
                known.setdefault(("any", fold_name(name)), record.id)
            if isinstance(record, Person):
                known.setdefault(("surname", fold_name(record.name.split()[-1])), record.id)
    return known


def _anchored(spec: dict[str, Any], source_id: str) -> dict[str, Any]:
    """A relative date names the source whose date it is resolved against."""
    if "relative" in spec:
        return {**spec, "relative": {"anchor": source_id, **spec["relative"]}}
    return spec


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an|le|la|les|l’|l')\s*", "", text, flags=re.I)


def _title(sentence: str) -> str:
    words = sentence.split()
    if len(words) <= _TITLE_WORDS:
        return sentence.rstrip(".")
    return " ".join(words[:_TITLE_WORDS]).rstrip(",;:") + " …"


def _delivery(words: str) -> str:
    """How it was said, from the verb to the clause's end: 'told reporters aboard Air Force One'."""
    return " ".join(re.split(r"[.;:](?:\s|$)|,", words.strip(), maxsplit=1)[0].split()[:8])
