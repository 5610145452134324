#!/usr/bin/env python3
"""Judge of the cross-language conformance suite (Python 3.9+, standard library only).

Every language's runner executes every scenario of ``manifest.json`` against the emulator and
writes one normalised outcome record per scenario to ``records/<language>.jsonl``. This script:

  judge.py records/rust.jsonl records/python.jsonl ...
      Compares every other file with the first (the reference), scenario by scenario, and
      reports missing and extra scenarios and every differing field. Exit 0 only when all
      record sets are valid and equal.

  judge.py --check-manifest manifest.json records/rust.jsonl
      Lints the manifest, then checks one record set against each scenario's ``expect`` block
      (subset match), so every runner's expectations are checked in one place.

  judge.py --lint manifest.json [--emulator URL]
      Checks the manifest: well-formed JSON, unique kebab-case ids, known operation names and
      arguments, fault specs, expectations written in normalised form. With --emulator, also
      arms every fault spec on a running emulator (then disarms it) to prove it is accepted.

  judge.py --self-test
      Proves the judge detects a differing field, a missing scenario, an unmet expectation and
      a bad manifest, and accepts equal record sets.

Exit codes: 0 all good, 1 differences or failed checks, 2 usage, file or JSON errors.
See README.md next to this file for the formats and the normalisation rules.
"""

import argparse
import json
import os
import re
import sys
import tempfile
import urllib.error
import urllib.request

# --------------------------------------------------------------------------- vocabulary

ERROR_KINDS = (
    "bad_request", "unauthorized", "request_failed", "forbidden", "not_found", "conflict",
    "rate_limited", "server", "timeout", "connection", "invalid_response", "invalid_request",
    "configuration", "closed",
)

# How one attempt ended: the core's fixed set (AttemptOutcomeKind).
ATTEMPT_OUTCOMES = ("ok", "http_error", "connect_failed", "connection_closed", "timed_out", "body_incomplete",
                    "network_error", "invalid_response")

# Instruction fields in "field order" (the order validation codes are listed in).
INSTRUCTION_REQUIRED = ("instruction_ref", "customer_ref", "direction", "amount", "currency", "country")
INSTRUCTION_OPTIONAL = ("settled_by_date", "scheme_id", "financial_instrument_id", "metadata")
CUSTOMER_DEFAULT_FIELDS = ("financial_instrument_id", "scheme_id", "metadata")

# A checkout session's fields (snake_case; `channels` a list checked on its own).
CHECKOUT_FIELDS = ("order_ref", "instruction_ref", "expiry_seconds", "theme_id", "customer_type", "customer_first_name",
                   "customer_last_name", "company_name", "customer_email", "customer_mobile_phone", "cardholder_name",
                   "billing_house_number", "billing_street1", "billing_street2", "billing_city", "billing_state",
                   "billing_country", "billing_post_code", "authorization_source", "authorization_frequency",
                   "bank_account", "channels")

# A new mandate's fields (snake_case), its debtor's and the debtor's address's; text unless the
# structure says otherwise.
MANDATE_FIELDS = ("customer_ref", "creditor_profile_ref", "mandate_type", "agreement_type", "debtor", "metadata")
DEBTOR_FIELDS = ("first_name", "last_name", "company_name", "email", "language", "address", "account_holder_name",
                 "account_number", "sort_code", "iban", "bsb_number", "bank_name", "signatory_name", "routing_number",
                 "account_type", "authorization_source", "authorization_frequency")
ADDRESS_FIELDS = ("house_number_or_name", "street_address", "postcode", "city", "country")
# The deprecated network routes' new creditor profiles (snake_case; the address as a debtor's).
SEPA_PROFILE_FIELDS = ("profile_name", "identifier", "name", "address", "metadata")
BACS_PROFILE_FIELDS = ("profile_name", "service_user_number", "organization_name", "metadata")

# The operations that walk a paged list, one call per page.
PAGED_LISTS = ("list_creditor_profiles", "list_mandates")

# Operation name -> (required args, optional args). Values are strings unless named below.
OPERATIONS = {
    "create_order": (("order_ref",), ("instructions", "metadata", "customer_defaults")),
    "create_order_v2": (("order_ref",), ("instructions", "metadata", "customer_defaults")),
    "update_customer_default": (("order_ref", "customer_ref", "customer_default"), ()),
    "delete_customer_default": (("order_ref", "customer_ref"), ()),
    "forget_customer": (("customer_ref",), ()),
    "get_transaction": (("customer_ref", "financial_instrument_id", "transaction_id"), ()),
    "get_order": (("order_ref",), ()),
    "get_creditor_profiles_page": ((), ("offset", "page_size")),
    "list_creditor_profiles": ((), ("page_size",)),
    "get_mandates_page": ((), ("offset", "page_size")),
    "list_mandates": ((), ("page_size",)),
    "get_mandate": (("mandate_id",), ()),
    "create_mandate": (("mandate",), ()),
    "get_sepa_creditor_profile": (("creditor_profile_ref",), ()),
    "create_sepa_creditor_profile": (("sepa_profile",), ()),
    "get_bacs_creditor_profile": (("creditor_profile_ref",), ()),
    "create_bacs_creditor_profile": (("bacs_profile",), ()),
    "get_becs_au_mandate": (("mandate_id",), ()),
    "get_becs_nz_mandate": (("mandate_id",), ()),
    "create_checkout_session": (("session",), ()),
    "create_pay_by_link": (("link",), ()),
    "create_mandate_session": (("session",), ()),
    "create_instruction": (("order_ref", "instruction"), ()),
    "get_instruction": (("order_ref", "instruction_ref"), ()),
    "wait_for_instruction": (("order_ref", "instruction_ref", "statuses"), ()),
    "cancel_instruction": (("order_ref", "instruction_ref"), ("reason",)),
    "get_customer": (("customer_ref",), ()),
    "get_or_create_customer": (("customer_ref",), ()),
    "update_customer_metadata": (("customer_ref", "metadata"), ()),
    "update_order_metadata": (("order_ref", "metadata"), ()),
    "add_mobile_instrument": (("customer_ref", "country_code", "phone_number"), ()),
    "get_financial_instrument": (("customer_ref", "financial_instrument_id"), ()),
    "get_wallet": (("customer_ref",), ()),
    "add_to_wallet": (("customer_ref", "financial_instrument_id"), ("reason",)),
    "list_collect_schemes": ((), ()),
    "get_collect_scheme": (("scheme_id",), ()),
    "create_collect_scheme": (("scheme",), ()),
    "delete_collect_scheme": (("scheme_id",), ()),
    "publish_collect_scheme_draft": (("scheme_id", "draft_id"), ()),
    "list_payout_schemes": ((), ()),
    "get_payout_scheme": (("scheme_id",), ()),
    "create_payout_scheme": (("scheme",), ()),
    "delete_payout_scheme": (("scheme_id",), ()),
    "publish_payout_scheme_draft": (("scheme_id", "draft_id"), ()),
    "get_account": ((), ()),
    "update_account": (("update",), ()),
    "list_account_keys": ((), ()),
    "get_account_key": (("public_key",), ()),
    "create_account_key": (("key",), ()),
    "update_account_key": (("public_key", "key"), ()),
    "delete_account_key": (("public_key",), ()),
    "list_tenants": ((), ()),
    "get_tenant": (("tenant_id",), ()),
    "create_tenant": (("tenant",), ()),
    "update_tenant": (("tenant_id", "tenant"), ()),
    "list_account_tenant_keys": (("tenant_id",), ()),
    "get_account_tenant_key": (("tenant_id", "public_key"), ()),
    "create_account_tenant_key": (("tenant_id", "key"), ()),
    "update_account_tenant_key": (("tenant_id", "public_key", "key"), ()),
    "delete_account_tenant_key": (("tenant_id", "public_key"), ()),
    "list_tenant_keys": ((), ()),
    "get_tenant_key": (("public_key",), ()),
    "create_tenant_key": (("key",), ()),
    "update_tenant_key": (("public_key", "key"), ()),
    "delete_tenant_key": (("public_key",), ()),
    "get_collect_scheme_published_draft": (("scheme_id",), ()),
    "get_collect_scheme_latest_draft": (("scheme_id",), ()),
    "get_payout_scheme_published_draft": (("scheme_id",), ()),
    "get_payout_scheme_latest_draft": (("scheme_id",), ()),
    "get_payout_options": (("scheme_id", "query"), ()),
    "get_license_history": ((), ()),
    "request_license_upgrade": (("request",), ()),
    "get_ip_allow_list": ((), ()),
    "update_ip_allow_list": (("allow_list",), ()),
    "list_marketplace_apps": ((), ()),
    "get_marketplace_app": (("app_id",), ()),
    "install_app": (("app_id",), ()),
    "configure_app": (("app_id", "configuration"), ()),
    "uninstall_app": (("app_id",), ()),
}
READ_OPERATIONS = ("get_order", "get_instruction", "get_customer", "get_or_create_customer",
                   "get_financial_instrument", "get_wallet", "list_collect_schemes", "list_payout_schemes",
                   "get_collect_scheme", "get_payout_scheme", "get_account", "list_account_keys",
                   "get_account_key", "list_tenants", "get_tenant", "list_account_tenant_keys",
                   "get_account_tenant_key", "list_tenant_keys", "get_tenant_key",
                   "get_collect_scheme_published_draft", "get_collect_scheme_latest_draft",
                   "get_payout_scheme_published_draft", "get_payout_scheme_latest_draft", "get_payout_options",
                   "get_license_history", "get_ip_allow_list", "list_marketplace_apps", "get_marketplace_app",
                   "get_transaction", "get_mandate", "get_sepa_creditor_profile", "get_bacs_creditor_profile",
                   "get_becs_au_mandate", "get_becs_nz_mandate")
