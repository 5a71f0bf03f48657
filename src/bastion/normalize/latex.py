"""LaTeX markup read as it renders: ``\\texttt{elsieschool}\\,.\\,\\texttt{com}`` is
``elsieschool.com``.

A spammer writes the link in TeX so a finder reads command names and braces: ``\\texttt``,
``\\url``, ``\\verb|.|``, ``{.}``, thin spaces ``\\,``, math ``$\\mathtt{a}.\\mathtt{com}$``.
Only when a known text or math font command, ``\\url``, ``\\href`` or ``\\verb`` is there does this
pass run: each such command becomes its argument, ``{.}`` a dot, TeX's spacing commands
(``\\, \\; \\! \\:``) and the ``$`` round a command nothing. Prose and other commands stay (a
formula's ``\\frac{a}{b}`` is no link).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group, Work

_COMMANDS: Final = (
    r"text(?:tt|bf|it|rm|sf|sc|up|sl|md|normal)|math(?:tt|rm|bf|it|sf|cal|bb|frak|normal)"
    r"|emph|url|nolinkurl|mbox|hbox|underline|textsuperscript|textsubscript|operatorname"
)
TRIGGER: Final = r"\\(?:text|math|emph|url|nolinkurl|mbox|hbox|underline|verb|href|operatorname)"
"""RE2: a LaTeX command this pass reads (the pass runs only then)."""

_FORM_RE: Final = re.compile(
    rf"\$?\\(?:{_COMMANDS})[ ]?\{{(?P<arg>[^{{}}\\\n]{{0,120}})\}}\$?"
    r"|\\href[ ]?\{(?P<href>[^{}\n]{1,200})\}[ ]?\{[^{}\n]{0,120}\}"
    r"|\\verb(?P<d>[|+!/])(?P<verb>[^\n|+!/]{0,40})(?P=d)"
    r"|\{(?P<dot>[.])\}"
    r"|\\[,;:! ](?P<space>)"
)
_COMMAND_RE: Final = re.compile(TRIGGER)


def latex_pass(work: Work) -> None:
    """Each known command its argument, ``{.}`` a dot, spacing commands and ``$`` nothing."""
    if _COMMAND_RE.search(work.text) is None:
        return  # ``{.}`` or ``\,`` alone is no TeX this pass reads
    groups: list[Group] = []
    for m in _FORM_RE.finditer(work.text):
        if m["arg"] is not None:
            read = m["arg"]
        elif m["href"] is not None:
            read = f" {m['href']} "
        elif m["verb"] is not None:
            read = m["verb"]
        elif m["dot"] is not None:
            read = "."
        else:
            read = ""
        groups.append(("markup", m.start(), m.end(), [(m.start(), m.end(), read)]))
    work.apply(groups)
