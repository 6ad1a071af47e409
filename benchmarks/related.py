"""A generated dossier whose records are related in the ways news stories relate them: people
in councils of ten, each council led by one of them and based in its province, and in every
second pair of councils people opposing, allied with and criticising people of the other. So
the relations join about `records` records, in separate groups of two councils each.

    python benchmarks/related.py RECORDS FOLDER
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from generate import sentences_for, write


def people_for(records: int) -> int:
    """How many people make `records` related records: people, and a council and a province
    for every ten of them."""
    return max(2, records - 2 * -(-records // 12))


def write_related(records: int, folder: Path) -> Path:
    """Write the project (generate.py's, with more relations); return its dossier folder."""
    people = people_for(records)
    write(people, folder)
    extra = []
    for i in range(people):
        s = sentences_for(i)
        pid, council, province = f"p{i:05d}", f"council-{i // 10:04d}", f"province-{i // 10:04d}"
        if i % 10 == 0:
            extra.append({"subject": pid, "kind": "leads", "object": council, "cite": s[0]})
            extra.append({"subject": council, "kind": "based-in", "object": province, "cite": s[1]})
        partner = i + 10 if (i // 10) % 2 == 0 else None  # the same place in the next council
        if partner is not None and partner < people:
            kind = {3: "opposes", 5: "allied-with", 8: "criticised"}.get(i % 10)
            if kind:
                extra.append({"subject": pid, "kind": kind, "object": f"p{partner:05d}",
                              "cite": s[i % 10]})  # fmt: skip
    path = folder / "dossier" / "relations" / "related.yml"
    path.write_text(json.dumps(extra, indent=1) + "\n", encoding="utf-8")
    return folder / "dossier"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=int)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    print(write_related(args.records, args.folder))