# List fields of read results that exists_after may count.
COUNT_FIELDS = ("instruction_refs", "customer_default_refs", "financial_instrument_ids", "scheme_ids")

CLIENT_SETTINGS = ("max_attempts", "backoff_base_ms", "backoff_cap_ms", "retry_after_cap_ms",
                   "connect_timeout_ms", "attempt_timeout_ms", "call_timeout_ms")
CREDENTIALS = ("demo", "read_only", "wrong_private_key", "unknown_public_key", "account_admin",
               "account_tenant_reader", "no_mandates", "becs")
CLIENT_TENANTS = ("demo", "other", "none", "no_mandates", "becs")
CALL_TENANTS = ("demo", "other")
BASE_URLS = ("emulator", "unreachable")

BODY_SHAPES = ("classic", "problem", "mandates", "empty", "raw")
# Fault action -> fields it may carry besides method, path, times and action.
FAULT_FIELDS = {
    "respond": ("status", "retry_after", "body", "error_code", "message", "raw_body", "content_type"),
    "delay": ("ms",),
    "drop_before_read": (),
    "drop_after_read": ("process", "process_after_ms"),
    "truncate_body": (),
    "corrupt_body": (),
    "html": ("status",),
    "oversized_body": ("status", "bytes"),
}

SERVER_CORRELATION = ("given", "generated_uuid", "other", "missing", "mixed", None)

RECORD_KEYS = ("attempts", "error", "events", "id", "outcome", "result", "server", "timing")
ERROR_KEYS = ("attempts", "client_correlation_id", "code", "codes", "correlation_id", "detail", "entries", "kind",
              "raw_body", "retry_after_ms", "status", "text")
ENTRY_KEYS = ("code", "message", "metadata")
EVENT_KEYS = ("attempt", "operation", "outcome", "status")
SERVER_KEYS = ("correlation_id", "exists_after", "faults_unused", "identity_requests", "requests",
               "same_correlation_id_on_every_attempt")
EXPECT_SERVER_KEYS = SERVER_KEYS
TIMESTAMP_FIELDS = ("created", "last_updated")

# Fields of the outcome record that are measured, not behaviour: never compared across languages.
NOT_COMPARED = ("timing",)

UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# Imburse (ASP.NET TraceIdentifier) correlation id: 13 base32 characters, ':', 8 hex digits.
IMBURSE_CID_RE = re.compile(r"^[0-9A-Za-z]{13}:[0-9A-Fa-f]{8}$")
KEBAB_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SETUP_REF_RE = re.compile(r"^\$setup\.(\d+)\.([A-Za-z_]+)$")
# A scheme id: 32 hexadecimal digits.
HEX_ID_RE = re.compile(r"^[0-9a-fA-F]{32}$")
PLACEHOLDERS = ("<uuid>", "<imburse-correlation-id>", "<epoch-ms>", "<hex-id>")


# --------------------------------------------------------------------------- normalisation

def normalise_string(value):
    """The normalised form of one string value of a result or error."""
    if UUID_RE.match(value):
        return "<uuid>"
    if HEX_ID_RE.match(value):
        return "<hex-id>"
    if IMBURSE_CID_RE.match(value):
        return "<imburse-correlation-id>"
    return value


# Either id anywhere in a text (an error's one-line text, a message), leftmost first, the UUID
# tried first at each position: every runner ports exactly this.
IDS_IN_TEXT_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                            r"|[0-9A-Za-z]{13}:[0-9A-Fa-f]{8}")
# An HTTP date (`Tue, 01 Dec 2026 09:40:47 GMT`), as a clock-skew message quotes the two clocks.
HTTP_DATE_RE = re.compile(r"[A-Za-z]{3}, [0-9]{2} [A-Za-z]{3} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT")


def normalise_text(value):
    """A text with every UUID, Imburse correlation id and HTTP date inside it replaced by its
    placeholder."""
    value = IDS_IN_TEXT_RE.sub(
        lambda m: "<uuid>" if UUID_RE.match(m.group(0)) else "<imburse-correlation-id>", value)
    return HTTP_DATE_RE.sub("<http-date>", value)


def normalise(value, key=None):
    """Applies the README's normalisation rules to a result or error value (recursively).

    Runners written in Python may call this; other languages port it. Amounts are not touched:
    a runner must already hold them as exact decimal strings.
    """
    if key in TIMESTAMP_FIELDS and value is not None:
        return "<epoch-ms>"
    if isinstance(value, dict):
        return {k: normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str):
        return normalise_string(value)
    return value


def canonical_line(record):
    """How a record is written: one line, keys sorted, no insignificant whitespace."""
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# --------------------------------------------------------------------------- loading

class InputError(Exception):
    """A file that cannot be read or parsed (exit status 2)."""


def _pairs_keep_order(pairs):
    obj = dict(pairs)
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key in object: %r" % sorted(k for k in keys if keys.count(k) > 1)[0])
    obj["__unsorted__"] = keys != sorted(keys)
    return obj


def _strip_sort_marks(value, where, problems):
    if isinstance(value, dict):
        if value.pop("__unsorted__", False):
            problems.append("%s: keys are not sorted" % (where or "record"))
        for k, v in value.items():
            _strip_sort_marks(v, "%s.%s" % (where, k) if where else k, problems)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _strip_sort_marks(v, "%s[%d]" % (where, i), problems)


