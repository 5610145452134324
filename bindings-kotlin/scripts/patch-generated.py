#!/usr/bin/env python3
"""Two corrections to the Kotlin that uniffi 0.32 generates, which its templates offer no setting
for, and one addition.

1. Resuming a suspended call. uniffi resumes the caller's coroutine on the thread that woke the
   Rust future: one of the SDK's runtime threads. A coroutine with a dispatcher is dispatched
   back to it, but one without (`suspend fun main`, `Dispatchers.Unconfined`) would go on running
   the user's code on the SDK's thread, where a blocking call cannot work and `runBlocking`
   hangs. Such a coroutine is resumed on the JVM's common pool instead.
2. The exception message. uniffi makes an error's `message` a dump of every field; ours is the
   core's one-line `report.text`, as in every other language.

3. The pagers' Kotlin idioms. For each pager uniffi generates (`XPager`, `BlockingXPager`, one
   per paged list of the core's declaration), an extension walking every item lazily:
   `XPager.asFlow(): Flow<X>` and `BlockingXPager.asSequence(): Sequence<X>` (and
   `asIterable()` for Java), each reading the next page only when the items run out.

4. Java callers. Kotlin's default arguments do not exist for Java, so Java would pass `null` for
   every option. For each `BlockingClient` method with trailing optional arguments, overloads
   without them (`getOrder(ref)` beside `getOrder(ref, options)`); on every record with defaults
   `@JvmOverloads` constructors (`new NewOrder("ORDER-1")`); and on a record whose fields are all
   optional (`ClientConfig`, `CallOptions`, …) a builder: `ClientConfig.builder().baseUrl(…)
   .build()`, one setter per field, each field's default the constructor's; named constructors
   (`TestEmulator.startBlocking()`) are static methods with overloads.

Each correction must apply exactly where expected: if the generated code changes shape (a new
uniffi version), the build stops here instead of shipping an uncorrected binding.
"""

import re
import sys

RESUME_CALL = "uniffiContinuationHandleMap.remove(data).resume(pollResult)"
RESUME_FUNCTION = """
// Resumes a suspended call off the SDK's runtime threads (see scripts/patch-generated.py).
internal fun uniffiResumeOffRuntime(continuation: CancellableContinuation<Byte>, pollResult: Byte) {
    val context = continuation.context
    val dispatcher = context[kotlin.coroutines.ContinuationInterceptor] as? kotlinx.coroutines.CoroutineDispatcher
    if (dispatcher != null && dispatcher.isDispatchNeeded(context)) {
        continuation.resume(pollResult)
    } else {
        java.util.concurrent.ForkJoinPool.commonPool().execute { continuation.resume(pollResult) }
    }
}
"""
MESSAGE = re.compile(r'(override val message\n\s+get\(\) = )"report=\$\{ `report` \}"')


def patch(source: str) -> str:
    if source.count(RESUME_CALL) != 1:
        sys.exit("patch-generated: the continuation callback was not found exactly once")
    source = source.replace(RESUME_CALL, "uniffiResumeOffRuntime(uniffiContinuationHandleMap.remove(data), pollResult)")
    anchor = "internal object uniffiRustFutureContinuationCallbackImpl"
    source = source.replace(anchor, RESUME_FUNCTION.lstrip() + "\n" + anchor, 1)

    source, messages = MESSAGE.subn(r"\1`report`.`text`", source)
    expected = source.count(") : ImburseException()")
    if messages == 0 or messages != expected:
        sys.exit(f"patch-generated: {messages} exception messages rewritten, {expected} variants found")
    return source


PAGER = re.compile(r"^open class (Blocking)?(\w+)Pager\b", re.MULTILINE)
FLOW = """
/** Every {item} of every page left, read lazily: the next page only when these run out. A page's
 * error is thrown where it is reached; cancelling the collector stops the reads. */
public fun {item}Pager.asFlow(): kotlinx.coroutines.flow.Flow<com.imburse.core.{item}> =
    kotlinx.coroutines.flow.flow {{
        while (true) {{
            val page = nextPage() ?: break
            for (item in page.data.results) emit(item)
        }}
    }}
"""
SEQUENCE = """
/** Every {item} of every page left, read lazily on the calling thread: the next page only when
 * these run out. A page's error is thrown where it is reached. */
public fun Blocking{item}Pager.asSequence(): Sequence<com.imburse.core.{item}> = sequence {{
    while (true) {{
        val page = nextPage() ?: break
        yieldAll(page.data.results)
    }}
}}

/** [asSequence] for Java's `for (… : …)`. */
public fun Blocking{item}Pager.asIterable(): Iterable<com.imburse.core.{item}> = asSequence().asIterable()
"""


def add_pager_idioms(source: str) -> str:
    pagers = PAGER.findall(source)
    items = sorted({item for blocking, item in pagers if not blocking})
    if not items or sorted({item for blocking, item in pagers if blocking}) != items:
        sys.exit(f"patch-generated: pagers found do not pair up: {pagers}")
    additions = "".join(FLOW.format(item=item) + SEQUENCE.format(item=item) for item in items)
    return source + "\n// The pagers' Kotlin idioms (see scripts/patch-generated.py).\n" + additions


METHOD = re.compile(r"^    fun `(\w+)`\((.*)\): ([\w.<>?, ]+)$", re.MULTILINE)
PARAMETER = re.compile(r"`(\w+)`: ([^=]+?)(?: = (.+))?$")


