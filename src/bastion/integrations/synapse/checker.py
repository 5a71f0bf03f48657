"""The Synapse module: ``modules: [{module: bastion.integrations.synapse.BastionSpamChecker}]``.

Synapse instantiates it with the parsed config and its ``ModuleApi``; it registers the four spam
checker callbacks named in ``callbacks``. Synapse is imported only here, when Synapse loads the
module, so the rest of the package (config, items, decisions, backends, receiver) runs and is
tested without it.
"""

from __future__ import annotations

import io
import logging
from typing import Any, Final

from bastion.integrations.synapse.backends import Backend, build_backend
from bastion.integrations.synapse.config import ModuleConfig, parse_config
from bastion.integrations.synapse.decision import Decision
from bastion.integrations.synapse.items import (
    event_items,
    localpart,
    media_item,
    member_item,
    profile_items,
    registration_item,
)
from bastion.model import Item

log = logging.getLogger("bastion.synapse")
IMAGE_MAGIC: Final = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")


def looks_like_image(head: bytes) -> bool:
    """PNG, JPEG, GIF, BMP or WebP by their first bytes (other uploads are not pictures)."""
    return head.startswith(IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


class _TooLarge(Exception):
    pass


class BastionSpamChecker:
    """Registers ``check_event_for_spam``, ``check_media_file_for_spam``,
    ``check_username_for_spam`` and ``check_registration_for_spam`` (see the README)."""

    def __init__(self, config: ModuleConfig, api: Any, backend: Backend | None = None) -> None:
        from synapse.api.errors import Codes
        from synapse.module_api import NOT_SPAM
        from synapse.spam_checker_api import RegistrationBehaviour

        self.config, self.api = config, api
        self._codes, self._not_spam, self._registration = Codes, NOT_SPAM, RegistrationBehaviour
        self.backend: Backend = backend or build_backend(config)
        wanted = config.callbacks
        callbacks = {
            "check_event_for_spam": self.check_event_for_spam,
            "user_may_send_state_event": self.user_may_send_state_event,
            "check_media_file_for_spam": self.check_media_file_for_spam,
            "check_username_for_spam": self.check_username_for_spam,
            "check_registration_for_spam": self.check_registration_for_spam,
        }
        api.register_spam_checker_callbacks(
            **{name: fn for name, fn in callbacks.items() if name in wanted}
        )
        if "check_event_allowed" in wanted:
            api.register_third_party_rules_callbacks(check_event_allowed=self.check_event_allowed)
        log.info("bastion spam checker loaded: mode %s, callbacks %s", config.mode, sorted(wanted))

    @staticmethod
    def parse_config(config: dict[str, Any]) -> ModuleConfig:
        return parse_config(config)

    async def _check(self, item: Item, callback: str, *, thread: bool) -> Decision:
        """Text in process runs inline (microseconds); pictures and remote calls on a thread."""
        if thread or self.config.mode == "remote":
            decision: Decision = await self.api.defer_to_thread(self.backend.check, item, callback)
            return decision
        return self.backend.check(item, callback)

    def _refusal(self, decision: Decision) -> Any:
        return (self._codes.FORBIDDEN, decision.error_fields())

    async def check_event_for_spam(self, event: Any) -> Any:
        for item in event_items(event.get_dict(), self.config.platform, event.event_id):
            decision = await self._check(item, "check_event_for_spam", thread=False)
            if decision.refuse:
                log.info("refused %s (%s, %s)", event.event_id, decision.verdict, decision.rule)
                return self._refusal(decision)
        return self._not_spam

    async def user_may_send_state_event(
        self, user_id: str, room_id: str, event_type: str, state_key: str, content: Any
    ) -> Any:
        """A member setting a display name in one room (``/myroomnick``): refused (M_FORBIDDEN)."""
        if event_type != "m.room.member" or state_key != user_id or not isinstance(content, dict):
            return self._not_spam
        item = member_item(user_id, room_id, content.get("displayname"), self.config.platform)
        if item is None:
            return self._not_spam
        decision = await self._check(item, "user_may_send_state_event", thread=False)
        # This callback takes a bare code: Synapse answers with its own sentence.
        return self._codes.FORBIDDEN if decision.refuse else self._not_spam

    async def check_event_allowed(
        self, event: Any, state_events: Any
    ) -> tuple[bool, dict[str, Any] | None]:
        """A join carrying a refused display name (a profile change spreading to the rooms, or
        a join with such a name) goes through with the localpart as the name instead: the join
        is kept, the name never shows in any room."""
        if event.type != "m.room.member" or event.state_key != event.sender:
            return True, None
        content = event.content
        if content.get("membership") != "join":
            return True, None
        item = member_item(
            event.sender, event.room_id, content.get("displayname"), self.config.platform
        )
        if item is None:
            return True, None
        decision = await self._check(item, "check_event_allowed", thread=False)
        if not decision.refuse:
            return True, None
        replaced = event.get_dict()
        replaced["content"] = {**dict(content), "displayname": localpart(event.sender)}
        log.info(
            "display name of %s replaced in %s (%s)", event.sender, event.room_id, decision.rule
        )
        return True, replaced

    async def check_media_file_for_spam(self, file_wrapper: Any, file_info: Any) -> Any:
        if file_info.thumbnail is not None or file_info.url_cache or file_info.server_name:
            return self._not_spam  # thumbnails of scanned originals, previews, remote media
        limit = self.config.max_media_bytes
        buffer = io.BytesIO()

        def write(chunk: bytes) -> None:
            if buffer.tell() + len(chunk) > limit:
                raise _TooLarge
            buffer.write(chunk)

        try:
            await file_wrapper.write_chunks_to(write)
        except _TooLarge:
            log.info("media %s over %d bytes: not scanned", file_info.file_id, limit)
            return self._not_spam
        data = buffer.getvalue()
        if not looks_like_image(data[:16]):
            return self._not_spam
        item = media_item(str(file_info.file_id), "", data, "upload", self.config.platform)
        decision = await self._check(item, "check_media_file_for_spam", thread=True)
        return self._refusal(decision) if decision.refuse else self._not_spam

    async def check_username_for_spam(self, user_profile: Any, requester_id: str) -> bool:
        """True hides the user from user-directory search results."""
        user_id = str(user_profile.get("user_id") or "")
        for item in profile_items(user_id, user_profile.get("display_name"), self.config.platform):
            decision = await self._check(item, "check_username_for_spam", thread=False)
            if decision.refuse:
                return True
        return False

    async def check_registration_for_spam(
        self,
        email_threepid: dict[str, Any] | None,
        username: str | None,
        request_info: Any,
        auth_provider_id: str | None = None,
    ) -> Any:
        if username:
            item = registration_item(username, self.config.platform)
            decision = await self._check(item, "check_registration_for_spam", thread=False)
            if decision.refuse:
                log.info("registration of %r denied (%s)", username[:64], decision.rule)
                return self._registration.DENY
        return self._registration.ALLOW
