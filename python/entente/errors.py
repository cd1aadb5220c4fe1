"""Entente's exceptions: the same located messages as the CLI, as Python objects."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional


@dataclass(frozen=True)
class Problem:
    """One problem with the input: where it is, what is wrong, and how to fix it."""

    file: str
    line: int
    field: str
    message: str
    hint: str
    text: str  #: the one-line form the CLI prints after ``error:``
    path: str = ""  #: where in a dict or JSON scenario, e.g. ``issues[1].stances[0]``
    names: str = ""  #: who it concerns, e.g. ``US on opcon_transfer``
    frame: str = ""  #: for DataFrames: which one (``frame``, ``stances``, ``issues``, ...)
    row: Any = None  #: for DataFrames: the row's index label (None for the columns)
    column: str = ""  #: for DataFrames: the column's name as the frame spells it

    def __str__(self) -> str:
        return self.text


class EntenteError(Exception):
    """Base of every exception Entente raises."""


class InputError(EntenteError, ValueError):
    """Unusable input without a place in a file: an unknown model, a bad option."""

    def __init__(self, message: str, errors: Optional[List[Problem]] = None) -> None:
        super().__init__(message)
        self.errors: List[Problem] = list(errors or [])


class ScenarioError(InputError):
    """A scenario problem with its location. ``.file``, ``.line`` and ``.field`` describe the
    first problem; ``.errors`` holds every one, in the order found (as the CLI lists them)."""

    @property
    def file(self) -> str:
        return self.errors[0].file if self.errors else ""

    @property
    def line(self) -> int:
        return self.errors[0].line if self.errors else 0

    @property
    def field(self) -> str:
        return self.errors[0].field if self.errors else ""