def split_parameters(text: str) -> list[str]:
    """Splits a parameter list at its top-level commas (types may hold `Map<K, V>`)."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "<"
        depth -= char == ">"
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return parts + [current.strip()] if current.strip() else parts


def add_java_overloads(source: str) -> str:
    interface = source.index("public interface BlockingClientInterface {")
    body = source[interface:source.index("\n}\n", interface)]
    overloads = []
    for name, parameters, returns in METHOD.findall(body):
        parsed = [PARAMETER.match(p).groups() for p in split_parameters(parameters)]
        optional = 0
        while optional < len(parsed) and parsed[len(parsed) - 1 - optional][2] is not None:
            optional += 1
        for dropped in range(1, optional + 1):
            kept = parsed[: len(parsed) - dropped]
            arguments = [f"`{n}`" for n, _, _ in kept] + [parsed[i][2] for i in range(len(kept), len(parsed))]
            overloads.append(
                f"    /** [{name}] without its last {dropped} optional argument(s), for Java. */\n"
                f"    @Throws(ImburseException::class)\n"
                f"    fun `{name}`({', '.join(f'`{n}`: {t}' for n, t, _ in kept)}): {returns} =\n"
                f"        `{name}`({', '.join(arguments)})\n"
            )
    if len(overloads) < 10:
        sys.exit(f"patch-generated: only {len(overloads)} Java overloads found for BlockingClient")
    anchor = "open class BlockingClient: Disposable, AutoCloseable, BlockingClientInterface\n{\n"
    if source.count(anchor) != 1:
        sys.exit("patch-generated: the BlockingClient class was not found exactly once")
    return source.replace(anchor, anchor + "\n" + "\n".join(overloads), 1)


RECORD = re.compile(r"^data class (\w+) \(\n(.*?)\n\)", re.MULTILINE | re.DOTALL)
FIELD = re.compile(r"^\s+va[lr] `(\w+)`: (.+?)(?: = (.+?))?\s*$", re.MULTILINE)
BUILDER = """
    /** Builds a [{record}] one field at a time, for Java: `{record}.builder()….build()`. */
    class Builder internal constructor() {{
{fields}
        /** The [{record}] with the fields set so far, and the defaults for the rest. */
        fun build(): {record} = {record}({arguments})
    }}

    companion object {{
        /** A [Builder] with every field at its default. */
        @JvmStatic
        fun builder(): Builder = Builder()
    }}
}}
"""
BUILDER_FIELD = """        private var `{name}`: {type} = {default}
        /** Sets [{record}.{name}]. */
        fun `{name}`(value: {type}): Builder = apply {{ this.`{name}` = value }}
"""


OBJECT_CONSTRUCTOR = re.compile(r"^    constructor\((.*= .*)\) :$", re.MULTILINE)


def add_java_constructors(source: str) -> str:
    # An object's constructor with optional arguments (`new BlockingClient(config)`).
    patched = OBJECT_CONSTRUCTOR.sub(r"    @JvmOverloads constructor(\1) :", source)
    for match in RECORD.finditer(patched):
        record, body = match.groups()
        fields = FIELD.findall(body)
        if not fields or all(default == "" for _, _, default in fields):
            continue
        declaration = f"data class {record} (\n"
        patched = patched.replace(declaration, f"data class {record} @JvmOverloads constructor(\n", 1)
        if any(default == "" for _, _, default in fields):
            continue
        # The record's body ends with uniffi's empty companion object.
        start = patched.index(f"data class {record} @JvmOverloads constructor(\n")
        end = patched.index("\n    companion object\n}\n", start)
        setters = "".join(BUILDER_FIELD.format(record=record, name=n, type=t, default=d) for n, t, d in fields)
        arguments = ", ".join(f"`{n}` = `{n}`" for n, _, _ in fields)
        patched = patched[:end] + "\n" + BUILDER.format(record=record, fields=setters, arguments=arguments).rstrip("\n") \
            + patched[end + len("\n    companion object\n}"):]
    return patched


STATIC_CONSTRUCTOR = re.compile(r"^(    )(@Throws\(\w+::class\) )?(fun `\w+`\(.*\): \w+ \{)$", re.MULTILINE)


def add_static_constructors(source: str) -> str:
    """uniffi puts a class's named constructors in its companion object."""
    patched, count = STATIC_CONSTRUCTOR.subn(r"\1@JvmStatic @JvmOverloads \2\3", source)
    if count == 0:
        sys.exit("patch-generated: no named constructor found in the emulator's sources")
    return patched


def main() -> None:
    client_path, core_path, testing_path = sys.argv[1:]
    with open(testing_path, encoding="utf-8") as file:
        testing = file.read()
    with open(testing_path, "w", encoding="utf-8") as file:
        file.write(add_static_constructors(add_java_constructors(testing)))
    with open(client_path, encoding="utf-8") as file:
        source = file.read()
    source = add_java_constructors(add_java_overloads(add_pager_idioms(patch(source))))
    if "class Builder internal constructor()" not in source.split("data class ClientConfig @JvmOverloads", 1)[1].split("\ndata class ", 1)[0]:
        sys.exit("patch-generated: ClientConfig got no builder")
    with open(client_path, "w", encoding="utf-8") as file:
        file.write(source)
    with open(core_path, encoding="utf-8") as file:
        core = file.read()
    with open(core_path, "w", encoding="utf-8") as file:
        file.write(add_java_constructors(core))


if __name__ == "__main__":
    main()
