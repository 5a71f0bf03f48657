"""``unmask(text)``: undo the ways spammers disguise links and contact handles.

One cheap gate decides whether any trick can apply (an ASCII-only regex for ASCII text; a
precompiled class of "interesting" characters for the rest); clean text returns an identity
:class:`Unmasked` without building anything. Otherwise a fixed sequence of passes runs, each a few
regex scans, and the offset map is built only if a pass changes the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

import re2

from bastion.normalize import (
    as_in,
    at_glyphs,
    broken,
    ciphers,
    defang,
    digit_forms,
    drawn_o,
    dropped_symbols,
    edit_hints,
    folded,
    gate_windows,
    guess,
    handle_containers,
    handle_ids,
    id_parts,
    instructions,
    ip_dots,
    latex,
    layout,
    leet,
    letter_styles,
    ligatures,
    line_dots,
    markup,
    number_layouts,
    numerals,
    phone_cued,
    phone_forms,
    reading_order,
    regional,
    rows,
    rules,
    said_words,
    split_fields,
)
from bastion.normalize.hs_sets import compiled_set, on_hyperscan
from bastion.normalize.re2syntax import to_re2
from bastion.normalize.result import Unmasked, UnmaskStep, Work
from bastion.normalize.tables import (
    CJK_DOTS,
    CJK_NUMERALS,
    DOT_EMOJI,
    Tables,
    char_class,
    tables,
)

(
    _SPACED,
    _HXXP,
    _DOT,
    _AT,
    _CHARS,
    _HOMOGLYPH,
    _CJK,
    _DEFANG,
    _LINES,
    _ROMAN,
    _DIGITS,
    _BIDI,
    _SPLIT,
    _CUED_ID,
    _SPOKEN,
    _GUESS,
    _INSTRUCTED,
    _PHONES,
    _PARTS,
) = (1 << i for i in range(19))
_MARKUP: Final = 1 << 19
_HYPHEN: Final = 1 << 20
_LAYOUT: Final = 1 << 21
_EDITS: Final = 1 << 22
_STYLES: Final = 1 << 24
_ORDER: Final = 1 << 23
_CIPHER: Final = 1 << 25
_SAID: Final = 1 << 26
_ALL: Final = (1 << 27) - 1

_WS: Final = r"[\s\p{Z}]"
_ASCII_GATES: Final = (
    (
        r"(?:^|[^A-Za-z0-9])[A-Za-z0-9](?:[^\pL\pN\r\n'’]{1,3}[A-Za-z0-9]){2}(?:[^A-Za-z0-9]|$)",
        _SPACED,
    ),
    (
        rf"(?i:\bh(?:{_WS}{{1,2}}[tx*_]{_WS}{{0,2}}[tx*_]|[tx*_]{_WS}{{1,2}}[tx*_]"
        rf"|[tx*_][tx*_]{_WS}{{1,2}}){_WS}{{0,2}}p)|(?i:\bh(?:[x*_][tx*_]|t[x*_])p)",
        _HXXP,
    ),
    (
        rf"(?i:https?)(?:{_WS}|[;\[({{；：]|:{_WS}{{0,2}}[\\＼]|:{_WS}{{0,2}}[/／]{_WS}|:/?／"
        rf"|:{_WS}{{0,2}}[/／]{_WS}{{0,2}}[/／]{_WS})",
        _HXXP,
    ),
    (
        r"(?i:[\[({<]\s?h[tx*_]{2}ps?\s?[\])}>]|\bh[tx*_]{2}ps?(?://|__|:/[A-Za-z0-9]|:/\\|:\\[/\\]))",
        _HXXP,
    ),
    (rf"[\[({{（【]{_WS}?(?:[.:@。点．]|(?i:dot|at))|(?i:\bdot\b)", _DOT | _AT),
    (rf"[A-Za-z0-9]{_WS}{{1,2}}\.{_WS}{{0,2}}[A-Za-z0-9]|(?i:www)\.{_WS}", _DOT | _AT),
    (rf"\.{_WS}{{1,2}}(?:{'|'.join(sorted(rules.COMMON_TLDS))})\b", _DOT | _AT),
    (rf"[A-Za-z0-9]#[A-Za-z0-9]|{_WS}@|@{_WS}|艾特|爱特", _AT),
    (at_glyphs.TRIGGER, _AT),
    (defang.GATE, _DEFANG | _DOT | _AT),
    (broken.GATE, _LINES | _DOT),
    (broken.DIGIT_GATE, _DIGITS),
    (handle_ids.CUED_GATE, _CUED_ID),
    (handle_ids.SPOKEN_SYMBOL_TRIGGER, _CUED_ID),
    (guess.SPLIT_GATE, _SPLIT),
    (guess.GUESS_GATE.pattern, _GUESS),
    (guess.CAMEL_TRIGGER, _DEFANG),
    (to_re2(instructions.GATE), _INSTRUCTED),
    (numerals.TRIGGER_EN, _INSTRUCTED),
    ("|".join(phone_forms.TRIGGERS), _PHONES),
    (phone_forms.GROUPED_QQ_TRIGGER, _PHONES),
    (phone_cued.PARTS_TRIGGER, _PHONES),
    (phone_cued.CUED_RUN_TRIGGER, _PHONES),
    (number_layouts.TRIGGER, _PHONES),
    (id_parts.TRIGGER, _PARTS),
    (split_fields.TRIGGER, _CUED_ID),
    (to_re2(markup.GATE), _MARKUP),
    (folded.TRIGGER, _MARKUP),
    (drawn_o.TRIGGER, _CHARS),
    (rows.TRIGGER, _LAYOUT),
    (latex.TRIGGER, _MARKUP),
    (regional.TRIGGER, _CHARS),
    (markup.HYPHEN_TRIGGER, _HYPHEN),
    (layout.GATE, _LAYOUT | _LINES),
    (layout.ASIDE_GATE, _LAYOUT | _DOT),
    (edit_hints.TRIGGER, _EDITS),
    (letter_styles.ART_GATE, _STYLES),
    (letter_styles.MIRROR_CUE, _STYLES),
    (reading_order.GATE, _ORDER),
    (as_in.TRIGGER, _EDITS),
    (ciphers.TRIGGER, _CIPHER),
    (said_words.TRIGGER, _SAID),
    (handle_containers.TRIGGER, _SAID),
)
"""Cheap supersets of each pass's trigger, with the passes they call for.

