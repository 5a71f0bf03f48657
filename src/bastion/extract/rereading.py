"""Hosts of a text's second readings (:mod:`bastion.normalize.readings`), and how sure each is.

``reread(text, entities)`` scans each reading of ``text`` like a message and adds the hosts it
yields that the first reading lacks. Every such host is a guess at what the writer meant, so it
is flagged ``prose_like`` (kept only when the intel lists it) and ``reread``; a host of a
reading that joins pieces is flagged ``joined`` too, and one of a reading that fills a masked
character ``masked`` (kept only when listed as it is, not as a look-alike). Its span is the
reading's window.

``settle(entities)`` runs once the intel has been asked (the scanner's last step before the
policy): it decides what the pieces read alone are worth, the one rule that keeps a joined
reading from turning into a confident wrong host:

- a listed host of a reading outranks the unlisted hosts the first reading made of the same
  window, and a host it was joined from (``ex.pro`` of ``tubes`` / ``ex。pro``, listed or not);
- a joined host that is not listed still shows the window held one host in pieces: a piece
  the first reading took for a host (its host inside the joined one) is flagged
  ``ambiguous_host``, so the item goes to a person rather than pass on a fragment.
"""

from __future__ import annotations

from dataclasses import replace

from bastion.extract import extract_entities, has_candidates
from bastion.extract.hosts import PROSE_LIKE
from bastion.model import HOST_KINDS, WITHHELD_FLAG, Entity
from bastion.normalize import unmask
from bastion.normalize.readings import MAX_READINGS, Reading, read_again, wanted
from bastion.normalize.result import Unmasked

REREAD = "reread"
JOINED = "joined"
MASKED = "masked"
AMBIGUOUS = "ambiguous_host"
_TOLD = frozenset({"instruction", WITHHELD_FLAG})


def _host(entity: Entity) -> str:
    return (entity.host or entity.value or "").lower().rstrip(".")


def readable(text: str) -> bool:
    """True when a second reading of ``text`` may hold a host the pre-check cannot see (a host
    spelled in the NATO alphabet has no dot): one RE2 set pass."""
    return bool(wanted(text))


def _readings(text: str, fold: Unmasked | None, hosts: list[tuple[int, int]]) -> list[Reading]:
    """The second readings of ``text``, then those of its first reading (``fold``: the
    unmasker's fold of it) mapped back to ``text``'s offsets: a reader then reads what the
    passes made of a disguise it could not read as written (``ЅvkЈhguk + Russia's country
    domain``: the faux Cyrillic folded, the country named read as its TLD). A reading of the
    fold counts only where the first reading found no sure host and withheld nothing (``hosts``:
    their spans): there the passes already read the disguise or said no reader can, and
    another reading of their output is a guess (``k🙈live🙈🙈.com`` is no ``k8live.com``). At
    most ``MAX_READINGS`` in all."""
    readings = read_again(text)
    if fold is None or fold.text == text or len(readings) >= MAX_READINGS:
        return readings
    said = {r.text for r in readings}
    for r in read_again(fold.text):
        if r.text in said:
            continue
        said.add(r.text)
        end = min(r.end, len(fold.text))  # a reader's window may run past the end
        lo, hi = fold.to_original(min(r.start, end), end)
        hi = max(lo, hi)
        if any(lo < b and a < hi for a, b in hosts):
            continue
        readings.append(replace(r, start=lo, end=hi))
        if len(readings) >= MAX_READINGS:
            break
    return readings


def reread(text: str, entities: list[Entity], fold: Unmasked | None = None) -> list[Entity]:
    """``entities`` (of ``text``'s first reading, ``fold`` its unmasked text when given) with
    the hosts its second readings add (see :func:`_readings`)."""
    hosts: list[tuple[int, int]] = []
    if fold is not None:
        hosts = [
            e.span for e in entities
            if e.kind in HOST_KINDS and (WITHHELD_FLAG in e.flags or PROSE_LIKE not in e.flags)
        ] + [(lo, hi) for name, lo, hi in fold.tricks if name == WITHHELD_FLAG]  # fmt: skip
    readings = _readings(text, fold, hosts)
    if not readings:
        return entities
    seen = {_host(e) for e in entities if e.kind in HOST_KINDS}
    first = [host for host in seen if host]
    told = [e.span for e in entities if not _TOLD.isdisjoint(e.flags)]
    added: list[Entity] = []
    for reading in readings:
        if not has_candidates(reading.text):
            continue
        for entity in extract_entities(unmask(reading.text, weak=True), prose_like=True, told=True):
            host = _host(entity)
            if entity.kind not in HOST_KINDS or not host or "." not in host or host in seen:
                continue
            seen.add(host)
            if WITHHELD_FLAG in entity.flags and any(_piece_of(host, h) for h in first):
                continue  # the tail of a host the first reading read whole (``k.gov``)
            if not (reading.masked or reading.told) and any(
                reading.start < hi and lo < reading.end for lo, hi in told
            ):
                continue  # the first reading did as the text says: another reading is another host
            entity.span = (reading.start, reading.end)
            entity.raw = text[reading.start : reading.end]
            flags = (PROSE_LIKE, REREAD, JOINED if reading.joined else None)
            for flag in (*flags, MASKED if reading.masked else None):
                if flag and flag not in entity.flags:
                    entity.flags.append(flag)
            added.append(entity)
    if not added:
        return entities
    return sorted([*entities, *added], key=lambda e: (e.span[0], e.span[0] - e.span[1]))


def _overlaps(a: Entity, b: Entity) -> bool:
    return a.span[0] < b.span[1] and b.span[0] < a.span[1]


def _piece_of(part: str, whole: str) -> bool:
    """``part`` is a piece of ``whole``: inside it, or its letters inside ``whole``'s once the
    dots are set aside (``hi88.vip`` of ``hi88vip3.com``)."""
    if part == whole:
        return False
    bare = part.removeprefix("www.")
    return bare in whole or bare.replace(".", "") in whole.replace(".", "")


def settle(entities: list[Entity]) -> set[int]:
    """Indices of the first reading's pieces that give way to a second reading's listed host;
    pieces of an unlisted joined host are flagged ``ambiguous_host`` in place (see the module's
    docstring). Call after the intel has listed what it knows."""
    reread_hosts = [e for e in entities if REREAD in e.flags and e.kind in HOST_KINDS]
    if not reread_hosts:
        return set()
    listed = [e for e in reread_hosts if e.categories]
    unsure = [e for e in reread_hosts if not e.categories and JOINED in e.flags]
    dropped = set()
    for index, entity in enumerate(entities):
        if REREAD in entity.flags or entity.kind not in HOST_KINDS:
            continue
        host = _host(entity)
        gives_way = any(
            _overlaps(entity, other)
            and (not entity.categories or (JOINED in other.flags and _piece_of(host, _host(other))))
            for other in listed
        )
        if gives_way:
            dropped.add(index)
        elif not listed and any(_overlaps(entity, o) and _piece_of(host, _host(o)) for o in unsure):
            if entity.categories:
                if AMBIGUOUS not in entity.flags:
                    entity.flags.append(AMBIGUOUS)
            else:
                dropped.add(index)
    return dropped