def load_records(path):
    """Reads a JSON Lines record file: returns (records by id in file order, problems)."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise InputError("%s: %s" % (path, e))
    records, problems = {}, []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, object_pairs_hook=_pairs_keep_order)
        except ValueError as e:
            raise InputError("%s:%d: not valid JSON: %s" % (path, number, e))
        if not isinstance(record, dict):
            raise InputError("%s:%d: a record must be a JSON object" % (path, number))
        sort_problems = []
        _strip_sort_marks(record, "", sort_problems)
        rid = record.get("id")
        if not isinstance(rid, str) or not rid:
            problems.append("%s:%d: record without a string id" % (path, number))
            continue
        if rid in records:
            problems.append("%s:%d: scenario %s recorded twice" % (path, number, rid))
            continue
        problems.extend("%s: %s" % (rid, p) for p in sort_problems)
        problems.extend("%s: %s" % (rid, p) for p in validate_record(record))
        records[rid] = record
    return records, problems


def load_manifest(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise InputError("%s: %s" % (path, e))

    def no_duplicate_keys(pairs):
        keys = [k for k, _ in pairs]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise ValueError("duplicate key %r" % dupes[0])
        return dict(pairs)

    try:
        return json.loads(text, object_pairs_hook=no_duplicate_keys)
    except ValueError as e:
        raise InputError("%s: not valid JSON: %s" % (path, e))


# --------------------------------------------------------------------------- record schema

def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _unnormalised_strings(value, where):
    """Strings that should have been replaced by a placeholder."""
    found = []
    if isinstance(value, dict):
        for k, v in value.items():
            path = "%s.%s" % (where, k)
            if k in TIMESTAMP_FIELDS and v is not None and v != "<epoch-ms>":
                found.append("%s: timestamp %r not normalised to \"<epoch-ms>\"" % (path, v))
            else:
                found.extend(_unnormalised_strings(v, path))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found.extend(_unnormalised_strings(v, "%s[%d]" % (where, i)))
    elif isinstance(value, str) and normalise_string(value) != value:
        found.append("%s: %r not normalised to %r" % (where, value, normalise_string(value)))
    elif isinstance(value, float):
        found.append("%s: %r is a float (amounts are decimal strings, counts integers)" % (where, value))
    return found


def validate_record(record):
    """Schema and normalisation problems of one outcome record (empty list when valid)."""
    p = []
    keys = set(record)
    if keys != set(RECORD_KEYS):
        missing, extra = sorted(set(RECORD_KEYS) - keys), sorted(keys - set(RECORD_KEYS))
        if missing:
            p.append("missing keys %s" % missing)
        if extra:
            p.append("unknown keys %s" % extra)
    outcome = record.get("outcome")
    if outcome not in ("ok", "error"):
        p.append("outcome must be \"ok\" or \"error\", not %r" % (outcome,))
    if not _is_int(record.get("attempts")) or record.get("attempts", -1) < 0:
        p.append("attempts must be a non-negative integer")
    result, error = record.get("result"), record.get("error")
    if outcome == "ok":
        if not isinstance(result, dict):
            p.append("an ok record needs a result object")
        if error is not None:
            p.append("an ok record has error null")
    if outcome == "error":
        if result is not None:
            p.append("an error record has result null")
        if not isinstance(error, dict):
            p.append("an error record needs an error object")
    if isinstance(result, dict):
        p.extend(_unnormalised_strings(result, "result"))
    if isinstance(error, dict):
        if set(error) != set(ERROR_KEYS):
            p.append("error keys must be exactly %s, not %s" % (list(ERROR_KEYS), sorted(error)))
        if error.get("kind") not in ERROR_KINDS:
            p.append("error.kind %r is not a known kind" % (error.get("kind"),))
        for k in ("status", "retry_after_ms"):
            if error.get(k) is not None and not _is_int(error.get(k)):
                p.append("error.%s must be an integer or null" % k)
        if not isinstance(error.get("codes"), list) or not all(isinstance(c, str) for c in error.get("codes", [])):
            p.append("error.codes must be a list of strings")
        if error.get("code") is not None and not isinstance(error.get("code"), str):
            p.append("error.code must be a string or null")
        if error.get("attempts") != record.get("attempts"):
            p.append("error.attempts (%r) differs from attempts (%r)" % (error.get("attempts"), record.get("attempts")))
        for k in ("text", "detail"):
            if not isinstance(error.get(k), str) or normalise_text(error.get(k, "")) != error.get(k):
                p.append("error.%s must be a string with its ids normalised" % k)
        if not isinstance(error.get("raw_body"), bool):
            p.append("error.raw_body must be true or false (whether a raw body was kept)")
        entries = error.get("entries")
        if not isinstance(entries, list) or not all(isinstance(e, dict) and set(e) == set(ENTRY_KEYS) for e in entries):
            p.append("error.entries must be a list of objects with exactly %s" % list(ENTRY_KEYS))
        elif [e.get("code") for e in entries] != error.get("codes"):
            p.append("error.entries' codes differ from error.codes")
        else:
            for i, e in enumerate(entries):
                if not isinstance(e.get("message"), str) or normalise_text(e["message"]) != e["message"]:
                    p.append("error.entries[%d].message must be a string with its ids normalised" % i)
        p.extend(_unnormalised_strings({k: v for k, v in error.items() if k not in ("text", "detail", "entries")},
                                       "error"))
        if isinstance(entries, list):
            p.extend(_unnormalised_strings([e.get("metadata") for e in entries if isinstance(e, dict)],
                                           "error.entries.metadata"))
    events = record.get("events")
    if not isinstance(events, list) or not all(isinstance(e, dict) and set(e) == set(EVENT_KEYS) for e in events):
        p.append("events must be a list of objects with exactly %s" % list(EVENT_KEYS))
    else:
        for i, e in enumerate(events):
            if e.get("outcome") not in ATTEMPT_OUTCOMES:
                p.append("events[%d].outcome %r is not one of %s" % (i, e.get("outcome"), list(ATTEMPT_OUTCOMES)))
            if not _is_int(e.get("attempt")) or (e.get("status") is not None and not _is_int(e.get("status"))):
                p.append("events[%d]: attempt and status must be integers (status may be null)" % i)
    server = record.get("server")
    if not isinstance(server, dict):
        p.append("server must be an object")
    else:
        if set(server) != set(SERVER_KEYS):
            p.append("server keys must be exactly %s, not %s" % (list(SERVER_KEYS), sorted(server)))
        for k in ("requests", "identity_requests", "faults_unused"):
            if not _is_int(server.get(k)):
                p.append("server.%s must be an integer" % k)
        if server.get("exists_after") is not None and not _is_int(server.get("exists_after")):
            p.append("server.exists_after must be an integer or null")
        if server.get("correlation_id", "absent") not in SERVER_CORRELATION:
            p.append("server.correlation_id %r is not one of %s" % (server.get("correlation_id"), list(SERVER_CORRELATION)))
        same = server.get("same_correlation_id_on_every_attempt", "absent")
        if same not in (True, False, None):
            p.append("server.same_correlation_id_on_every_attempt must be true, false or null")
        if server.get("requests") == 0 and (server.get("correlation_id") is not None or same is not None):
            p.append("with no requests, server.correlation_id and same_correlation_id_on_every_attempt are null")
    timing = record.get("timing")
    if not isinstance(timing, dict) or not isinstance(timing.get("gaps_ms"), list) or \
            not all(_is_int(g) for g in timing.get("gaps_ms", [])):
        p.append("timing must be {\"gaps_ms\": [integers]}")
    return p


# --------------------------------------------------------------------------- comparing languages

def diff_values(reference, other, path=""):
    """Every (path, reference value, other value) where the two differ."""
    if isinstance(reference, dict) and isinstance(other, dict):
        out = []
        for key in sorted(set(reference) | set(other)):
            if not path and key in NOT_COMPARED:
                continue
            sub = "%s.%s" % (path, key) if path else key
            if key not in other:
                out.append((sub, reference[key], "<absent>"))
            elif key not in reference:
                out.append((sub, "<absent>", other[key]))
            else:
                out.extend(diff_values(reference[key], other[key], sub))
        return out
    if isinstance(reference, list) and isinstance(other, list) and len(reference) == len(other):
        out = []
        for i, (a, b) in enumerate(zip(reference, other)):
            out.extend(diff_values(a, b, "%s[%d]" % (path, i)))
        return out
    if type(reference) is not type(other) or reference != other:
        return [(path or "<record>", reference, other)]
    return []


def collapse_repeats(events):
    """Consecutive identical events as one: a create's read-back, waiting for a server that
    processes in the background, polls as often as the machine's timing allows, and only the
    sequence of distinct answers is behaviour (a retry is never identical: its attempt grows)."""
    out = []
    for e in events:
        if not out or out[-1] != e:
            out.append(e)
    return out


def core_operation_name(name):
    """An event's operation as the core names it: each language names it as its methods
    (`getOrder` in JavaScript and Kotlin), the same operation whatever the spelling."""
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower() if isinstance(name, str) else name


def comparable(record):
    """The record as compared across languages."""
    if isinstance(record.get("events"), list):
        events = [dict(e, operation=core_operation_name(e.get("operation"))) if isinstance(e, dict) else e
                  for e in record["events"]]
        return dict(record, events=collapse_repeats(events))
    return record


def compare_record_sets(reference_name, reference, other_name, other):
    """Differences between two record sets (dicts id -> record), as readable lines."""
    lines = []
    missing = [i for i in reference if i not in other]
    extra = [i for i in other if i not in reference]
    if missing:
        lines.append("  missing from %s (%d): %s" % (other_name, len(missing), ", ".join(missing)))
    if extra:
        lines.append("  not in %s (%d): %s" % (reference_name, len(extra), ", ".join(extra)))
    for rid, ref in reference.items():
        if rid not in other:
            continue
        diffs = diff_values(comparable(ref), comparable(other[rid]))
        if diffs:
            lines.append("  %s:" % rid)
            for path, a, b in diffs:
                lines.append("    %s: %s=%s %s=%s" % (path, reference_name, _show(a), other_name, _show(b)))
    return lines


def _show(value):
    if value == "<absent>":
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _language(path):
    return os.path.splitext(os.path.basename(path))[0]


def run_compare(paths, out):
    sets, failed = [], False
    for path in paths:
        records, problems = load_records(path)
        if problems:
            failed = True
            out.write("%s: %d invalid record(s):\n" % (path, len(problems)))
            for problem in problems:
                out.write("  %s\n" % problem)
        sets.append((_language(path), records))
    ref_name, ref = sets[0]
    names = [n for n, _ in sets]
    if len(set(names)) != len(names):
        ref_name, names = paths[0], list(paths)
        sets = [(p, r) for p, (_, r) in zip(paths, sets)]
    for name, records in sets[1:]:
        lines = compare_record_sets(ref_name, ref, name, records)
        if lines:
            failed = True
            out.write("%s differs from %s (reference):\n" % (name, ref_name))
            out.write("\n".join(lines) + "\n")
        else:
            out.write("%s: %d scenarios, identical to %s\n" % (name, len(records), ref_name))
    if len(sets) == 1:
        out.write("%s: %d scenarios, nothing to compare with\n" % (ref_name, len(ref)))
    return 1 if failed else 0


# --------------------------------------------------------------------------- manifest lint

def _check_string_map(value, where, p):
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        p.append("%s must be an object of strings" % where)


def _check_setup_ref(value, where, setup_len, p):
    m = SETUP_REF_RE.match(value)
    if m and int(m.group(1)) >= setup_len:
        p.append("%s: %s refers to setup step %s, but only %d earlier step(s) exist"
                 % (where, value, m.group(1), setup_len))
    elif value.startswith("$") and not m:
        p.append("%s: %r is not of the form $setup.<index>.<field>" % (where, value))


def _check_instruction(value, where, setup_len, p):
    if not isinstance(value, dict):
        p.append("%s must be an object" % where)
        return
    for k in INSTRUCTION_REQUIRED:
        if k not in value:
            p.append("%s.%s is required (use \"\" for an empty value)" % (where, k))
    for k, v in value.items():
        if k not in INSTRUCTION_REQUIRED + INSTRUCTION_OPTIONAL:
            p.append("%s.%s is not an instruction field" % (where, k))
        elif k == "metadata":
            _check_string_map(v, "%s.metadata" % where, p)
        elif not isinstance(v, str):
            p.append("%s.%s must be a string%s" % (where, k, " (amounts are exact decimals)" if k == "amount" else ""))
        else:
            _check_setup_ref(v, "%s.%s" % (where, k), setup_len, p)
    if isinstance(value.get("direction"), str) and value["direction"] not in ("DEBIT", "CREDIT"):
        p.append("%s.direction must be DEBIT or CREDIT" % where)


def check_operation(step, where, setup_len, p):
    """Checks {"operation", "args"} against the operation table."""
    if not isinstance(step, dict):
        p.append("%s must be an object" % where)
        return
    name = step.get("operation")
    if name not in OPERATIONS:
        p.append("%s.operation %r is not one of %s" % (where, name, sorted(OPERATIONS)))
        return
    args = step.get("args", {})
    if not isinstance(args, dict):
        p.append("%s.args must be an object" % where)
        return
    required, optional = OPERATIONS[name]
    for k in required:
        if k not in args:
            p.append("%s.args.%s is required for %s" % (where, k, name))
    for k, v in args.items():
        at = "%s.args.%s" % (where, k)
        if k not in required + optional:
            p.append("%s is not an argument of %s" % (at, name))
        elif k == "instructions":
            if not isinstance(v, list):
                p.append("%s must be a list" % at)
            else:
                for i, instruction in enumerate(v):
                    _check_instruction(instruction, "%s[%d]" % (at, i), setup_len, p)
        elif k == "instruction":
            _check_instruction(v, at, setup_len, p)
        elif k == "statuses":
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                p.append("%s must be a list of strings" % at)
        elif k == "metadata":
            _check_string_map(v, at, p)
        elif k == "scheme":
            _check_scheme(v, at, p)
        elif k == "session" and name == "create_checkout_session":
            if _check_text_fields(v, CHECKOUT_FIELDS, ("bank_account", "channels"), at, p):
                _check_channels(v, at, p)
                if "bank_account" in v:
                    _check_text_fields(v["bank_account"], ("account_holder_name", "number", "extra_code"), (), at + ".bank_account", p)
                for field in ("order_ref", "instruction_ref", "expiry_seconds"):
                    if field not in v:
                        p.append("%s.%s is required" % (at, field))
        elif k == "session":
            if _check_text_fields(v, ("customer_ref", "mandate_id", "action", "expiry_seconds"), (), at, p):
                for field in ("customer_ref", "mandate_id", "action", "expiry_seconds"):
                    if field not in v:
                        p.append("%s.%s is required" % (at, field))
        elif k == "link":
            if _check_text_fields(v, ("order_ref", "instruction_ref", "expiry_seconds", "channels", "theme_id"), ("channels",), at, p):
                _check_channels(v, at, p)
                for field in ("order_ref", "instruction_ref", "expiry_seconds"):
                    if field not in v:
                        p.append("%s.%s is required" % (at, field))
        elif k == "sepa_profile":
            if _check_text_fields(v, SEPA_PROFILE_FIELDS, ("address", "metadata"), at, p):
                _check_string_map(v.get("metadata", {}), at + ".metadata", p)
                if "address" in v:
                    _check_text_fields(v["address"], ADDRESS_FIELDS, (), at + ".address", p)
        elif k == "bacs_profile":
            if _check_text_fields(v, BACS_PROFILE_FIELDS, ("metadata",), at, p):
                _check_string_map(v.get("metadata", {}), at + ".metadata", p)
        elif k == "mandate":
            if _check_text_fields(v, MANDATE_FIELDS, ("debtor", "metadata"), at, p):
                for field in ("customer_ref", "creditor_profile_ref", "mandate_type", "debtor"):
                    if field not in v:
                        p.append("%s.%s is required (use \"\" for an empty value)" % (at, field))
                debtor = v.get("debtor")
                if _check_text_fields(debtor, DEBTOR_FIELDS, ("address",), at + ".debtor", p) and "address" in debtor:
                    _check_text_fields(debtor["address"], ADDRESS_FIELDS, (), at + ".debtor.address", p)
                _check_string_map(v.get("metadata", {}), at + ".metadata", p)
        elif k == "key":
            if _check_fields(v, KEY_FIELDS, ("roles",), at, p) and "name" not in v:
                p.append("%s.name is required (use \"\" for an empty value)" % at)
        elif k == "tenant":
            if _check_fields(v, TENANT_FIELDS, (), at, p) and "name" not in v:
                p.append("%s.name is required (use \"\" for an empty value)" % at)
        elif k == "query":
            if _check_fields(v, QUERY_FIELDS, (), at, p):
                for field in ("amount", "currency", "country"):
                    if field not in v:
                        p.append("%s.%s is required" % (at, field))
        elif k == "request":
            if _check_fields(v, UPGRADE_FIELDS, (), at, p) and "email_address" not in v:
                p.append("%s.email_address is required" % at)
        elif k == "allow_list":
            if not isinstance(v, dict) or set(v) - {"enabled", "rules"} or not isinstance(v.get("enabled"), bool):
                p.append("%s must be {enabled: boolean, rules?: [...]}" % at)
            else:
                for r, rule in enumerate(v.get("rules") or []):
                    _check_fields(rule, IP_RANGE_FIELDS, (), "%s.rules[%d]" % (at, r), p)
        elif k == "update":
            if not isinstance(v, dict) or set(v) != {"tenant_creation_approval_required"} or \
                    not isinstance(v["tenant_creation_approval_required"], bool):
                p.append("%s must be {tenant_creation_approval_required: boolean}" % at)
        elif k == "customer_default":
            if _check_text_fields(v, CUSTOMER_DEFAULT_FIELDS, ("metadata",), at, p):
                _check_string_map(v.get("metadata", {}), at + ".metadata", p)
        elif k == "customer_defaults":
            if not isinstance(v, dict):
                p.append("%s must be an object keyed by customer ref" % at)
                continue
            for customer, default in v.items():
                if not isinstance(default, dict):
                    p.append("%s.%s must be an object" % (at, customer))
                    continue
                for dk, dv in default.items():
                    if dk not in CUSTOMER_DEFAULT_FIELDS:
                        p.append("%s.%s.%s is not a customer-default field" % (at, customer, dk))
                    elif dk == "metadata":
                        _check_string_map(dv, "%s.%s.metadata" % (at, customer), p)
                    elif not isinstance(dv, str):
                        p.append("%s.%s.%s must be a string" % (at, customer, dk))
        elif not isinstance(v, str):
            p.append("%s must be a string" % at)
        else:
            _check_setup_ref(v, at, setup_len, p)
    extra = set(step) - {"operation", "args"}
    if extra:
        p.append("%s has unknown keys %s" % (where, sorted(extra)))


# Control-API routes a setup step may call (what settlement does: move an instruction, refund it).
CONTROL_STEP_RE = re.compile(r"^/tenants/[0-9a-f-]{36}/orders/[A-Za-z0-9_.-]+/instructions/[A-Za-z0-9_.-]+/(status|refunds)$")


def check_control_step(step, where, p):
    """{"control": {"method", "path", "body"}}: a call to the emulator's control API (under
    /__emulator), its JSON answer the step's result."""
    control = step.get("control")
    if set(step) != {"control"} or not isinstance(control, dict):
        p.append("%s must be {\"control\": {method, path, body}}" % where)
        return
    if set(control) - {"method", "path", "body"}:
        p.append("%s.control has unknown keys %s" % (where, sorted(set(control) - {"method", "path", "body"})))
    method, path = control.get("method"), control.get("path")
    expected = {"status": "PUT", "refunds": "POST"}
    m = CONTROL_STEP_RE.match(path) if isinstance(path, str) else None
    if not m:
        p.append("%s.control.path %r is not an instruction's status or refunds control route" % (where, path))
    elif method != expected[m.group(1)]:
        p.append("%s.control.method must be %s for %s" % (where, expected[m.group(1)], m.group(1)))
    if not isinstance(control.get("body", {}), dict):
        p.append("%s.control.body must be an object" % where)


