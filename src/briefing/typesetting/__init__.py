"""Typst in a process of its own, for the PDF and the share cards alike: started while the
site builds, stopped with a build that fails, ended with a build that is killed."""

from briefing.typesetting.language import typst_language
from briefing.typesetting.process import TypstFailed, TypstProcess

__all__ = ["TypstFailed", "TypstProcess", "typst_language"]
