"""Matrix content as Bastion items: which event fields are scanned, on which surface, as whom.

Pure: plain dicts in (an event's ``get_dict()``, a profile), ``Item`` records out. Matrix ids do
not all fit Bastion's id grammar (``@`` and ``$`` may not start one), so the sigil is replaced by
a short prefix and anything that still does not fit is hashed: the same Matrix id always gives
the same Bastion id, and ``user_id_of`` turns an account id back into the Matrix user id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any, Final

from bastion.model import Item

MAX_TEXT: Final = 20_000
_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+~-]{0,127}")
_HASHED: Final = "h:"
MESSAGE_TYPES: Final = frozenset(
    {"m.text", "m.notice", "m.emote", "m.image", "m.file", "m.video", "m.audio", "m.location"}
)


def bastion_id(prefix: str, value: str) -> str:
    """``prefix`` + ``value`` when that is a valid Bastion id, else ``prefix`` + a hash."""
    candidate = prefix + value
    if _ID.fullmatch(candidate):
        return candidate
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    return f"{prefix}{_HASHED}{digest}"


def account_id(user_id: str) -> str:
    """Bastion account id of a Matrix user id: ``@alice:example.org`` -> ``alice:example.org``."""
    return bastion_id("", user_id[1:] if user_id.startswith("@") else user_id)


def user_id_of(account: str) -> str | None:
    """The Matrix user id of a Bastion account id, or None for a hashed one (not reversible)."""
    if not account or account.startswith(_HASHED) or ":" not in account:
        return None
    return "@" + account


def event_item_id(event_id: str) -> str:
    return bastion_id("ev:", event_id[1:] if event_id.startswith("$") else event_id)


def event_id_of(item_id: str) -> str | None:
    """The Matrix event id of an event item id (``ev:...``), or None."""
    if not item_id.startswith("ev:") or item_id.startswith("ev:" + _HASHED):
        return None
    return "$" + item_id[3:]


def _text(value: Any) -> str:
    return value[:MAX_TEXT] if isinstance(value, str) else ""


def _item(item_id: str, surface: str, sender: str, text: str, platform: str, room: str) -> Item:
    meta: dict[str, Any] = {"matrix_room": room} if room else {}
    return Item(
        id=item_id,
        text=text,
        platform=platform,
        surface=surface,
        account_id=account_id(sender) if sender else "",
        meta=meta,
    )


def event_items(
    event: Mapping[str, Any], platform: str = "matrix", event_id: str | None = None
) -> list[Item]:
    """The items to scan for one event (none for events that carry no user text).

    - ``m.room.message`` / ``m.sticker``: ``body`` and, for HTML messages, ``formatted_body``
      (one text, so a link split between them is still one link) on the ``chat`` surface;
    - ``m.room.name`` on ``display_name`` (a name shown in every room list), ``m.room.topic``
      on ``bio``;

    Synapse does not pass member events to ``check_event_for_spam``: display names are checked by
    ``member_item`` (``user_may_send_state_event`` and the ``check_event_allowed`` rule).
    """
    kind = event.get("type")
    content = event.get("content")
    if not isinstance(content, Mapping):
        return []
    sender = event.get("sender") if isinstance(event.get("sender"), str) else ""
    room = event.get("room_id") if isinstance(event.get("room_id"), str) else ""
    raw_id = event_id or event.get("event_id")  # newer room versions keep it off the dict
    item_id = event_item_id(raw_id) if isinstance(raw_id, str) and raw_id else ""
    if not item_id:
        return []

    def one(surface: str, text: str) -> list[Item]:
        text = text.strip()
        return [_item(item_id, surface, str(sender), text, platform, str(room))] if text else []

    if kind in ("m.room.message", "m.sticker"):
        msgtype = content.get("msgtype")
        if kind == "m.room.message" and msgtype not in MESSAGE_TYPES:
            return []
        text = _text(content.get("body"))
        if content.get("format") == "org.matrix.custom.html":
            html = _text(content.get("formatted_body"))
            if html and html != text:
                text = f"{text}\n{html}" if text else html
        return one("chat", text)
    if kind == "m.room.name":
        return one("display_name", _text(content.get("name")))
    if kind == "m.room.topic":
        return one("bio", _text(content.get("topic")))
    return []


def member_item(
    user_id: str, room_id: str, display_name: Any, platform: str = "matrix"
) -> Item | None:
    """A display name a member event sets in a room (keyed by room, user and name, so the state
    request and the event it becomes are one item), or None when it sets none."""
    text = _text(display_name).strip()
    if not text:
        return None
    digest = hashlib.sha256(f"{room_id}\n{user_id}\n{text}".encode()).hexdigest()[:24]
    return _item(f"member:{digest}", "display_name", user_id, text, platform, room_id)


def localpart(user_id: str) -> str:
    return user_id[1:].partition(":")[0] if user_id.startswith("@") else user_id


def profile_items(user_id: str, display_name: str | None, platform: str = "matrix") -> list[Item]:
    """A user directory entry: the user id's localpart as ``username``, the display name as
    ``display_name``. Ids are keyed by content, so an unchanged profile is one item."""
    items = []
    local = user_id[1:].partition(":")[0] if user_id.startswith("@") else user_id
    for surface, text in (("username", local), ("display_name", display_name or "")):
        text = _text(text).strip()
        if not text:
            continue
        digest = hashlib.sha256(f"{user_id}\n{surface}\n{text}".encode()).hexdigest()[:24]
        items.append(_item(f"profile:{surface}:{digest}", surface, user_id, text, platform, ""))
    return items


def registration_item(username: str, platform: str = "matrix") -> Item:
    """A username asked for at registration (no account exists yet, so none is named)."""
    digest = hashlib.sha256(username.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return Item(
        id=f"register:{digest}", text=_text(username), platform=platform, surface="username"
    )


def media_item(
    media_id: str, user_id: str, data: bytes, kind: str, platform: str = "matrix"
) -> Item:
    """An uploaded picture (its bytes, read at the edge by the module) on the ``post`` surface:
    an upload is not yet an avatar or a message, so the stricter profile surfaces do not apply."""
    from bastion.model import ImageInput

    ref = f"mxc media {media_id} ({kind}, {len(data):,} bytes)"
    return Item(
        id=bastion_id("media:", media_id),
        platform=platform,
        surface="post",
        account_id=account_id(user_id) if user_id else "",
        images=(ref,),
        image_data=(ImageInput(ref, data),),
    )