SCHEME_FIELDS = ("name", "code", "agreement_type", "rules")
SCHEME_RULE_FIELDS = ("currencies", "countries", "low_value_inclusive", "high_value_inclusive", "apps")
SCHEME_APP_FIELDS = ("app_id", "excluded_payment_methods")
KEY_FIELDS = ("name", "roles")
QUERY_FIELDS = ("amount", "currency", "country", "match_type")
# Integers are given as text (all values are strings), the runners parse them.
UPGRADE_FIELDS = ("email_address", "max_tenants", "max_transactions", "reason")
IP_RANGE_FIELDS = ("name", "ip_v4_start", "ip_v4_end")
TENANT_FIELDS = ("name", "street_address", "extended_street_address", "locality", "region", "post_code", "country")


def _check_channels(value, where, p):
    """`channels`, when present: a list of {kind, destination} (kind sent as the API's `type`)."""
    channels = value.get("channels", [])
    if not isinstance(channels, list):
        p.append("%s.channels must be a list" % where)
        return
    for i, channel in enumerate(channels):
        _check_text_fields(channel, ("kind", "destination"), (), "%s.channels[%d]" % (where, i), p)


def _check_text_fields(value, fields, objects, where, p):
    """An object of the given fields: strings, except `objects` (objects or lists, checked by the
    caller)."""
    if not isinstance(value, dict):
        p.append("%s must be an object" % where)
        return False
    for k, v in value.items():
        if k not in fields:
            p.append("%s.%s is not a field (one of %s)" % (where, k, list(fields)))
        elif k in objects:
            if not isinstance(v, (dict, list)):
                p.append("%s.%s must be an object or a list" % (where, k))
        elif not isinstance(v, str):
            p.append("%s.%s must be a string" % (where, k))
    return True


