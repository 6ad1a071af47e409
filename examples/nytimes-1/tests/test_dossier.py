"""The briefing's own tests: its dossier checks clean, and its site and PDF build."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from briefing import check_dossier

PROJECT = Path(__file__).resolve().parent.parent


class TheDossier(unittest.TestCase):
    def test_every_passage_is_in_its_source_and_nothing_is_left_to_fix(self) -> None:
        dossier, problems = check_dossier(PROJECT / "dossier")
        self.assertIsNotNone(dossier, problems.report())
        self.assertEqual(problems.report(), "", "errors or warnings")

    def test_every_factual_sentence_of_every_source_is_cited_or_explained(self) -> None:
        dossier, _ = check_dossier(PROJECT / "dossier")
        assert dossier is not None
        for document in dossier.sources.values():
            coverage = document.coverage
            left = [i for i in coverage.uncited if i not in coverage.explained]
            self.assertEqual([coverage.sentences[i].text for i in left], [], document.shown_as)

    def test_the_site_and_the_pdf_build(self) -> None:
        with tempfile.TemporaryDirectory() as out:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            built = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", out],
                cwd=PROJECT,
                env=env,
                capture_output=True,
                text=True,
            )
            self.assertEqual(built.returncode, 0, built.stderr)
            self.assertTrue((Path(out) / "index.html").is_file())
            self.assertTrue((Path(out) / "briefing.pdf").is_file())


if __name__ == "__main__":
    unittest.main()
