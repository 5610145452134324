"""Checks that the Swift package (swift/) is complete and consistent, since no Swift compiler
runs here: Package.swift's targets point at what the build produced, every FFI module the
generated sources import is declared by the module map, every header the map names is there,
and the XCFramework script makes the binary target Package.swift names.

Usage: check-swift-package.py <swift package dir>
"""

import re
import sys
from pathlib import Path


def fail(message: str) -> None:
    sys.exit(f"error: the Swift package: {message}")


def main(package: Path) -> None:
    manifest = (package / "Package.swift").read_text()
    binary = re.search(r'\.binaryTarget\(name: "(\w+)", path: "([^"]+)"\)', manifest)
    source = re.search(r'\.target\(name: "(\w+)", dependencies: \["(\w+)"\], path: "([^"]+)"\)', manifest)
    if not binary or not source:
        fail("Package.swift must declare one binary target and one source target depending on it")
    binary_name, binary_path = binary.groups()
    _, dependency, source_path = source.groups()
    if dependency != binary_name:
        fail(f"the source target depends on {dependency}, the binary target is {binary_name}")
    if binary_path != f"{binary_name}.xcframework":
        fail(f"the binary target's path is {binary_path}")
    script = (package / "make-xcframework.sh").read_text()
    if f'-output "$SWIFT_DIR/{binary_path}"' not in script:
        fail(f"make-xcframework.sh does not make {binary_path}")

    sources = sorted((package / source_path).glob("*.swift"))
    if not sources:
        fail(f"no generated sources in {source_path}")
    imported = {m for s in sources for m in re.findall(r"#if canImport\((\w+)\)\nimport \1", s.read_text())}
    module_map = (package / "Headers" / "module.modulemap").read_text()
    declared = set(re.findall(r"^module (\w+) \{", module_map, re.M))
    if imported != declared:
        fail(f"the sources import {sorted(imported)}, the module map declares {sorted(declared)}")
    for header in re.findall(r'header "([^"]+)"', module_map):
        if not (package / "Headers" / header).is_file():
            fail(f"the module map names {header}, which is missing")
    print(f"Swift package: {len(sources)} sources in {source_path}, FFI modules {', '.join(sorted(declared))}, "
          f"binary target {binary_path} (made on a Mac by make-xcframework.sh)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