def _check_fields(value, fields, lists, where, p):
    """An object of the given fields: strings, except `lists` (lists of strings)."""
    if not isinstance(value, dict):
        p.append("%s must be an object" % where)
        return False
    for k, v in value.items():
        if k not in fields:
            p.append("%s.%s is not a field (one of %s)" % (where, k, list(fields)))
        elif k in lists:
            if not isinstance(v, list) or not all(isinstance(i, (str, dict)) for i in v):
                p.append("%s.%s must be a list" % (where, k))
        elif not isinstance(v, str):
            p.append("%s.%s must be a string%s" % (where, k, " (amounts are exact decimals)" if "value" in k else ""))
    return True


def _check_scheme(value, where, p):
    if not _check_fields(value, SCHEME_FIELDS, ("rules",), where, p):
        return
    if "name" not in value:
        p.append("%s.name is required (use \"\" for an empty value)" % where)
    for r, rule in enumerate(value.get("rules") or []):
        at = "%s.rules[%d]" % (where, r)
        if _check_fields(rule, SCHEME_RULE_FIELDS, ("currencies", "countries", "apps"), at, p):
            for a, app in enumerate(rule.get("apps") or []):
                _check_fields(app, SCHEME_APP_FIELDS, ("excluded_payment_methods",), "%s.apps[%d]" % (at, a), p)


def check_fault(fault, where, p):
    if not isinstance(fault, dict):
        p.append("%s must be an object" % where)
        return
    action = fault.get("action")
    if action not in FAULT_FIELDS:
        p.append("%s.action %r is not one of %s" % (where, action, sorted(FAULT_FIELDS)))
        return
    method = fault.get("method")
    if not isinstance(method, str) or method != method.upper() or not method.isalpha():
        p.append("%s.method is required (an upper-case HTTP method) so the fault hits only the call" % where)
    path = fault.get("path")
    if not isinstance(path, str) or not path.startswith("/"):
        p.append("%s.path is required and must start with '/'" % where)
    times = fault.get("times", 1)
    if not _is_int(times) or times < 1:
        p.append("%s.times must be an integer >= 1" % where)
    after = fault.get("after", 0)
    if not _is_int(after) or after < 0:
        p.append("%s.after must be an integer >= 0" % where)
    for k in fault:
        if k not in ("method", "path", "times", "after", "action") + FAULT_FIELDS[action]:
            p.append("%s.%s is not a field of a %s fault" % (where, k, action))
    status = fault.get("status")
    if action == "respond" and status is None:
        p.append("%s.status is required for respond" % where)
    if status is not None and (not _is_int(status) or not 200 <= status <= 599):
        p.append("%s.status must be an integer in 200..599" % where)
    if action == "respond":
        body = fault.get("body", "classic")
        if body not in BODY_SHAPES:
            p.append("%s.body must be one of %s" % (where, list(BODY_SHAPES)))
        if body == "raw" and not isinstance(fault.get("raw_body"), str):
            p.append("%s.raw_body is required for body \"raw\"" % where)
        ra = fault.get("retry_after")
        if ra is not None and not (_is_int(ra) and ra >= 0) and not isinstance(ra, str):
            p.append("%s.retry_after must be seconds (integer) or an HTTP date (string)" % where)
    if action == "delay" and (not _is_int(fault.get("ms")) or not 0 <= fault["ms"] <= 600000):
        p.append("%s.ms is required (0..600000)" % where)
    if action == "drop_after_read" and not isinstance(fault.get("process", True), bool):
        p.append("%s.process must be a boolean" % where)
    if action == "drop_after_read" and "process_after_ms" in fault and (
            not _is_int(fault["process_after_ms"]) or not 0 <= fault["process_after_ms"] <= 600000
            or fault.get("process") is False):
        p.append("%s.process_after_ms must be 0..600000 and needs process" % where)
    if action == "oversized_body" and "bytes" in fault and (not _is_int(fault["bytes"]) or fault["bytes"] < 0):
        p.append("%s.bytes must be a non-negative integer" % where)


def _check_placeholders_only(value, where, p):
    """Expectations are written in normalised form."""
    if isinstance(value, dict):
        for k, v in value.items():
            _check_placeholders_only(v, "%s.%s" % (where, k), p)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_placeholders_only(v, "%s[%d]" % (where, i), p)
    elif isinstance(value, str) and normalise_string(value) != value:
        p.append("%s: %r must be written normalised, as %r" % (where, value, normalise_string(value)))
    elif isinstance(value, float):
        p.append("%s: floats are not allowed (amounts are strings)" % where)


