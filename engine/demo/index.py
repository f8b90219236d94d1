"""What plugins get to find their way around the demo marketplace."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoIndex:
    """Database ids of the demo data, by the names ``engine/demo/data.py`` gives them."""

    users: dict[str, int] = field(default_factory=dict)  # e-mail -> user id
    vendors: dict[str, int] = field(default_factory=dict)  # slug -> vendor id
    categories: dict[str, int] = field(default_factory=dict)  # slug -> category id
    products: dict[str, int] = field(default_factory=dict)  # slug -> product id
    variants: dict[str, int] = field(default_factory=dict)  # SKU -> variant id
