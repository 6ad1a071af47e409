"""Relative dates resolved, with the basis of each in words: a date the engine derives is an
editorial inference. Wording such as "on Thursday" or "four years ago" is resolved against its
anchor source's date; "later" or "before that" (`after:`/`before:` an event) against the date
of another event, which also orders the timeline where the source gives no date."""

from __future__ import annotations

from briefing.model import DateSpec, Event
from briefing.model.dates import RelativeRule
from briefing.problems import Problems, some_of
from briefing.text.dates import Wording, describe_rule, resolve_relative
from briefing.verify.citations import PreparedSource, only_source, unnamed_source
from briefing.verify.walk import Node


def resolve_dates(
    nodes: list[Node], sources: dict[str, PreparedSource], problems: Problems
) -> None:
    """Resolve every relative date: those anchored on a source first, then those placed
    after or before another event, in as many rounds as their chains need."""
    single = only_source(sources)
    waiting: list[tuple[Node, DateSpec, RelativeRule]] = []
    for node in nodes:
        if not isinstance(node.value, DateSpec) or node.value.relative is None:
            continue
        spec, rule = node.value, node.value.relative
        if rule.event is not None:
            waiting.append((node, spec, rule))
        else:
            _resolve_against_source(node, spec, rule, sources, single, problems)
    _resolve_against_events(waiting, _events(nodes), problems)


def _resolve_against_source(
    node: Node,
    spec: DateSpec,
    rule: RelativeRule,
    sources: dict[str, PreparedSource],
    single: str | None,
    problems: Problems,
) -> None:
    anchor_id = rule.anchor or unnamed_source(node, single)
    if anchor_id not in sources:
        if rule.anchor is None:
            problems.error(
                node.file.shown_as,
                "relative date needs an 'anchor' source: the dossier has "
                + (f"several sources ({some_of(sources)})" if sources else "none"),
                **node.file.where((*node.loc, "relative")),
            )
        return
    source = sources[anchor_id].source
    anchor = source.date.date
    wording = Wording(
        weekday=rule.weekday,
        month=rule.month,
        day=rule.day,
        season=rule.season,
        same_year=rule.same_year,
        ago=rule.ago.shift() if rule.ago else None,
        ahead=rule.ahead.shift() if rule.ahead else None,
        direction=rule.direction,
    )
    try:
        resolved = resolve_relative(anchor, wording)
    except ValueError as exc:
        problems.error(node.file.shown_as, str(exc), **node.file.where((*node.loc, "relative")))
        return
    how = describe_rule(wording)
    basis = f"'{spec.wording}' resolved as {how}the date of {source.title} ({anchor.human()}" + (
        ", itself an editorial inference)" if source.date.inference else ")"
    )
    spec.set_resolved(resolved, basis)


def _events(nodes: list[Node]) -> dict[str, Event]:
    return {node.value.id: node.value for node in nodes if isinstance(node.value, Event)}


def _resolve_against_events(
    waiting: list[tuple[Node, DateSpec, RelativeRule]],
    events: dict[str, Event],
    problems: Problems,
) -> None:
    """Dates after or before another event: each once the other's date is settled."""
    while waiting:
        unresolved = []
        for node, spec, rule in waiting:
            side, other_id = ("after", rule.after) if rule.after else ("before", rule.before)
            other = events.get(other_id or "")
            if other is None:
                continue  # an unknown event id: reported as a bad reference
            if other.date is not None and not other.date.is_resolved:
                unresolved.append((node, spec, rule))
                continue
            known = other.date.known if other.date is not None else None
            if known is None:
                spec.set_resolved(
                    None,
                    f"'{spec.wording}' placed {side} the event '{other_id}', which the source "
                    "does not date either",
                )
                continue
            bound = known.after() if side == "after" else known.before()
            if bound is None:  # "after" an event known only to have ended by some date
                spec.set_resolved(
                    None,
                    f"'{spec.wording}' placed {side} the event '{other_id}' ({known.human()}), "
                    f"which gives it no {'earliest' if side == 'after' else 'latest'} date",
                )
                continue
            spec.set_resolved(
                bound,
                f"'{spec.wording}' read as {side} the event '{other_id}' ({known.human()}); "
                "the source gives no date of its own",
            )
        if len(unresolved) == len(waiting):  # no progress: what is left waits on a loop
            loop = _in_a_loop(unresolved, events)
            for node, spec, rule in unresolved:
                if id(spec) in loop:  # the others only wait on it, or on a date that failed
                    problems.error(
                        node.file.shown_as,
                        f"this date and the one of '{rule.event}' are each placed after or "
                        "before the other; date one of them",
                        **node.file.where((*node.loc, "relative")),
                    )
            return
        waiting = unresolved


def _in_a_loop(
    unresolved: list[tuple[Node, DateSpec, RelativeRule]], events: dict[str, Event]
) -> set[int]:
    """The dates (by id()) whose chain of 'after'/'before' leads back to themselves."""
    waits_on = {id(spec): id(events[rule.event or ""].date) for _, spec, rule in unresolved}
    loop: set[int] = set()
    for start in waits_on:
        chain, key = [start], waits_on[start]
        while key in waits_on and key not in chain:
            chain.append(key)
            key = waits_on[key]
        if key in chain:
            loop.update(chain[chain.index(key) :])
    return loop


def timeline_order(events: list[Event]) -> list[Event]:
    """Events in the order the timeline shows them: by date, each event placed before or
    after another right beside it (with those placed by it in turn), and events the source
    does not date last, in file order."""
    dated = [e for e in events if e.when is not None and _placed_by(e) is None]
    dated.sort(key=lambda e: (e.when.sort_key(), e.id))  # type: ignore[union-attr]  # dated
    placed_by: dict[str, list[Event]] = {}
    for event in events:
        other = _placed_by(event)
        if other is not None:
            placed_by.setdefault(other[0], []).append(event)
    order: list[Event] = []
    seen: set[str] = set()
    for first in dated + [e for e in events if e.date is None]:
        stack: list[tuple[Event, bool]] = [(first, False)]  # (event, its turn to be placed)
        while stack:
            event, now = stack.pop()
            if now:
                order.append(event)
                continue
            if event.id in seen:
                continue
            seen.add(event.id)
            near = placed_by.get(event.id, [])
            after = [e for e in near if _placed_by(e) == (event.id, True)]
            before = [e for e in near if _placed_by(e) == (event.id, False)]
            stack += [(e, False) for e in reversed(after)]
            stack.append((event, True))
            stack += [(e, False) for e in reversed(before)]
    # Left: events placed by an unknown event or in a loop, both reported as errors.
    return order + [e for e in events if e.id not in seen]


def _placed_by(event: Event) -> tuple[str, bool] | None:
    """(the other event's id, whether this one is after it) for an event placed by another."""
    rule = event.date.relative if event.date is not None else None
    if rule is None or rule.event is None:
        return None
    return rule.event, rule.after is not None