def check_scenario(s, p):
    sid = s.get("id") if isinstance(s, dict) else None
    where = "scenario %s" % (sid if isinstance(sid, str) else "?")
    if not isinstance(s, dict):
        p.append("%s must be an object" % where)
        return
    allowed = {"id", "category", "description", "client", "emulator", "setup", "faults", "call", "expect"}
    for k in set(s) - allowed:
        p.append("%s: unknown key %r" % (where, k))
    if not isinstance(sid, str) or not KEBAB_RE.match(sid):
        p.append("%s: id must be kebab-case" % where)
    description = s.get("description")
    if not isinstance(description, str) or not description.strip() or "\n" in description \
            or not description.rstrip().endswith("."):
        p.append("%s: description must be one non-empty sentence ending with '.'" % where)
    if "category" in s and (not isinstance(s["category"], str) or not KEBAB_RE.match(s["category"])):
        p.append("%s: category must be a kebab-case string" % where)

    client = s.get("client", {})
    if not isinstance(client, dict):
        p.append("%s: client must be an object" % where)
        client = {}
    for k, v in client.items():
        if k in CLIENT_SETTINGS:
            if not _is_int(v) or v < 0:
                p.append("%s: client.%s must be a non-negative integer" % (where, k))
        elif k == "credentials":
            if v not in CREDENTIALS:
                p.append("%s: client.credentials must be one of %s" % (where, list(CREDENTIALS)))
        elif k == "tenant_id":
            if v not in CLIENT_TENANTS:
                p.append("%s: client.tenant_id must be one of %s" % (where, list(CLIENT_TENANTS)))
        elif k == "base_url":
            if v not in BASE_URLS:
                p.append("%s: client.base_url must be one of %s" % (where, list(BASE_URLS)))
        else:
            p.append("%s: client.%s is not a client setting" % (where, k))

    emulator = s.get("emulator", {})
    if not isinstance(emulator, dict):
        p.append("%s: emulator must be an object" % where)
        emulator = {}
    for k, v in emulator.items():
        if k == "token_ttl_seconds":
            if not _is_int(v) or v < 1:
                p.append("%s: emulator.token_ttl_seconds must be an integer >= 1" % where)
        elif k == "expire_tokens_before_call":
            if not isinstance(v, bool):
                p.append("%s: emulator.expire_tokens_before_call must be a boolean" % where)
        elif k == "clock_offset_seconds":
            if not _is_int(v):
                p.append("%s: emulator.clock_offset_seconds must be an integer" % where)
        elif k == "async_instructions_ms":
            if not _is_int(v) or not 0 <= v <= 600000:
                p.append("%s: emulator.async_instructions_ms must be an integer 0..600000" % where)
        else:
            p.append("%s: emulator.%s is not an emulator setting" % (where, k))

    setup = s.get("setup", [])
    if not isinstance(setup, list):
        p.append("%s: setup must be a list" % where)
        setup = []
    for i, step in enumerate(setup):
        if isinstance(step, dict) and "control" in step:
            check_control_step(step, "%s: setup[%d]" % (where, i), p)
        else:
            check_operation(step, "%s: setup[%d]" % (where, i), i, p)
    # Setup must succeed through the scenario's client: the demo tenant key in tenant demo, the
    # BECS tenant's mandate key in its tenant, or the demo account key without a tenant.
    identity = (client.get("credentials", "demo"), client.get("tenant_id", "demo"))
    special_client = (identity not in (("demo", "demo"), ("account_admin", "none"), ("becs", "becs"))
                      or client.get("base_url", "emulator") != "emulator")
    if setup and special_client:
        p.append("%s: setup runs through the scenario's client, so it needs demo credentials and tenant demo "
                 "(or becs credentials and tenant becs, or the account_admin key without a tenant) and the emulator's URL" % where)
    if emulator.get("expire_tokens_before_call") and not setup:
        p.append("%s: expire_tokens_before_call needs a setup step (else the client holds no token to expire)" % where)

    faults = s.get("faults", [])
    if not isinstance(faults, list):
        p.append("%s: faults must be a list" % where)
        faults = []
    for i, fault in enumerate(faults):
        check_fault(fault, "%s: faults[%d]" % (where, i), p)

    call = s.get("call")
    options = {}
    if not isinstance(call, dict):
        p.append("%s: call is required" % where)
    else:
        call_only = {k: v for k, v in call.items() if k != "options"}
        check_operation(call_only, "%s: call" % where, len(setup), p)
        options = call.get("options", {})
        if not isinstance(options, dict):
            p.append("%s: call.options must be an object" % where)
            options = {}
        for k, v in options.items():
            if k == "correlation_id":
                if not isinstance(v, str) or not v or normalise_string(v) != v:
                    p.append("%s: call.options.correlation_id must be a non-empty string that is neither a UUID "
                             "nor an Imburse correlation id (it stays literal in records)" % where)
            elif k == "tenant_id":
                if v not in CALL_TENANTS:
                    p.append("%s: call.options.tenant_id must be one of %s" % (where, list(CALL_TENANTS)))
            elif k in ("timeout_ms", "attempt_timeout_ms", "max_attempts"):
                if not _is_int(v) or v < 0:
                    p.append("%s: call.options.%s must be an integer of zero or more" % (where, k))
            else:
                p.append("%s: call.options.%s is not a call option" % (where, k))

    expect = s.get("expect")
    if not isinstance(expect, dict):
        p.append("%s: expect is required" % where)
        return
    for k in set(expect) - {"outcome", "result", "error", "attempts", "server", "timing"}:
        p.append("%s: expect.%s is not an expectation" % (where, k))
    outcome = expect.get("outcome")
    if outcome not in ("ok", "error"):
        p.append("%s: expect.outcome must be \"ok\" or \"error\"" % where)
    if not _is_int(expect.get("attempts")) or expect.get("attempts", -1) < 0:
        p.append("%s: expect.attempts must be a non-negative integer" % where)
    if outcome == "ok" and "error" in expect:
        p.append("%s: an ok expectation has no error block" % where)
    if outcome == "error":
        if "result" in expect:
            p.append("%s: an error expectation has no result block" % where)
        error = expect.get("error")
        if not isinstance(error, dict) or error.get("kind") not in ERROR_KINDS:
            p.append("%s: expect.error.kind must be one of %s" % (where, list(ERROR_KINDS)))
        else:
            for k in set(error) - set(ERROR_KEYS):
                p.append("%s: expect.error.%s is not a field of the error record" % (where, k))
            if "attempts" in error and error["attempts"] != expect.get("attempts"):
                p.append("%s: expect.error.attempts differs from expect.attempts" % where)
            if error["kind"] in ("invalid_request", "configuration"):
                if expect.get("attempts") != 0 or expect.get("server", {}).get("requests") != 0:
                    p.append("%s: %s sends nothing: attempts 0 and server.requests 0" % (where, error["kind"]))
                if error["kind"] == "configuration" and setup:
                    p.append("%s: a configuration error happens when the client is built, before any setup" % where)
            _check_placeholders_only(error, "%s: expect.error" % where, p)
    if "result" in expect:
        if not isinstance(expect["result"], dict):
            p.append("%s: expect.result must be an object" % where)
        _check_placeholders_only(expect["result"], "%s: expect.result" % where, p)

    server = expect.get("server")
    if not isinstance(server, dict) or not _is_int(server.get("requests")):
        p.append("%s: expect.server.requests (an integer) is required" % where)
    else:
        for k in set(server) - set(EXPECT_SERVER_KEYS):
            p.append("%s: expect.server.%s is not a server field" % (where, k))
        cid = server.get("correlation_id", None)
        if cid not in SERVER_CORRELATION:
            p.append("%s: expect.server.correlation_id must be one of %s" % (where, list(SERVER_CORRELATION)))
        if cid == "given" and "correlation_id" not in options:
            p.append("%s: expect.server.correlation_id \"given\" needs call.options.correlation_id" % where)
        if cid == "generated_uuid" and "correlation_id" in options:
            p.append("%s: a caller-given correlation id cannot be expected as generated_uuid" % where)
        if server["requests"] == 0 and server.get("correlation_id") is not None:
            p.append("%s: with no requests there is no correlation id to expect" % where)
        # A paged list's error counts the failed page's attempts only; earlier pages were read.
        paged_error = isinstance(call, dict) and call.get("operation") in PAGED_LISTS and expect.get("outcome") == "error"
        if server["requests"] > 0 and _is_int(expect.get("attempts")) and expect["attempts"] > 0 \
                and server["requests"] > expect["attempts"] and not paged_error:
            p.append("%s: more requests (%d) than attempts (%d)" % (where, server["requests"], expect["attempts"]))
        for k in ("identity_requests", "faults_unused"):
            if k in server and (not _is_int(server[k]) or server[k] < 0):
                p.append("%s: expect.server.%s must be a non-negative integer" % (where, k))
        if "same_correlation_id_on_every_attempt" in server and \
                server["same_correlation_id_on_every_attempt"] not in (True, False, None):
            p.append("%s: expect.server.same_correlation_id_on_every_attempt must be a boolean" % where)
        exists = server.get("exists_after")
        if exists is not None:
            if not isinstance(exists, dict):
                p.append("%s: expect.server.exists_after must be an object" % where)
            else:
                for k in set(exists) - {"operation", "args", "count", "count_field"}:
                    p.append("%s: expect.server.exists_after.%s is not allowed" % (where, k))
                if exists.get("operation") not in READ_OPERATIONS:
                    p.append("%s: expect.server.exists_after.operation must be a read: %s" % (where, list(READ_OPERATIONS)))
                else:
                    check_operation({"operation": exists["operation"], "args": exists.get("args", {})},
                                    "%s: expect.server.exists_after" % where, len(setup), p)
                if not _is_int(exists.get("count")) or exists.get("count", -1) < 0:
                    p.append("%s: expect.server.exists_after.count must be a non-negative integer" % where)
                if "count_field" in exists and exists["count_field"] not in COUNT_FIELDS:
                    p.append("%s: expect.server.exists_after.count_field must be one of %s" % (where, list(COUNT_FIELDS)))
    timing = expect.get("timing")
    if timing is not None:
        if not isinstance(timing, dict) or set(timing) != {"min_gap_ms"} or not _is_int(timing["min_gap_ms"]):
            p.append("%s: expect.timing must be {\"min_gap_ms\": N}" % where)
        elif _is_int(expect.get("attempts")) and expect["attempts"] < 2:
            p.append("%s: expect.timing needs at least two attempts" % where)


