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


def main() -> None:
    (path,) = sys.argv[1:]
    with open(path, encoding="utf-8") as file:
        source = file.read()
    with open(path, "w", encoding="utf-8") as file:
        file.write(add_pager_idioms(patch(source)))


if __name__ == "__main__":
    main()
