"""Request bodies. Validation happens here, at the edge, so the service sees only sound values and
a bad request gets a 422 problem listing every invalid field at once."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Final

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from bastion.extract.images.inputs import from_base64
from bastion.extract.images.limits import DEFAULT_LIMITS
from bastion.image_inputs import read_images, within_item_limits
from bastion.model import ImageInput, Item, Surface

MAX_ID_CHARS: Final = 128
ID_GRAMMAR: Final = (
    f"1 to {MAX_ID_CHARS} characters of A-Z a-z 0-9 . _ : @ + ~ -, starting with a letter or digit"
)
_ID = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._:@+~-]{{0,{MAX_ID_CHARS - 1}}}")


def check_external_id(value: str) -> str:
    """An item or account id as the platform sent it, if the API can serve it back.

    Ids come back in URL paths (``/v1/accounts/{id}``) and audit subjects: a ``/``, ``%``, ``?``,
    space, control or non-ASCII character, a ``.``/``..`` segment or an unbounded length would
    make an id that is stored but cannot be addressed, so the grammar is checked at the edge.
    """
    if not _ID.fullmatch(value):
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise ValueError(f"id {shown!r} is not {ID_GRAMMAR}")
    return value


def _check_optional_id(value: str) -> str:
    return value if value == "" else check_external_id(value)


ExternalId = Annotated[str, AfterValidator(check_external_id)]
"""An item or account id (see ``ID_GRAMMAR``), in a body or a path."""


class ImageIn(BaseModel):
    """An image sent inline: its bytes in base64 and, optionally, their media type."""

    model_config = ConfigDict(extra="forbid")

    data: str = Field(min_length=1, max_length=8 << 20)
    type: str = Field(default="", max_length=100, pattern=r"^[\w.+/-]*$")


class ItemIn(BaseModel):
    """One input record (ARCHITECTURE.md): ``id`` and one of ``text``/``images`` are required."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(coerce_numbers_to_str=True), AfterValidator(check_external_id)]
    text: str = Field(default="", max_length=200_000)
    platform: str = Field(default="", max_length=64)
    surface: Surface = "post"
    account_id: Annotated[str, AfterValidator(_check_optional_id)] = ""
    images: list[str | ImageIn] = Field(default_factory=list, max_length=16)
    """``data:`` URIs or ``{"data": BASE64, "type": "image/png"}``; the API reads no files and
    fetches no URLs (such a reference is an error on that image in the result)."""
    created_at: datetime | None = None
    meta: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _needs_content(self) -> ItemIn:
        if not self.text and not self.images:
            raise ValueError("a record needs 'text' or 'images'")
        if self.created_at is not None and self.created_at.tzinfo is None:
            raise ValueError("'created_at' needs a time zone (e.g. 2026-11-20T10:00:00Z)")
        return self

    def to_item(self) -> Item:
        """The record as the scan core takes it, its images decoded to bytes here, at the edge."""
        inputs: list[ImageInput] = []
        for image in self.images:
            if isinstance(image, str):
                inputs.extend(read_images([image], None))
            else:
                inputs.append(from_base64(image.data, DEFAULT_LIMITS, media_type=image.type))
        image_data = within_item_limits(inputs)
        return Item(
            id=self.id,
            text=self.text,
            platform=self.platform,
            surface=self.surface,
            account_id=self.account_id,
            images=tuple(image.ref for image in image_data),
            created_at=self.created_at.isoformat() if self.created_at else None,
            meta=self.meta,
            image_data=image_data,
        )


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[ItemIn] = Field(min_length=1)


class ScopeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    platforms: list[str] = Field(default_factory=list, max_length=200)
    surfaces: list[Surface] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list, max_length=200)
    rules: list[str] = Field(default_factory=list, max_length=200)


class CampaignIn(BaseModel):
    """A campaign; ``starts_at`` defaults to now and ``ends_at`` is required (time-boxed)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    scope: ScopeIn = Field(default_factory=ScopeIn)
    starts_at: datetime | None = None
    ends_at: datetime


class WebhookIn(BaseModel):
    """The tenant's notice endpoint; ``url: null`` stops notices. A secret is returned once."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(max_length=2000)
    rotate_secret: bool = False