def lint_manifest(manifest):
    """Every problem found in a manifest (empty list when it is well-formed)."""
    p = []
    if not isinstance(manifest, dict):
        return ["the manifest must be a JSON object"]
    for k in set(manifest) - {"version", "client", "environment", "operations", "scenarios"}:
        p.append("unknown top-level key %r" % k)
    if manifest.get("version") != 1:
        p.append("version must be 1")
    client = manifest.get("client")
    if not isinstance(client, dict) or set(client) != set(CLIENT_SETTINGS) or \
            not all(_is_int(v) and v > 0 for v in client.values()):
        p.append("client must set exactly %s, each a positive integer" % list(CLIENT_SETTINGS))
    environment = manifest.get("environment")
    if environment is not None:
        if not isinstance(environment, dict):
            p.append("environment must be an object")
        else:
            creds = environment.get("credentials", {})
            if not isinstance(creds, dict) or set(creds) != set(CREDENTIALS):
                p.append("environment.credentials must define exactly %s" % list(CREDENTIALS))
            tenants = environment.get("tenants", {})
            if not isinstance(tenants, dict) or set(tenants) != set(CLIENT_TENANTS):
                p.append("environment.tenants must define exactly %s" % list(CLIENT_TENANTS))
    operations = manifest.get("operations")
    if operations is not None:
        if not isinstance(operations, dict) or set(operations) != set(OPERATIONS):
            p.append("operations must describe exactly %s" % sorted(OPERATIONS))
        else:
            for name, spec in operations.items():
                path = spec.get("path", "") if isinstance(spec, dict) else ""
                if not isinstance(spec, dict) or not isinstance(spec.get("method"), str) or not path.startswith("/"):
                    p.append("operations.%s needs method and path" % name)
                    continue
                for placeholder in re.findall(r"\{([a-z_]+)\}", path):
                    if placeholder not in OPERATIONS[name][0]:
                        p.append("operations.%s.path names {%s}, not a required argument" % (name, placeholder))
    scenarios = manifest.get("scenarios")
    if not isinstance(scenarios, list) or not scenarios:
        p.append("scenarios must be a non-empty list")
        return p
    seen = set()
    for s in scenarios:
        sid = s.get("id") if isinstance(s, dict) else None
        if sid in seen:
            p.append("scenario id %r is used twice" % sid)
        seen.add(sid)
        check_scenario(s, p)
    return p


