#!/usr/bin/env python3
"""Checks the Maven package as a user's build receives it: the jar carries the classes and the
native library at JNA's resource path, the installed POM declares the runtime dependencies, the
sources jar holds the Kotlin, and the docs jar the Dokka reference. Exits non-zero otherwise.

Usage: check-package.py <version>
"""

import sys
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

GROUP, ARTIFACT = "com.imburse", "imburse-kotlin"
RUNTIME_DEPENDENCIES = {
    "org.jetbrains.kotlin:kotlin-stdlib",
    "org.jetbrains.kotlinx:kotlinx-coroutines-core-jvm",
    "net.java.dev.jna:jna",
}
NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def names(jar: Path) -> set[str]:
    if not jar.is_file():
        sys.exit(f"check-package: {jar} was not built")
    with zipfile.ZipFile(jar) as archive:
        return set(archive.namelist())


def require(found: set[str], wanted: list[str], what: str) -> None:
    missing = [name for name in wanted if name not in found]
    if missing:
        sys.exit(f"check-package: {what} lacks {', '.join(missing)}")


def main() -> None:
    (version,) = sys.argv[1:]
    installed = Path.home() / ".m2/repository" / GROUP.replace(".", "/") / ARTIFACT / version
    stem = f"{ARTIFACT}-{version}"

    jar = names(installed / f"{stem}.jar")
    require(jar, ["linux-x86-64/libimburse_kotlin.so", "com/imburse/Client.class", "com/imburse/BlockingClient.class",
                  "com/imburse/ClientConfig$Builder.class", "com/imburse/core/NewOrder.class",
                  "com/imburse/testing/TestEmulator.class"], "the jar")
    stray = sorted(n for n in jar if n.startswith("com/imburse/tests/") or n.startswith("com/imburse/conformance/"))
    if stray:
        sys.exit(f"check-package: test classes in the jar: {stray[:3]}")

    pom = ElementTree.parse(installed / f"{stem}.pom").getroot()
    declared = {}
    for dependency in pom.findall("m:dependencies/m:dependency", NS):
        key = f"{dependency.findtext('m:groupId', namespaces=NS)}:{dependency.findtext('m:artifactId', namespaces=NS)}"
        declared[key] = dependency.findtext("m:scope", default="compile", namespaces=NS)
    missing = sorted(d for d in RUNTIME_DEPENDENCIES if declared.get(d) != "compile")
    if missing:
        sys.exit(f"check-package: the POM does not declare {missing} for users")

    sources = names(installed / f"{stem}-sources.jar")
    require(sources, ["com/imburse/imburse_kotlin.kt", "com/imburse/core/imburse.kt",
                      "com/imburse/testing/imburse_emulator.kt"], "the sources jar")
    docs = names(installed / f"{stem}-javadoc.jar")
    require(docs, ["index.html"], "the docs jar")
    pages = sum(1 for n in docs if n.endswith(".html"))
    print(f"package {GROUP}:{ARTIFACT}:{version}: jar {len(jar)} entries (native library inside), "
          f"POM with {len(declared)} dependencies, sources jar {len(sources)} entries, docs jar {pages} pages")


if __name__ == "__main__":
    main()
