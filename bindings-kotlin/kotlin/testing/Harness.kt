// A small test harness for the JVM without JUnit (no Maven here): each test is a named suspend
// function; assertions throw; the runner prints one line per test and a closing
// "N passed, N failed" line, and the process exits non-zero when anything failed.
package com.imburse.testing

import kotlin.system.exitProcess
import kotlinx.coroutines.runBlocking

class AssertionFailed(message: String) : AssertionError(message)

fun fail(message: String): Nothing = throw AssertionFailed(message)

fun check(condition: Boolean, message: () -> String) {
    if (!condition) fail(message())
}

fun <T> assertEquals(expected: T, actual: T, what: String) {
    if (expected != actual) fail("$what: expected <$expected>, got <$actual>")
}

/** Runs [block] and returns the exception of type [E] it must throw. */
suspend inline fun <reified E : Throwable> assertThrows(what: String, block: suspend () -> Any?): E {
    val result = try {
        block()
    } catch (e: Throwable) {
        if (e is E) return e
        fail("$what: expected ${E::class.qualifiedName}, got $e")
    }
    fail("$what: expected ${E::class.qualifiedName}, but it returned $result")
}

class TestCase(val name: String, val body: suspend () -> Unit)

class TestSuite {
    val cases = mutableListOf<TestCase>()

    fun test(name: String, body: suspend () -> Unit) {
        cases += TestCase(name, body)
    }
}

/** Runs every case in order (or those whose name contains [filter]) and exits. */
fun runAndExit(suite: TestSuite, filter: String?, cleanup: () -> Unit) {
    var passed = 0
    var failed = 0
    val started = System.nanoTime()
    try {
        for (case in suite.cases.filter { filter == null || it.name.contains(filter) }) {
            val t0 = System.nanoTime()
            try {
                runBlocking { case.body() }
                passed++
                println("PASS ${case.name} (${(System.nanoTime() - t0) / 1_000_000} ms)")
            } catch (e: Throwable) {
                failed++
                println("FAIL ${case.name}: $e")
                if (e !is AssertionFailed) e.printStackTrace(System.out)
            }
        }
    } finally {
        cleanup()
    }
    val seconds = (System.nanoTime() - started) / 1_000_000_000.0
    println("%d passed, %d failed (%.1f s)".format(passed, failed, seconds))
    exitProcess(if (failed == 0 && passed > 0) 0 else 1)
}
