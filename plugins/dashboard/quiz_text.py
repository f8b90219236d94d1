"""A quiz written as plain text in a form: ``? question``, then ``* right`` / ``- wrong``."""

from __future__ import annotations

from typing import Any


def parse(text: str) -> tuple[list[dict[str, Any]], bool]:
    """``(questions, ok)``: each question needs at least two options and one right one."""
    questions: list[dict[str, Any]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("?"):
            questions.append({"text": line[1:].strip(), "options": [], "correct": []})
        elif line[0] in "*-" and questions:
            question = questions[-1]
            if line[0] == "*":
                question["correct"].append(len(question["options"]))
            question["options"].append(line[1:].strip())
        else:
            return [], False
    ok = all(q["text"] and len(q["options"]) >= 2 and q["correct"] for q in questions)
    return questions, ok


def write(questions: list[dict[str, Any]]) -> str:
    """A stored quiz (``text``, ``options { text isCorrect }``) back as the form's text."""
    lines: list[str] = []
    for question in questions:
        lines.append(f"? {question['text']}")
        lines.extend(f"{'*' if option.get('isCorrect') else '-'} {option['text']}"
                     for option in question["options"])
    return "\n".join(lines)