RE2 runs them all in one DFA scan and says which matched, so only those passes run.
"""

GATE_MEMORY: Final = 256 << 20
"""RE2's memory budget per set (default 8 MiB). The pre-check's and the unmasker's gate sets
outgrow the default DFA cache on real traffic (disguised cue words and defanging forms add
states): the cache then thrashes, 13 us a message instead of 1.5 us, and a set whose DFA fails
reports no match. With this session's clauses 64 MiB thrashed on the real message mix (the
pre-check fell to 7,000 msg/s); 256 MiB gives 240,000. The cache is built lazily, so the budget
costs memory only as states are met."""

_GATE_MAX: Final = 4096
"""Longer texts are read a window at a time (:mod:`bastion.normalize.gate_windows`): an RE2 set
may give up on them (DFA budget) and report no match."""


class _Gate:
    """RE2 sets of patterns; ``read(text)`` ORs the bits of those that match.

    The patterns of ``apart`` groups (each pattern as given) get sets of their own: each of them
    multiplied the DFA states of the others (a cue's separators, the instruction words, the
    defanged and spelled forms' bracket runs), so a disguised message never seen before cost
    about 230 us of state building in one set (``precheck._APART`` tells the same story)."""

    __slots__ = ("_sets", "_unbounded", "gates")

    def __init__(self, gates: list[tuple[str, int]], apart: tuple[tuple[str, ...], ...] = ()):
        self.gates = tuple(gates)
        if on_hyperscan([pattern for pattern, _ in gates]):
            apart = ()  # one database: Hyperscan builds no states per text
        groups: list[list[tuple[str, int]]] = [[] for _ in range(len(apart) + 1)]
        for pattern, bits in gates:
            group = next((k for k, g in enumerate(apart, 1) if pattern in g), 0)
            groups[group].append((pattern, bits))
        self._sets = tuple(_set_of(group) for group in groups if group)
        self._unbounded: list[tuple[Any, int]] | None = None

    def read(self, text: str) -> int:
        if len(text) > _GATE_MAX:
            return self._read_long(text)
        return self._read(text)

    def unbounded(self) -> list[tuple[Any, int]]:
        """The patterns too wide for a window, each compiled alone with its bits, measured once
        (on the first long text or by :func:`warm`, not at import). A single RE2 regex, unlike
        a set, falls back to its NFA when the DFA budget runs out: it reads a long text whole."""
        if self._unbounded is None:
            self._unbounded = []
            for pattern, bits in self.gates:
                width = gate_windows.max_width(pattern)
                if width is None or width > gate_windows.OVERLAP - 2:
                    self._unbounded.append((_alone(pattern), bits))
        return self._unbounded

    def _read_long(self, text: str) -> int:
        """The bits of the patterns found in some window, and of the wide ones found at all."""
        result = 0
        for window in gate_windows.windows(text, _GATE_MAX):
            result |= self._read(window)
        for regex, bits in self.unbounded():
            if result & bits != bits and (regex is None or regex.search(text) is not None):
                result |= bits
        return result

    def _read(self, text: str) -> int:
        data = text.encode("utf-8", "surrogatepass")
        result = 0
        for match, bits in self._sets:
            for index in match(data):
                result |= bits[index]
        return result


def _alone(pattern: str) -> Any:
    """``pattern`` compiled as one RE2 regex (None when RE2 refuses it: then always found)."""
    options = re2.Options()
    options.max_mem = GATE_MEMORY
    try:
        return re2.compile(pattern, options)
    except re2.error:
        return None


def _set_of(gates: list[tuple[str, int]]) -> tuple[Callable[[bytes], list[int]], list[int]]:
    """One RE2 set's match function over ``gates``' patterns, and their bits by index."""
    match = compiled_set([pattern for pattern, _ in gates], GATE_MEMORY)
    return match, [bits for _, bits in gates]


@dataclass(frozen=True, slots=True)
class Pass:
    """One unmasking pass, in the order :data:`PASSES` runs them.

    ``when``: the gate families (``_ASCII_GATES`` and the non-ASCII ones) that call for the pass;
    part of its behaviour, as today's prose rules were tuned with them. ``trigger``: an RE2
    pattern (:mod:`bastion.normalize.triggers`) found in every text the pass would change, read
    on the text as it stands when the pass comes (an optimisation: None runs it whenever
    ``when`` says). ``wide``: only non-ASCII text can call for it. ``regate``: after its slot the
    families are read again on the changed text. ``guessing``: it reads ``work.guess`` (acts
    differently in the guessed reading); the guessed reading takes over the main reading's work
    up to the first such pass instead of redoing it.
    """

    name: str
    run: Callable[[Work], None]
    when: int
    trigger: str | None = None
    wide: bool = False
    regate: bool = False
    guessing: bool = False


def _char_pass(work: Work) -> None:
    compiled = _compiled()
    rules.char_pass(work, compiled.tables, compiled.chars)


def _homoglyph_pass(work: Work) -> None:
    compiled = _compiled()
    rules.homoglyph_pass(work, compiled.tables, compiled.homoglyph)


PASSES: Final = (
    Pass("reading_order", reading_order.reading_order_pass, _ORDER, regate=True),
    Pass("edit_hints", edit_hints.edit_hints_pass, _EDITS, regate=True),
    Pass(
        "number_layout",
        number_layouts.number_layout_pass,
        _PHONES,
        trigger=number_layouts.TRIGGER,
    ),
    Pass("unfold", folded.unfold_pass, _MARKUP, trigger=folded.TRIGGER),
    Pass("latex", latex.latex_pass, _MARKUP, trigger=latex.TRIGGER),
    Pass("markup", markup.markup_pass, _MARKUP, regate=True),
    Pass("hyphen_break", markup.hyphen_break_pass, _HYPHEN, regate=True),
    Pass("rows", rows.rows_pass, _LAYOUT, trigger=rows.TRIGGER, regate=True),
    Pass("layout", layout.layout_pass, _LAYOUT, regate=True),
    Pass("aside", layout.aside_pass, _LAYOUT, trigger=layout.ASIDE_GATE, regate=True),
    Pass("bidi", rules.bidi_pass, _BIDI, wide=True),
    Pass("roman", rules.roman_pass, _ROMAN, wide=True),
    Pass("regional", regional.regional_pass, _CHARS, trigger=regional.TRIGGER, wide=True),
    Pass("drawn_o", drawn_o.drawn_o_pass, _CHARS, trigger=drawn_o.TRIGGER, wide=True),
    Pass("at_glyphs", at_glyphs.at_glyph_pass, _AT, trigger=at_glyphs.TRIGGER),
    Pass(
        "mirror",
        letter_styles.mirror_pass,
        _STYLES,
        trigger=f"{letter_styles.MIRROR_GATE}|{letter_styles.MIRROR_CUE}",
        wide=True,
    ),
    Pass("struck", markup.struck_pass, _CHARS, trigger=markup.STRUCK_TRIGGER, wide=True),
    Pass("chars", _char_pass, _CHARS, wide=True),
    Pass(
        "emoji_letters",
        rules.emoji_letters_pass,
        _CHARS,
        trigger=rules.EMOJI_LETTER_TRIGGER,
        wide=True,
    ),
    Pass("ciphers", ciphers.cipher_pass, _CIPHER, trigger=ciphers.TRIGGER, regate=True),
    Pass("styled_words", letter_styles.styled_words_pass, _STYLES, wide=True, regate=True),
    Pass("cjk_shapes", letter_styles.cjk_shapes_pass, _STYLES, wide=True, regate=True),
    Pass("ascii_art", letter_styles.ascii_art_pass, _STYLES, trigger=letter_styles.ART_GATE),
    Pass("ligatures", ligatures.ligature_pass, _STYLES, trigger=ligatures.TRIGGER, wide=True),
    Pass("homoglyph", _homoglyph_pass, _HOMOGLYPH, wide=True, regate=True),
    Pass("said_words", said_words.said_words_pass, _SAID, regate=True),
    Pass(
        "handle_containers",
        handle_containers.handle_containers_pass,
        _SAID,
        trigger=handle_containers.TRIGGER,
        regate=True,
    ),
    Pass("line_dots", line_dots.line_dots_pass, _ALL, trigger=line_dots.TRIGGER, wide=True),
    Pass("digit_forms", digit_forms.late_pass, _EDITS, trigger=digit_forms.TRIGGER, wide=True),
    Pass("ip_dots", ip_dots.ip_dots_pass, _DOT, trigger=ip_dots.TRIGGER, wide=True),
    Pass("edit_instructions", edit_hints.edit_instructions_pass, _EDITS, regate=True),
    Pass("as_in", as_in.as_in_pass, _EDITS, trigger=as_in.TRIGGER, regate=True),
    Pass("spoken_mobile", handle_ids.spoken_mobile_pass, _SPOKEN, wide=True),
    Pass(
        "grouped_mobile",
        phone_forms.grouped_mobile_pass,
        _PHONES,
        trigger=phone_forms.GROUPED_MOBILE_TRIGGER,
    ),
    Pass(
        "grouped_qq",
        phone_forms.grouped_qq_pass,
        _PHONES,
        trigger=phone_forms.GROUPED_QQ_TRIGGER,
    ),
    Pass(
        "aside_phone",
        phone_forms.aside_phone_pass,
        _PHONES,
        trigger=phone_forms.ASIDE_TRIGGER,
    ),
    Pass(
        "parts_phone",
        phone_cued.parts_phone_pass,
        _PHONES,
        trigger=phone_cued.PARTS_TRIGGER,
    ),
    Pass(
        "cued_number",
        phone_cued.cued_number_pass,
        _PHONES,
        trigger=phone_cued.CUED_RUN_TRIGGER,
    ),
    Pass(
        "letter_mobile",
        phone_forms.letter_mobile_pass,
        _PHONES,
        trigger=phone_forms.LETTER_MOBILE_TRIGGER,
    ),
    Pass(
        "spoken_phone", phone_forms.spoken_phone_pass, _PHONES, trigger=phone_forms.SPOKEN_TRIGGER
    ),
    Pass("zh_numbers", numerals.chinese_pass, _CJK, trigger=numerals.TRIGGER_ZH, wide=True),
    Pass("cjk_numeral", rules.cjk_numeral_pass, _CJK, wide=True, regate=True),
    Pass("id_parts", id_parts.id_parts_pass, _PARTS, regate=True),
    Pass(
        "glued_ticker",
        handle_ids.glued_ticker_pass,
        _CUED_ID,
        trigger=handle_ids.TICKER_TRIGGER,
        wide=True,
    ),
    Pass(
        "spoken_symbol",
        handle_ids.spoken_symbol_pass,
        _CUED_ID,
        trigger=handle_ids.SPOKEN_SYMBOL_TRIGGER,
    ),
    Pass("split_fields", split_fields.split_fields_pass, _CUED_ID, trigger=split_fields.TRIGGER),
    Pass(
        "dropped_symbol",
        dropped_symbols.dropped_symbol_pass,
        _CUED_ID,
        trigger=dropped_symbols.TRIGGER,
        wide=True,
    ),
    Pass("cued_id", handle_ids.cued_id_pass, _CUED_ID),
    Pass("camel_dot", guess.camel_dot_pass, _DEFANG, trigger=guess.CAMEL_TRIGGER),
    Pass("defang", defang.defang_pass, _DEFANG),
    Pass(
        "messenger_link",
        defang.messenger_link_pass,
        _ALL,
        trigger=defang.MESSENGER_LINK_TRIGGER,
    ),
    Pass("leet_tld", leet.leet_tld_pass, _DEFANG, trigger=leet.GATE, regate=True),
    Pass("en_numbers", numerals.english_pass, _INSTRUCTED, trigger=numerals.TRIGGER_EN),
    Pass(
        "instruction",
        instructions.instruction_pass,
        _INSTRUCTED,
        trigger=to_re2(instructions.GATE),
        guessing=True,
    ),
    Pass("masked", edit_hints.masked_pass, _EDITS),
    Pass("split", guess.split_pass, _SPLIT, guessing=True),
    Pass("digit_run", broken.digit_run_pass, _DIGITS),
    Pass("broken_host", broken.broken_host_pass, _LINES, guessing=True),
    Pass("hxxp", rules.hxxp_pass, _HXXP),
    Pass(
        "spelled_dot",
        rules.spelled_dot_pass,
        _DOT,
        trigger=rules.SPELLED_DOT_TRIGGER,
        guessing=True,
    ),
    Pass("spaced", rules.spaced_pass, _SPACED, trigger=rules.SPACED_TRIGGER),
    Pass("spelled_at", rules.spelled_at_pass, _AT, trigger=rules.SPELLED_AT_TRIGGER),
)
"""Every pass, in order. A pass added here declares its families and, where it is costly and
rarely fires, a trigger; the unmasker builds one RE2 set from all of them."""

_TRIGGER_SHIFT: Final = 32
"""Trigger bits sit above the family bits in a gate read (bit ``_TRIGGER_SHIFT + i``: pass i)."""
_FAMILIES: Final = (1 << _TRIGGER_SHIFT) - 1
assert _ALL < 1 << _TRIGGER_SHIFT


def _trigger_bit(index: int) -> int:
    return 1 << (_TRIGGER_SHIFT + index)


_Step = tuple[Callable[[Work], None], int, int, bool]
"""A pass as the loop reads it: run, families, trigger bit (0: none), regate."""


def _steps(passes: list[int]) -> tuple[_Step, ...]:
    return tuple(
        (p.run, p.when, _trigger_bit(i) if p.trigger else 0, p.regate)
        for i, p in ((i, PASSES[i]) for i in passes)
    )


def _gate_patterns(families: list[tuple[str, int]], passes: list[int]) -> list[tuple[str, int]]:
    return families + [
        (PASSES[i].trigger or "", _trigger_bit(i)) for i in passes if PASSES[i].trigger
    ]


_ASCII_PASSES: Final = [i for i, p in enumerate(PASSES) if not p.wide]
_WIDE_PASSES: Final = list(range(len(PASSES)))
_APART: Final = (
    (handle_ids.CUED_GATE, id_parts.TRIGGER, to_re2(instructions.GATE)),
    (defang.GATE, rules.SPACED_TRIGGER, rules.SPELLED_AT_TRIGGER),
)
"""Gate patterns in sets of their own (see :class:`_Gate`), found by ``bench.gate_sets``."""
_ASCII_GATE: Final = _Gate(_gate_patterns(list(_ASCII_GATES), _ASCII_PASSES), _APART)
_ASCII_STEPS: Final = _steps(_ASCII_PASSES)
_WIDE_STEPS: Final = _steps(_WIDE_PASSES)


def _resume_at(passes: list[int]) -> int:
    """Where the guessed reading starts in ``passes``: at the first pass that reads
    ``work.guess``; every pass before it does exactly what it did for the main reading."""
    return next((k for k, i in enumerate(passes) if PASSES[i].guessing), len(passes))


_ASCII_RESUME: Final = _resume_at(_ASCII_PASSES)
_WIDE_RESUME: Final = _resume_at(_WIDE_PASSES)


@dataclass(frozen=True, slots=True)
class _Resume:
    """The main reading's work where the guessed reading takes over: the text, its map, its
    tricks and steps lists with how many they held then (``Work`` only appends to them), and
    the loop's gate state."""

    text: str
    starts: list[int] | None
    ends: list[int] | None
    tricks: list[tuple[str, int, int]]
    trick_count: int
    steps: list[UnmaskStep]
    step_count: int
    read: int
    read_at: int
    families: int
    families_at: int


@dataclass(frozen=True, slots=True)
class _Compiled:
    """Gate and regexes over the lazily built character tables."""

    tables: Tables
    gate: _Gate
    chars: re.Pattern[str]
    homoglyph: re.Pattern[str]


@cache
def _compiled() -> _Compiled:
    t = tables()
    cjk = "".join(CJK_NUMERALS)
    families = [
        (r"\x{202e}", _BIDI),
        (f"[{t.same_class}{t.other_class}]", _CHARS),
        (rules.EMOJI_LETTER_TRIGGER, _CHARS),
        (f"[{t.homoglyph_class}]", _HOMOGLYPH),
        (f"[{letter_styles.style_chars()}]", _STYLES),
        (letter_styles.CJK_GATE, _STYLES),
        (letter_styles.MIRROR_GATE, _STYLES),
        (ligatures.TRIGGER, _STYLES),
        (rf"[A-Za-z0-9]{_WS}{{0,2}}[{CJK_DOTS}]", _DOT | _AT),
        (rf"\.{_WS}?[{DOT_EMOJI}]|[{DOT_EMOJI}]{_WS}?\.", _DOT),
        (f"[{cjk}][0-9A-Za-z{cjk}\\-.。点點【（［\\[(｛{{]", _CJK),
        (rules.ROMAN_RE.pattern, _ROMAN),
        (handle_ids.SPOKEN_GATE, _SPOKEN),
        (handle_ids.TICKER_TRIGGER, _CUED_ID),
        (numerals.TRIGGER_ZH, _CJK),
        (dropped_symbols.TRIGGER, _CUED_ID),
        *_ASCII_GATES,
    ]
    gate = _Gate(_gate_patterns(families, _WIDE_PASSES), _APART)
    bmp = [cp for cp in (*t.same, *t.other) if cp <= 0xFFFF]
    chars = re.compile(f"[{char_class(bmp)}\\U00010000-\\U0010ffff]+")
    return _Compiled(t, gate, chars, re.compile(f"[{t.homoglyph_class}]"))


def unmask(text: str, *, explain: bool = False, weak: bool = False) -> Unmasked:
    """Fold disguised links and handles in ``text`` to plain ASCII, keeping a map to ``text``.

    With ``explain=True`` every undone trick is also recorded as an :class:`UnmaskStep`. With
    ``weak=True`` a spelled dot that reads as prose before a final TLD (``ebarus dot me``,
    ``brca。be``) is folded too, as trick ``weak_dot``: the scanner keeps such a host only when
    the intel lists it; and where a guess can apply (:mod:`bastion.normalize.guess`) the result
    carries the guessed reading as ``alternate``.
    """
    if not isinstance(text, str):
        raise TypeError(f"unmask() needs a str, got {type(text).__name__}")
    work, families, resume = _run(text, explain, weak, guessing=False)
    result = Unmasked(text, text) if work is None else work.result()
    if not weak:
        return result
    split = work is not None and any(trick[0] == "split_word" for trick in work.tricks)
    if len(text) > _GATE_MAX:  # the guess gate may be one too wide for a window: ask it whole
        guessable = guess.GUESS_GATE.search(result.text) is not None
    else:
        guessable = bool(families & _GUESS)
    if split or guessable:
        alternate, _, _ = _run(text, explain, True, guessing=True, resume=resume)
        if alternate is not None and alternate.text != result.text:
            result.alternate = alternate.result()
    return result


_SPELLED_DOT_BIT: Final = _trigger_bit(
    next(i for i, p in enumerate(PASSES) if p.name == "spelled_dot")
)


def _run(
    text: str, explain: bool, weak: bool, *, guessing: bool, resume: _Resume | None = None
) -> tuple[Work | None, int, _Resume | None]:
    """The passes the gate calls for, in order, the gate families read (on the text as folded
    at the last re-read) and, for the main reading when a guessed reading may follow
    (``weak``), its state where the guessed reading takes over (:class:`_Resume`); no work when
    the gate calls for none. ``guessing`` builds the guessed reading: the spelled-dot pass
    always runs, then the guesses; it starts from ``resume`` when given."""
    if text.isascii():
        gate, steps, resume_at = _ASCII_GATE, _ASCII_STEPS, _ASCII_RESUME
    else:
        gate, steps, resume_at = _compiled().gate, _WIDE_STEPS, _WIDE_RESUME
    begin = 0
    if resume is None:
        read = gate.read(text)
        families = read & _FAMILIES
        read_at = families_at = 0
    else:
        read, read_at = resume.read, resume.read_at
        families, families_at = resume.families, resume.families_at
    forced = 0
    if guessing:
        families |= _DOT
        forced = _SPELLED_DOT_BIT
    if not families:
        return None, 0, None
    work = Work(text, explain, weak, guessing)
    if resume is not None:
        begin = resume_at
        work.text, work.starts, work.ends = resume.text, resume.starts, resume.ends
        work.tricks[:] = resume.tricks[: resume.trick_count]
        work.steps[:] = resume.steps[: resume.step_count]
    tricks = work.tricks
    saved: _Resume | None = None
    # read_at, families_at: how many tricks the text held when the gate last read it, and when
    # the families did
    save_at = resume_at if weak and not guessing else -1
    for position, (run, when, trigger, regate) in enumerate(steps[begin:], begin):
        if position == save_at:
            saved = _Resume(
                work.text, work.starts, work.ends, tricks, len(tricks), work.steps,
                len(work.steps), read, read_at, families, families_at,
            )  # fmt: skip
        if when & families:
            if not trigger:
                run(work)
            else:
                if len(tricks) != read_at:
                    read, read_at = gate.read(work.text), len(tricks)
                if read & trigger or trigger == forced:
                    run(work)
        if regate and len(tricks) != families_at:
            if len(tricks) != read_at:
                read, read_at = gate.read(work.text), len(tricks)
            families |= read & _FAMILIES
            families_at = len(tricks)
    if guessing:
        guess.guess_pass(work)
    return work, families, saved


def warm() -> None:
    """Build the character tables now (~80 ms) instead of on the first non-ASCII text, and
    measure the gates' patterns for long texts instead of on the first one."""
    _compiled()
    for gate in (_ASCII_GATE, _compiled().gate):
        gate.unbounded()
