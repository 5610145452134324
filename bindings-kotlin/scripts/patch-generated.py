#!/usr/bin/env python3
"""Two corrections to the Kotlin that uniffi 0.32 generates, which its templates offer no setting for.

1. Resuming a suspended call. uniffi resumes the caller's coroutine on the thread that woke the
   Rust future: one of the SDK's runtime threads. A coroutine with a dispatcher is dispatched
   back to it, but one without (`suspend fun main`, `Dispatchers.Unconfined`) would go on running
   the user's code on the SDK's thread, where a blocking call cannot work and `runBlocking`
   hangs. Such a coroutine is resumed on the JVM's common pool instead.
2. The exception message. uniffi makes an error's `message` a dump of every field; ours is the
   core's one-line `report.text`, as in every other language.

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


def main() -> None:
    (path,) = sys.argv[1:]
    with open(path, encoding="utf-8") as file:
        source = file.read()
    with open(path, "w", encoding="utf-8") as file:
        file.write(patch(source))


if __name__ == "__main__":
    main()
