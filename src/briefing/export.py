"""Exports written next to the site: the verified fact base as JSON.

`dossier.json` holds everything a renderer sees, with each citation's verified character
offsets into its source text (which is included), so other tools can check and reuse it.
"""

from __future__ import annotations

import json
from typing import Any

from briefing.dossier import Dossier

DOSSIER_JSON = "dossier.json"


def dossier_data(dossier: Dossier) -> dict[str, Any]:
    def dump(model) -> dict:
        return model.model_dump(mode="json", exclude_none=True)

    return {
        "meta": dump(dossier.meta) | {"as_of": str(dossier.meta.as_of.date)},
        "sources": [
            dump(doc.source)
            | {
                "text": doc.text,
                "coverage": {
                    "factual_sentences": len(doc.coverage.factual),
                    "cited_sentences": len(doc.coverage.cited),
                    "share": round(doc.coverage.share, 4),
                    "uncited": [
                        {
                            "sentence": doc.coverage.sentences[i].text,
                            "reason": doc.coverage.explained.get(i),
                        }
                        for i in doc.coverage.uncited
                    ],
                },
            }
            for doc in dossier.sources.values()
        ],
        "people": [dump(p) for p in dossier.people.values()],
        "groups": [dump(g) for g in dossier.groups.values()],
        "organisations": [dump(o) for o in dossier.organisations.values()],
        "places": [dump(p) for p in dossier.places.values()],
        "events": [dump(e) for e in dossier.events],
        "quotes": [dump(q) for q in dossier.quotes],
    }


def exports(dossier: Dossier) -> dict[str, bytes]:
    """File name -> content of every export, published at the root of the site."""
    text = json.dumps(dossier_data(dossier), ensure_ascii=False, indent=2, sort_keys=True)
    return {DOSSIER_JSON: (text + "\n").encode("utf-8")}
