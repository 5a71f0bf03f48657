"""Operator-supplied trending topics: imported into the home, matched in one linear pass.

The file is UTF-8 text, one topic a line (``#某地暴雨#``, ``world cup final``); blank lines are
skipped. Each topic is normalised like a post but keeping hashtag words (``normalise(...,
keep_tags=True)``): ``#某地暴雨#`` and ``某地暴雨`` are one topic, traditional and simplified
too. A post is *on* a topic when the topic's letters and digits occur in the post's (an
Aho-Corasick automaton, linear in the post). A topic shorter than two Han characters or four
other letters and digits would match almost anything, so the import refuses it, naming the line.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import ahocorasick

from bastion.neardup.files import write_atomic
from bastion.neardup.textnorm import NORMALISATION_VERSION, normalise

FORMAT: Final = "bastion.neardup.topics/1"
MAX_TOPICS: Final = 100_000
MAX_TOPIC_CHARS: Final = 200


class TopicsError(ValueError):
    """A topics file that cannot be imported; one line naming the file and line."""


def _han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def topic_term(topic: str, t2s: Mapping[int, str]) -> str:
    """The normalised form a topic is matched by ('' when it is too short to be one)."""
    term = normalise(topic, t2s, keep_tags=True)
    han = sum(1 for ch in term if _han(ch))
    return term if han >= 2 or len(term) >= 4 else ""


def parse_topics(path: Path, t2s: Mapping[int, str]) -> list[tuple[str, str]]:
    """(topic as written, term) for each line of ``path``; ``TopicsError`` on a bad line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TopicsError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise TopicsError(f"{path}: not UTF-8 text") from None
    topics: list[tuple[str, str]] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        topic = line.strip()
        if not topic:
            continue
        if len(topic) > MAX_TOPIC_CHARS:
            raise TopicsError(
                f"{path} line {lineno}: a topic is at most {MAX_TOPIC_CHARS} characters"
            )
        term = topic_term(topic, t2s)
        if not term:
            raise TopicsError(
                f"{path} line {lineno}: {topic!r} is too short to match reliably "
                "(at least two Han characters or four letters and digits)"
            )
        if term not in seen:
            seen.add(term)
            topics.append((topic, term))
    if not topics:
        raise TopicsError(f"{path}: no topics")
    if len(topics) > MAX_TOPICS:
        raise TopicsError(f"{path}: more than {MAX_TOPICS:,} topics")
    return topics


def save_topics(topics: list[tuple[str, str]], path: Path) -> None:
    """Write the compiled topics atomically."""
    payload = {
        "format": FORMAT,
        "normalisation": NORMALISATION_VERSION,
        "topics": [{"topic": topic, "term": term} for topic, term in topics],
    }
    write_atomic(path, [json.dumps(payload, ensure_ascii=False) + "\n"])


@dataclass(frozen=True, slots=True)
class Topics:
    """The imported topics as an automaton over normalised text (read-only after load)."""

    topics: tuple[str, ...]
    automaton: Any

    @classmethod
    def build(cls, topics: list[tuple[str, str]]) -> Topics:
        automaton = ahocorasick.Automaton()
        for number, (_topic, term) in enumerate(topics):
            automaton.add_word(term, number)
        automaton.make_automaton()
        return cls(tuple(topic for topic, _term in topics), automaton)

    @classmethod
    def load(cls, path: Path) -> Topics:
        """Read topics written by ``save_topics``; ``ValueError`` (one line) if damaged."""
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            if payload.get("format") != FORMAT:
                raise ValueError("unknown format")
            if payload.get("normalisation") != NORMALISATION_VERSION:
                raise ValueError("compiled with another text normalisation; import it again")
            topics = [(str(t["topic"]), str(t["term"])) for t in payload["topics"]]
        except (
            OSError,
            UnicodeDecodeError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
        ) as exc:
            raise ValueError(f"{path}: not a topics file ({exc})") from None
        if not topics or not all(term for _topic, term in topics):
            raise ValueError(f"{path}: not a topics file (empty topic)")
        return cls.build(topics)

    def find(self, tagged_text: str) -> str | None:
        """The first topic (as written) whose term occurs in ``tagged_text`` (normalised with
        ``keep_tags=True``), or None."""
        if not tagged_text:
            return None
        for _end, number in self.automaton.iter(tagged_text):
            return self.topics[int(number)]
        return None
