"""The README promises a newcomer two commands; CI must run exactly the test one."""

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def two_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.strip().splitlines()]


def test_readme_gives_exactly_two_commands():
    assert two_commands() == ["make run", "make test"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(rf"^{re.escape(two_commands()[1])} \|\| status=\$\?$", ci, re.M)


def test_makefile_has_both_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run:", "test:"):
        assert re.search(rf"^{target}", makefile, re.M)


def test_screenshot_in_readme_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme):
        assert (ROOT / path).is_file(), path


def test_the_shortcuts_the_readme_names_are_the_registered_ones():
    from briefer.ui.panel_registry import DETAIL_SHORTCUT, PANELS, shortcut_of

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    entries = {
        match.group(1): match.group(2)
        for match in re.finditer(r"^- \*\*([^*]+)\*\* \(([^)]*)\)", readme, re.M)
    }
    for spec in PANELS:
        assert shortcut_of(spec) in entries[spec.title.replace("&", "")], spec.name
    assert DETAIL_SHORTCUT in entries["Detail pane"]
    named = {
        key for text in entries.values() for key in re.findall(r"Ctrl\+(?:Shift\+)?\w", text)
    }
    assert named <= {shortcut_of(spec) for spec in PANELS} | {
        DETAIL_SHORTCUT,
        "Ctrl+K",
        "Ctrl+F",
        "Ctrl+E",
        "Ctrl+Shift+N",
    }
