#!/usr/bin/env python3
"""Fails when a source file includes a header of a layer above its own.

The layers, lowest first: models -> sim (the engine) -> io (file formats) -> validation -> cli and
gui. Inside gui: plot (ImGui only) and core (no ImGui) -> viewer -> app. Each folder may include its
own headers and those of the folders listed for it below. Tests and benchmarks may include what the
layer they exercise may include, plus their own helpers. The build enforces most of this (each target
sees only the include roots of what it links); this check also covers headers no target compiles on
its own and reads as the one table of the layers.

Usage: check_layers.py REPOSITORY_ROOT   (exit 0: no include runs upward; 1: each offence listed)
"""
import pathlib
import re
import sys

ENGINE = ["models", "sim"]
BELOW_VALIDATION = ENGINE + ["io"]
ALLOWED = {
    "models": ["models"],
    "sim": ENGINE,
    "io": BELOW_VALIDATION,
    "validation": BELOW_VALIDATION + ["validation"],
    "cli": BELOW_VALIDATION + ["validation", "cli"],
    "gui/plot": ["gui/plot"],
    "gui/core": BELOW_VALIDATION + ["validation", "gui/core"],
    "gui/viewer": BELOW_VALIDATION + ["validation", "gui/core", "gui/plot", "gui/viewer"],
    "gui/app": BELOW_VALIDATION + ["validation", "gui/core", "gui/plot", "gui/viewer", "gui/app"],
    "bench": BELOW_VALIDATION + ["bench"],
    "python": BELOW_VALIDATION + ["python"],
}
# Tests of a layer see what that layer sees, plus the shared test helpers in tests/.
for layer in list(ALLOWED):
    ALLOWED["tests/" + layer] = ALLOWED[layer] + ["tests"]
# The model is exercised through the engine that integrates it.
ALLOWED["tests/models"] = ENGINE + ["tests"]
# Helpers: the shared test headers, and ImGui without a window for the plot and viewer tests.
ALLOWED["tests"] = ["tests"]
ALLOWED["tests/gui"] = ["gui/plot", "tests"]
ALLOWED["tests/architecture"] = ["tests"]
# The fuzz targets feed the file formats' parsers, the reference figures' included.
ALLOWED["tests/fuzz"] = BELOW_VALIDATION + ["validation", "tests"]

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def layer_of(relative: str, layers) -> str | None:
    """The longest layer name that is a folder prefix of `relative`."""
    best = None
    for name in layers:
        if relative == name or relative.startswith(name + "/"):
            if best is None or len(name) > len(best):
                best = name
    return best


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    known = set(ALLOWED) | {"tests"}
    offences = []
    checked = 0
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".hpp", ".cpp", ".in") or path.relative_to(root).parts[0].startswith("build"):
            continue
        relative = path.relative_to(root).as_posix()
        own = layer_of(relative, ALLOWED)
        if own is None:
            # A source file outside every layer has no rule to be checked against: name it.
            offences.append(f"{relative}: in no layer of this table (add its folder to ALLOWED)")
            continue
        checked += 1
        for header in INCLUDE.findall(path.read_text(encoding="utf-8")):
            # Test helpers (tests/cli/cli_runner.hpp, ...) serve every test.
            target = "tests" if header.startswith("tests/") else layer_of(header, known)
            if target is None:
                # Same-folder includes ("headless_imgui.hpp") stay inside the layer.
                if "/" not in header:
                    continue
                offences.append(f"{relative}: #include \"{header}\": not a header of any layer")
            elif target not in ALLOWED[own]:
                offences.append(f"{relative}: #include \"{header}\": {own} may include only {', '.join(ALLOWED[own])}")
    for line in offences:
        print(line)
    print(f"check_layers: {checked} files, {len(offences)} upward include(s)")
    return 1 if offences or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
