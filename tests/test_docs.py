"""The documentation keeps up with the code: settings and plugin READMEs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ("iberia", "elearning", "mentoring", "jobs", "programme", "dashboard",
           "storefront")


def configuration_table() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line for line in section.splitlines() if line.startswith("|"))


def test_every_setting_a_plugin_reads_is_in_the_configuration_table() -> None:
    read = {name for path in (ROOT / "plugins").rglob("*.py")
            for name in re.findall(r"RUTA_[A-Z0-9_]*[A-Z0-9]", path.read_text("utf-8"))}
    assert {"RUTA_IBERIA_VIES", "RUTA_ELEARNING_SIGNING_KEY"} <= read
    table = set(re.findall(r"`(RUTA_[A-Z0-9_]+)`", configuration_table()))
    assert sorted(read - table) == []


def test_the_webhook_settings_are_in_the_configuration_table() -> None:
    table = configuration_table()
    for name in ("RUTA_WEBHOOK_TIMEOUT", "RUTA_WEBHOOK_MAX_ATTEMPTS"):
        assert f"`{name}`" in table


def test_each_first_party_plugin_has_a_readme_with_its_settings_and_hooks() -> None:
    for plugin in PLUGINS:
        readme = (ROOT / "plugins" / plugin / "README.md").read_text(encoding="utf-8")
        for heading in ("## Settings", "## GraphQL additions", "## Hooks", "## Flows",
                        "## Known limits"):
            assert heading in readme, (plugin, heading)
        hooks = (ROOT / "plugins" / plugin / "hooks.py").read_text(encoding="utf-8")
        for hook in re.findall(r"def (ruta_\w+)\(", hooks):
            assert f"`{hook}`" in readme, (plugin, hook)
        code = "\n".join(p.read_text("utf-8") for p in (ROOT / "plugins" / plugin).glob("*.py"))
        for name in set(re.findall(r"RUTA_[A-Z]+_[A-Z0-9_]*[A-Z0-9]", code)):
            if name.startswith(f"RUTA_{plugin.upper()}_"):
                assert f"`{name}`" in readme, (plugin, name)