def arm_faults_on_emulator(manifest, url):
    """Arms every fault spec on a running emulator, then disarms; returns problems."""
    p = []
    base = url.rstrip("/") + "/__emulator"

    def call(method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(base + path, data=data, method=method,
                                         headers={"content-type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    try:
        call("DELETE", "/faults")
    except (urllib.error.URLError, OSError) as e:
        return ["cannot reach the emulator at %s: %s" % (url, e)]
    for s in manifest.get("scenarios", []):
        for i, fault in enumerate(s.get("faults", [])):
            status, body = call("POST", "/faults", fault)
            if status != 201:
                p.append("scenario %s: faults[%d] refused by the emulator (%d): %s" % (s.get("id"), i, status, body))
            call("DELETE", "/faults")
    return p


# --------------------------------------------------------------------------- expectations

def subset_mismatches(expected, actual, path):
    """Where actual does not contain expected: dicts by key (subset), everything else exactly."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return ["%s: expected an object %s, got %s" % (path, _show(expected), _show(actual))]
        out = []
        for k, v in expected.items():
            if k not in actual:
                out.append("%s.%s: expected %s, absent" % (path, k, _show(v)))
            else:
                out.extend(subset_mismatches(v, actual[k], "%s.%s" % (path, k)))
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return ["%s: expected %s, got %s" % (path, _show(expected), _show(actual))]
        out = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            out.extend(subset_mismatches(e, a, "%s[%d]" % (path, i)))
        return out
    if type(expected) is not type(actual) or expected != actual:
        return ["%s: expected %s, got %s" % (path, _show(expected), _show(actual))]
    return []


def check_expectations(scenario, record):
    """Mismatches between a scenario's expect block and its record."""
    expect, out = scenario["expect"], []
    if record.get("outcome") != expect["outcome"]:
        detail = record.get("error") if record.get("outcome") == "error" else record.get("result")
        out.append("outcome: expected %s, got %s (%s)" % (_show(expect["outcome"]), _show(record.get("outcome")),
                                                          _show(detail)))
        return out
    if record.get("attempts") != expect["attempts"]:
        out.append("attempts: expected %d, got %s" % (expect["attempts"], _show(record.get("attempts"))))
    for block in ("result", "error"):
        if block in expect:
            out.extend(subset_mismatches(expect[block], record.get(block), block))
    server = record.get("server") or {}
    for k, v in expect.get("server", {}).items():
        if k == "exists_after":
            got = server.get("exists_after")
            if got != v["count"]:
                out.append("server.exists_after: expected %d from %s, got %s" % (v["count"], v["operation"], _show(got)))
        elif server.get(k, "<absent>") != v:
            out.append("server.%s: expected %s, got %s" % (k, _show(v), _show(server.get(k, "<absent>"))))
    timing = expect.get("timing")
    if timing:
        gaps = (record.get("timing") or {}).get("gaps_ms") or []
        if not gaps or min(gaps) < timing["min_gap_ms"]:
            out.append("timing.gaps_ms: expected every gap >= %d ms, got %s" % (timing["min_gap_ms"], _show(gaps)))
    return out


def run_check_manifest(manifest_path, records_path, out):
    manifest = load_manifest(manifest_path)
    problems = lint_manifest(manifest)
    if problems:
        out.write("%s: %d manifest problem(s):\n" % (manifest_path, len(problems)))
        out.write("".join("  %s\n" % x for x in problems))
        return 1
    records, invalid = load_records(records_path)
    failed = bool(invalid)
    if invalid:
        out.write("%s: %d invalid record(s):\n" % (records_path, len(invalid)))
        out.write("".join("  %s\n" % x for x in invalid))
    ids = [s["id"] for s in manifest["scenarios"]]
    missing = [i for i in ids if i not in records]
    extra = [i for i in records if i not in set(ids)]
    if missing:
        failed = True
        out.write("missing scenarios (%d): %s\n" % (len(missing), ", ".join(missing)))
    if extra:
        failed = True
        out.write("records for scenarios not in the manifest (%d): %s\n" % (len(extra), ", ".join(extra)))
    passed = 0
    for scenario in manifest["scenarios"]:
        record = records.get(scenario["id"])
        if record is None:
            continue
        mismatches = check_expectations(scenario, record)
        if mismatches:
            failed = True
            out.write("FAIL %s\n" % scenario["id"])
            out.write("".join("  %s\n" % m for m in mismatches))
        else:
            passed += 1
    out.write("%s: %d/%d scenarios meet their expectations\n" % (records_path, passed, len(ids)))
    return 1 if failed else 0


def run_lint(manifest_path, emulator_url, out):
    manifest = load_manifest(manifest_path)
    problems = lint_manifest(manifest)
    if not problems and emulator_url:
        problems = arm_faults_on_emulator(manifest, emulator_url)
    if problems:
        out.write("%s: %d problem(s):\n" % (manifest_path, len(problems)))
        out.write("".join("  %s\n" % x for x in problems))
        return 1
    scenarios = manifest["scenarios"]
    categories = {}
    for s in scenarios:
        categories[s.get("category", "uncategorised")] = categories.get(s.get("category", "uncategorised"), 0) + 1
    faults = sum(len(s.get("faults", [])) for s in scenarios)
    out.write("%s: %d scenarios, ids unique, operations known%s\n" % (
        manifest_path, len(scenarios), ", %d fault specs accepted by the emulator" % faults if emulator_url else ""))
    for name in sorted(categories):
        out.write("  %-16s %d\n" % (name, categories[name]))
    return 0


# --------------------------------------------------------------------------- self-test

def self_test(out):
    failures = []

    def check(condition, what):
        if not condition:
            failures.append(what)

    # Normalisation.
    check(normalise_string("3F2504E0-4F89-11D3-9A0C-0305E82C3301") == "<uuid>", "upper-case UUID normalised")
    check(normalise_string("654EB81FF7F07F7CF5A1EE3FF6972E90") == "<hex-id>", "scheme id normalised")
    check(normalise_string("0HLPSRAQ7S0I6:00000002") == "<imburse-correlation-id>", "Imburse correlation id")
    check(normalise_string("conf-corr-0001") == "conf-corr-0001", "a caller's id stays literal")
    check(normalise_text("x [correlation id 0HLPSRAQ7S0I6:00000002; client correlation id "
                         "3f2504e0-4f89-11d3-9a0c-0305e82c3301]") ==
          "x [correlation id <imburse-correlation-id>; client correlation id <uuid>]", "ids inside a text")
    check(normalise({"created": 1795558126222, "last_updated": None, "amount": "0.10"}) ==
          {"created": "<epoch-ms>", "last_updated": None, "amount": "0.10"}, "timestamps normalised, amounts kept")
    poll = {"operation": "get_order", "attempt": 1, "status": 200, "outcome": "ok"}
    retry = {"operation": "get_order", "attempt": 2, "status": 200, "outcome": "ok"}
    check(collapse_repeats([poll, poll, poll, retry, poll]) == [poll, retry, poll],
          "repeated read-backs collapse, distinct events stay in order")
    check([core_operation_name(n) for n in ("getOrder", "createOrderV2", "getBecsAuMandate", "get_order", "authenticate")]
          == ["get_order", "create_order_v2", "get_becs_au_mandate", "get_order", "authenticate"],
          "events compare by the core's operation names, whatever the language's spelling")

    def record(rid, **over):
        r = {"id": rid, "outcome": "ok", "result": {"order_ref": "ORD-1", "reconciled": False, "status": 201},
             "error": None, "attempts": 1,
             "server": {"requests": 1, "correlation_id": "generated_uuid", "same_correlation_id_on_every_attempt": True,
                        "identity_requests": 1, "faults_unused": 0, "exists_after": 1},
             "timing": {"gaps_ms": []},
             "events": [{"operation": "create_order", "attempt": 1, "status": 201, "outcome": "ok"}]}
        r.update(over)
        return r

    error_record = record("e", outcome="error", result=None, attempts=3, error={
        "kind": "server", "status": 503, "code": "SERVICE_UNAVAILABLE", "codes": ["SERVICE_UNAVAILABLE"],
        "retry_after_ms": None, "client_correlation_id": "<uuid>", "correlation_id": "<imburse-correlation-id>",
        "attempts": 3, "text": "Service Unavailable (HTTP 503) SERVICE_UNAVAILABLE: down [3 attempts]",
        "detail": "down", "raw_body": True,
        "entries": [{"code": "SERVICE_UNAVAILABLE", "message": "down", "metadata": {"correlationId": "<uuid>"}}]})
    check(validate_record(record("a")) == [], "a valid ok record passes the schema")
    check(validate_record(error_record) == [], "a valid error record passes the schema")
    check(any("not normalised" in x for x in validate_record(record("a", result={"id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301"}))),
          "an un-normalised UUID is reported")
    check(validate_record(record("a", events=[{"operation": "get_order", "attempt": 1, "status": 200,
                                               "outcome": "fine"}])) != [], "an outcome outside the set is reported")

    with tempfile.TemporaryDirectory() as tmp:
        def write(name, records):
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                for r in records:
                    f.write(canonical_line(r) + "\n")
            return path

        class Sink:
            def __init__(self):
                self.text = ""

            def write(self, s):
                self.text += s

        rust = write("rust.jsonl", [record("a"), error_record])
        same = write("python.jsonl", [record("a", timing={"gaps_ms": [12]}), error_record])
        sink = Sink()
        check(run_compare([rust, same], sink) == 0, "equal record sets (timing aside) are accepted: " + sink.text)

        differing = dict(error_record, error=dict(error_record["error"], code="INTERNAL_SERVER_ERROR"))
        node = write("node.jsonl", [record("a"), differing])
        sink = Sink()
        check(run_compare([rust, node], sink) == 1 and "error.code" in sink.text and "INTERNAL_SERVER_ERROR" in sink.text,
              "a differing field is reported by path: " + sink.text)

        kotlin = write("kotlin.jsonl", [record("a")])
        sink = Sink()
        check(run_compare([rust, kotlin], sink) == 1 and "missing from kotlin" in sink.text and " e" in sink.text,
              "a missing scenario is reported: " + sink.text)

        swift = write("swift.jsonl", [record("a"), error_record, record("z")])
        sink = Sink()
        check(run_compare([rust, swift], sink) == 1 and "not in rust" in sink.text, "an extra scenario is reported")

        unsorted = os.path.join(tmp, "go.jsonl")
        with open(unsorted, "w", encoding="utf-8") as f:
            f.write(json.dumps(record("a"), sort_keys=False) + "\n")
        _, problems = load_records(unsorted)
        check(any("not sorted" in x for x in problems), "unsorted keys are reported")

        manifest = {
            "version": 1,
            "client": {k: 10 for k in CLIENT_SETTINGS},
            "scenarios": [{
                "id": "a", "description": "Creates an order.",
                "call": {"operation": "create_order", "args": {"order_ref": "ORD-1"}},
                "expect": {"outcome": "ok", "result": {"status": 201}, "attempts": 1,
                           "server": {"requests": 1, "exists_after": {"operation": "get_order",
                                                                      "args": {"order_ref": "ORD-1"}, "count": 1}}},
            }, {
                "id": "e", "description": "Fails after three attempts.",
                "call": {"operation": "get_order", "args": {"order_ref": "ORD-1"}},
                "expect": {"outcome": "error", "attempts": 3, "error": {"kind": "server", "status": 503},
                           "server": {"requests": 3}},
            }],
        }
        check(lint_manifest(manifest) == [], "a good manifest lints clean: %s" % lint_manifest(manifest))
        manifest_path = os.path.join(tmp, "manifest.json")
        with open(manifest_path, "w", encoding="utf-8") as f:
            json.dump(manifest, f)
        sink = Sink()
        # error_record logged 1 request where the manifest expects 3: that must be reported.
        check(run_check_manifest(manifest_path, rust, sink) == 1 and "server.requests: expected 3, got 1" in sink.text,
              "an unmet expectation is reported: " + sink.text)
        fixed = dict(error_record, server=dict(error_record["server"], requests=3))
        good = write("good.jsonl", [record("a"), fixed])
        sink = Sink()
        check(run_check_manifest(manifest_path, good, sink) == 0, "met expectations pass: " + sink.text)
        wrong_status = record("a", result={"order_ref": "ORD-1", "reconciled": False, "status": 202})
        wrong = write("wrong.jsonl", [wrong_status, fixed])
        sink = Sink()
        check(run_check_manifest(manifest_path, wrong, sink) == 1 and "result.status: expected 201, got 202" in sink.text,
              "a result field outside the expected subset is reported: " + sink.text)
        check(subset_mismatches({"a": [1, {"b": None}]}, {"a": [1, {"b": None, "c": 2}], "d": 3}, "x") == [],
              "extra keys are allowed by the subset match")
        check(subset_mismatches({"a": [1]}, {"a": [1, 2]}, "x") != [], "lists must match in full")

        bad = json.loads(json.dumps(manifest))
        bad["scenarios"][1]["id"] = "a"
        bad["scenarios"][1]["call"]["operation"] = "delete_order"
        bad["scenarios"][0]["call"]["args"]["instructions"] = [{"instruction_ref": "I", "amount": 12.5}]
        problems = lint_manifest(bad)
        check(any("used twice" in x for x in problems), "a duplicate id is reported")
        check(any("delete_order" in x for x in problems), "an unknown operation is reported")
        check(any("amount must be a string" in x for x in problems), "a numeric amount is reported")

    for f in failures:
        out.write("FAIL %s\n" % f)
    out.write("self-test: %s\n" % ("%d failure(s)" % len(failures) if failures else "all checks passed"))
    return 1 if failures else 0


# --------------------------------------------------------------------------- command line

def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Compare conformance records across languages, or check them against the manifest.")
    parser.add_argument("files", nargs="*", help="record files (JSON Lines); the first is the reference")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check-manifest", metavar="MANIFEST",
                      help="check one record file against the manifest's expect blocks")
    mode.add_argument("--lint", metavar="MANIFEST", help="check the manifest only")
    mode.add_argument("--self-test", action="store_true", help="prove the judge works")
    parser.add_argument("--emulator", metavar="URL", help="with --lint: arm every fault on this emulator")
    args = parser.parse_args(argv)
    out = sys.stdout
    try:
        if args.self_test:
            return self_test(out)
        if args.lint:
            if args.files:
                parser.error("--lint takes no record files")
            return run_lint(args.lint, args.emulator, out)
        if args.emulator:
            parser.error("--emulator goes with --lint")
        if args.check_manifest:
            if len(args.files) != 1:
                parser.error("--check-manifest takes exactly one record file")
            return run_check_manifest(args.check_manifest, args.files[0], out)
        if not args.files:
            parser.error("give at least one record file (the reference first)")
        return run_compare(args.files, out)
    except InputError as e:
        sys.stderr.write("judge: %s\n" % e)
        return 2


if __name__ == "__main__":
    sys.exit(main())
