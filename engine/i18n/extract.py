"""Collect every error message literal of the engine and the first-party plugins.

An AST scan of ``ValidationError(field, code, message)``, ``FieldError(...)``,
``NotFound(field, message)``, ``PermissionDenied(message)``, ``NotAuthenticated(message)``,
``errors.add(field, code, message)`` and of ``message="..."`` parameter defaults. An f-string
becomes a msgid with named placeholders: ``f"Use at least {min_length} characters."`` gives
``"Use at least {min_length} characters."`` (the name of the expression, lower-cased).

``python -m engine.i18n.extract`` adds missing msgids to every catalog (empty translations).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("engine", "plugins")
#: Callable name -> position of the message argument.
MESSAGE_POSITION = {"ValidationError": 2, "FieldError": 2, "__init__": 2,
                    "NotFound": 1, "PermissionDenied": 0, "NotAuthenticated": 0, "add": 2}


def _name(expr: ast.expr) -> str:
    if isinstance(expr, ast.Name):
        return expr.id.lower()
    if isinstance(expr, ast.Attribute):
        return expr.attr.lower()
    if isinstance(expr, ast.Subscript):
        return _name(expr.value)
    if isinstance(expr, ast.Call):
        return _name(expr.func)
    return "value"


def msgid_of(node: ast.expr) -> str | None:
    """The msgid of a message expression, or None when it is not a literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts: list[str] = []
        used: set[str] = set()
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value).replace("{", "{{").replace("}", "}}"))
            elif isinstance(value, ast.FormattedValue):
                name, n = _name(value.value), 2
                while name in used:
                    name, n = f"{_name(value.value)}{n}", n + 1
                used.add(name)
                parts.append("{" + name + "}")
        return "".join(parts)
    return None


def _message_arg(call: ast.Call) -> ast.expr | None:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name not in MESSAGE_POSITION:
        return None
    for keyword in call.keywords:
        if keyword.arg == "message":
            return keyword.value
    position = MESSAGE_POSITION[name]
    if name == "add" and not (len(call.args) == 3 and isinstance(call.args[1], ast.Constant)):
        return None  # some other .add(): a session, a set
    return call.args[position] if 0 <= position < len(call.args) else None


def messages_in(source: str) -> Iterator[str]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            arg = _message_arg(node)
            options = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for option in options:
                msgid = msgid_of(option) if option is not None else None
                if msgid:
                    yield msgid
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args.args[len(node.args.args) - len(node.args.defaults):]
            for arg_, default in zip(args, node.args.defaults, strict=True):
                if arg_.arg == "message" and (msgid := msgid_of(default)):
                    yield msgid


def sources(root: Path = ROOT) -> dict[str, set[str]]:
    """Every message msgid -> the modules that raise it (``"engine/checkout/service.py"``)."""
    found: dict[str, set[str]] = {}
    for folder in SOURCES:
        for path in sorted((root / folder).rglob("*.py")):
            module = path.relative_to(root).as_posix()
            for msgid in messages_in(path.read_text(encoding="utf-8")):
                found.setdefault(msgid, set()).add(module)
    return found


def collect(root: Path = ROOT) -> set[str]:
    """Every message msgid in the engine and the first-party plugins."""
    return set(sources(root))


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    from engine.i18n.catalogs import add_missing

    add_missing(collect())
