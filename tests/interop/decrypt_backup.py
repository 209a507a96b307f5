#!/usr/bin/env python3
"""Decrypt a Bridgework backup (.bwvault) independently of Bridgework.

Written from docs/vault-format.md alone (sections 2-5, 8 and 9), with only Python's standard
library and PyNaCl (Debian: python3-nacl), to show that the document is enough to read a
backup. It relies on nothing the document does not say; where it had to guess, the document
was fixed. Every record's text is repaired as Bridgework repairs it (section 4.3 step 5) and the
record checked against its table's shape (sections 4.6, 4.7); records of a table this reader
does not know are decrypted and printed unchecked (section 4.8). Records are all or nothing: a
damaged record fails the backup. Worksheet files are not: one that does not decrypt is reported
and left out, and everything else is still read (section 8.9). Session calendars and insight
summaries are derived data (section 4.7): they are read and checked like any record, and clients
whose calendar does not match their sessions, or whose summary does not count their reviews and
assignments (as in a backup from before either existed), are noted, not refused; the sessions,
reviews and assignments are what counts. A session calendar of version 1, which has no upgrade
and which Bridgework replaces from the sessions, is left out and noted, not refused.

Usage:
    decrypt_backup.py FILE PASSPHRASE_FILE [RECOVERY_KEY_FILE] [--json] [--attachments DIR]

PASSPHRASE_FILE holds the passphrase exactly (UTF-8; not trimmed, so no trailing newline).
RECOVERY_KEY_FILE holds the recovery key text; when given, the data key is also unwrapped
from the recovery slot and must equal the one from the passphrase slot.
With --attachments DIR, every attachment file in the backup (section 9) is decrypted into DIR
as <attachment id>.pdf, .png or .jpg (by its first bytes; .bin if it is none of these).

Prints a summary (or, with --json, the decrypted records as JSON) and exits 0. When one or
more worksheet files are damaged it prints (and writes) everything else, names them in a
"warning:" line on stderr and exits 3. On any other problem it prints "error: CODE: detail" to
stderr and exits 1 (2 for bad usage).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import math
import re
import sys
from dataclasses import dataclass, field
from typing import Callable

try:
    import nacl.bindings
    import nacl.exceptions
    import nacl.pwhash.argon2id
except ImportError:  # pragma: no cover - depends on the machine
    sys.exit(
        "PyNaCl is missing: install Debian's python3-nacl and run this with /usr/bin/python3"
    )


class VaultFormatError(Exception):
    """A refusal, with the error code the document assigns to it (Appendix: error codes)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


# ---------------------------------------------------------------- conventions

MIB = 1024 * 1024


def u16le(b: bytes) -> int:
    return int.from_bytes(b, "little")


u32le = u64le = u16le


def blake2b_256(message: bytes, key: bytes = b"") -> bytes:
    """Conventions: BLAKE2b-256(message, key) = crypto_generichash(32, message, key)."""
    return hashlib.blake2b(message, digest_size=32, key=key).digest()


def same(a: bytes, b: bytes) -> bool:
    """Constant-time comparison (sections 2.7, 2.8, 5, 8.5, 8.6)."""
    return hmac.compare_digest(a, b)


# JavaScript's whitespace (what `\s` and String.prototype.trim match): Conventions.
JS_WHITESPACE = (
    "\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)


# ---------------------------------------------------------------- 2. vault header

HEADER_MAGIC = b"BWVH"
MAX_NAME_BYTES = 120  # 2.2, 2.9 step 9
UTF8_BOM = b"\xef\xbb\xbf"  # Conventions; 2.9 step 9, 4.3
SLOT_BYTES = 98
KDF_FLOOR_OPS, KDF_CEILING_OPS = 2, 64  # 2.10
KDF_FLOOR_MEM, KDF_CEILING_MEM = 64 * MIB, 1024 * MIB


@dataclass
class Slot:
    kind: int
    alg: int
    ops: int
    mem: int
    params: bytes  # slot bytes 0..25, part of the slot's associated data (2.5)
    salt: bytes
    nonce: bytes
    wrapped: bytes


@dataclass
class Header:
    raw: bytes
    vault_id: bytes
    name: str
    slots: list[Slot]
    unsigned: bytes
    mac: bytes


def parse_header(header: bytes) -> Header:
    """Section 5, steps 1-8 (the checks and order of 2.9 and 2.10)."""
    if len(header) < 6:
        raise VaultFormatError("TRUNCATED", "header shorter than 6 bytes")
    if header[0:4] != HEADER_MAGIC:
        raise VaultFormatError("NOT_A_VAULT", "header magic is not BWVH")
    version = u16le(header[4:6])
    if version > 1:
        raise VaultFormatError("NEWER_VERSION", f"header format {version}")
    if version != 1:
        raise VaultFormatError("UNSUPPORTED_VERSION", f"header format {version}")
    if len(header) < 23:
        raise VaultFormatError("TRUNCATED", "header ends in its vault id or name length")
    vault_id = header[6:22]
    n = header[22]
    if len(header) < 24 + n:
        raise VaultFormatError("TRUNCATED", "header ends in its name or slot count")
    s = header[23 + n]
    length = 88 + n + 98 * s
    if len(header) < length:
        raise VaultFormatError("TRUNCATED", "header ends in its slots, MAC or checksum")
    if len(header) > length:
        raise VaultFormatError("DAMAGED", "bytes after the header checksum")
    if not same(blake2b_256(header[0 : length - 32]), header[length - 32 : length]):
        raise VaultFormatError("DAMAGED", "header checksum mismatch")
    try:
        name = header[23 : 23 + n].decode("utf-8", errors="strict")  # keeps a U+FEFF
    except UnicodeDecodeError:
        raise VaultFormatError("DAMAGED", "vault name is not UTF-8") from None
    if not 1 <= n <= MAX_NAME_BYTES:
        raise VaultFormatError("DAMAGED", f"name length {n}")
    if header[23 : 23 + n].startswith(UTF8_BOM):
        raise VaultFormatError("DAMAGED", "vault name starts with a byte-order mark")
    if s == 0 or s > 8:
        raise VaultFormatError("DAMAGED", f"slot count {s}")
    slots: list[Slot] = []
    for i in range(s):
        b = header[24 + n + 98 * i : 24 + n + 98 * (i + 1)]
        slot = Slot(
            kind=b[0],
            alg=b[1],
            ops=u32le(b[2:6]),
            mem=u32le(b[6:10]),
            params=b[0:26],
            salt=b[10:26],
            nonce=b[26:50],
            wrapped=b[50:98],
        )
        if slot.kind not in (1, 2) or slot.alg not in (1, 2):
            detail = f"slot {i}: kind {slot.kind}, algorithm {slot.alg}"
            raise VaultFormatError("UNKNOWN_ALGORITHM", detail)
        slots.append(slot)
    for i, slot in enumerate(slots):
        if slot.kind == 2:
            if not (slot.alg == 2 and slot.ops == 0 and slot.mem == 0):
                raise VaultFormatError("UNKNOWN_ALGORITHM", f"recovery slot {i}")
        else:
            if slot.alg != 1:
                raise VaultFormatError("UNKNOWN_ALGORITHM", f"passphrase slot {i}")
            cost = f"slot {i}: {slot.ops} passes, {slot.mem} bytes"
            if slot.ops < KDF_FLOOR_OPS or slot.mem < KDF_FLOOR_MEM:
                raise VaultFormatError("KDF_BELOW_FLOOR", cost)
            if slot.ops > KDF_CEILING_OPS or slot.mem > KDF_CEILING_MEM:
                raise VaultFormatError("KDF_ABOVE_CEILING", cost)
    return Header(
        raw=header,
        vault_id=vault_id,
        name=name,
        slots=slots,
        unsigned=header[0 : length - 64],
        mac=header[length - 64 : length - 32],
    )


# ---------------------------------------------------------------- 3. recovery key

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def decode_recovery_key(text: str) -> bytes | None:
    """Section 3, parsing steps 1-5; None when the text is not a recovery key."""
    cleaned = text.upper()
    cleaned = "".join(c for c in cleaned if c not in JS_WHITESPACE and c != "-")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(cleaned) != 32 or any(c not in CROCKFORD for c in cleaned):
        return None
    value = 0
    for c in cleaned:
        value = (value << 5) | CROCKFORD.index(c)
    return value.to_bytes(20, "big")


# ---------------------------------------------------------------- 2.4-2.7 unlocking


def open_slot(header: Header, slot: Slot, wrapping_key: bytes) -> bytes | None:
    ad = header.raw[0:22] + slot.params  # 2.5: 48 bytes
    try:
        return nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            slot.wrapped, ad, slot.nonce, wrapping_key
        )
    except nacl.exceptions.CryptoError:
        return None


def verify_header_mac(header: Header, data_key: bytes) -> None:
    """Section 5, step 11."""
    mac_key = blake2b_256(b"bridgework/header-mac/v1", key=data_key)
    if not same(blake2b_256(header.unsigned, key=mac_key), header.mac):
        raise VaultFormatError("HEADER_TAMPERED")


def unlock_with_passphrase(header: Header, passphrase: bytes) -> tuple[bytes, int]:
    """Section 5, steps 9-11 for a passphrase (its UTF-8 bytes); returns (data key, slot index)."""
    for index, slot in enumerate(header.slots):
        if slot.kind != 1:
            continue
        wrapping_key = nacl.pwhash.argon2id.kdf(
            32, passphrase, slot.salt, opslimit=slot.ops, memlimit=slot.mem
        )
        data_key = open_slot(header, slot, wrapping_key)
        if data_key is not None:
            verify_header_mac(header, data_key)
            return data_key, index
    raise VaultFormatError("WRONG_PASSPHRASE")


def unlock_with_recovery_key(header: Header, text: str) -> tuple[bytes, int]:
    """Section 5, steps 9-11 for a recovery key; returns (data key, slot index)."""
    rk = decode_recovery_key(text)
    if rk is None:
        raise VaultFormatError("WRONG_RECOVERY_KEY", "not a recovery key")
    for index, slot in enumerate(header.slots):
        if slot.kind != 2:
            continue
        data_key = open_slot(header, slot, blake2b_256(rk, key=slot.salt))
        if data_key is not None:
            verify_header_mac(header, data_key)
            return data_key, index
    raise VaultFormatError("WRONG_RECOVERY_KEY")


# ---------------------------------------------------------------- 4. sealed records


def open_record(
    data_key: bytes, vault_id: bytes, table: str, record_id: str, sealed: bytes
) -> tuple[int, dict]:
    """Section 5, steps 12-15; returns (schema version, record)."""
    if len(sealed) < 43 or sealed[0] != 1:
        raise VaultFormatError("RECORD_DAMAGED", f"{table}/{record_id}: too short or not format 1")
    schema_version = u16le(sealed[1:3])
    nonce, ct = sealed[3:27], sealed[27:]
    t, r = table.encode("utf-8"), record_id.encode("utf-8")
    ad = b"BWREC1" + vault_id + bytes([len(t)]) + t + bytes([len(r)]) + r + sealed[1:3]
    try:
        plaintext = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            ct, ad, nonce, data_key
        )
    except nacl.exceptions.CryptoError:
        raise VaultFormatError("RECORD_DAMAGED", f"{table}/{record_id}: does not decrypt") from None
    record = parse_record_json(plaintext, f"{table}/{record_id}")
    record["id"] = record_id
    return schema_version, record


MAX_SAFE_INTEGER = 2**53 - 1  # 4.3: JavaScript's Number.MAX_SAFE_INTEGER


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")  # Python's json would accept NaN and Infinity


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"{text} is not a finite double")
    return value


def _double_int(text: str) -> int | float:
    """An integer literal as JavaScript reads it: exact up to 2^53 - 1, else the nearest double."""
    value = int(text)
    if abs(value) <= MAX_SAFE_INTEGER:
        return value
    return float(value)  # OverflowError beyond the largest double (JavaScript: Infinity)


def parse_record_json(plaintext: bytes, where: str) -> dict:
    """Section 4.3, "Record JSON": strict UTF-8, no byte-order mark, RFC 8259 JSON as
    JavaScript's JSON.parse reads it, every number a finite double, an object at the top."""
    if plaintext.startswith(UTF8_BOM):
        raise VaultFormatError("RECORD_DAMAGED", f"{where}: starts with a byte-order mark")
    try:
        record = json.loads(
            plaintext.decode("utf-8", errors="strict"),
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            parse_int=_double_int,
        )
    except (ValueError, OverflowError, RecursionError) as error:  # incl. UnicodeDecodeError
        raise VaultFormatError("RECORD_DAMAGED", f"{where}: not record JSON ({error})") from None
    if not isinstance(record, dict):
        raise VaultFormatError("RECORD_DAMAGED", f"{where}: not a JSON object")
    return record


RECORD_ID = re.compile(r"[A-Za-z0-9_-]{22}")  # 4.4
# 4.6: what a reader accepts (Bridgework writes YYYY-MM-DDTHH:mm:ss.sssZ).
ISO_UTC = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z", re.ASCII
)
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)


def days_in_month(year: int, month: int) -> int:
    """Days in a month of the proleptic Gregorian calendar (year 0000 is a leap year)."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]


def _real_date(match: re.Match) -> bool:
    """A real date of the proleptic Gregorian calendar (year 0000 is a leap year)."""
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= days_in_month(year, month)


def is_iso_utc(value: object) -> bool:
    """4.6: a date-time."""
    if not isinstance(value, str):
        return False
    m = ISO_UTC.fullmatch(value)
    return bool(m) and _real_date(m)


def is_iso_date(value: object) -> bool:
    """4.7: a date, YYYY-MM-DD."""
    if not isinstance(value, str):
        return False
    m = ISO_DATE.fullmatch(value)
    return bool(m) and _real_date(m)


def iso_date_plus(value: str, days: int) -> str | None:
    """4.7: the date `days` (>= 0) after the date `value` (YYYY-MM-DD, already checked), or None
    when that is after 9999-12-31 (JavaScript's toISOString writes such a year as "+010000",
    which is not a date). Python's datetime.date cannot be used: it has no year 0000."""
    year, month, day = int(value[0:4]), int(value[5:7]), int(value[8:10])
    for _ in range(days):
        day += 1
        if day > days_in_month(year, month):
            day, month = 1, month + 1
            if month > 12:
                month, year = 1, year + 1
    if year > 9999:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def text_length(text: str) -> int:
    """A text's length as the schemas count it (Conventions): Unicode code points. Python's len
    counts the same, since JSON decoding joins an escaped surrogate pair into one code point
    and leaves an unpaired surrogate as one."""
    return len(text)


# Shapes (4.6, 4.7). A shape is a function (value, path, problems) -> value: it appends what is
# wrong to `problems` and returns the value as the record holds it (trimmed text trimmed).
Shape = Callable[[object, str, list], object]


# 4.3, "Free text": hidden control characters (C0 but tab and line feed, DEL and C1, bidi
# embeddings, overrides and isolates) and, after CRLF and CR become LF, line breaks.
HIDDEN_CONTROL = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")
LINE_BREAK = re.compile("[\n\u2028\u2029]")
CR_LINE_END = re.compile("\r\n?")


def lf_line_ends(value: str) -> str:
    """4.3: CRLF and a lone CR become LF."""
    return CR_LINE_END.sub("\n", value)


def free_text_problem(value: str, one_line: bool) -> str | None:
    """4.3: what the free-text rules refuse in `value` (line ends already LF), or None."""
    found = HIDDEN_CONTROL.search(value)
    if found:
        return f"hidden control character U+{ord(found.group()):04X}"
    found = LINE_BREAK.search(value) if one_line else None
    if found:
        return f"line break U+{ord(found.group()):04X} in a one-line field"
    return None


def repair_stored_text(
    value: object, one_line_keys: tuple[str, ...], one_line: bool = False
) -> object:
    """Section 4.3 step 5: every string value at any depth (not object keys) gets LF line ends
    and U+FFFD for each hidden control; within a one-line field (a value under one of
    `one_line_keys`, at any depth) line breaks become spaces."""
    if isinstance(value, str):
        value = HIDDEN_CONTROL.sub("\ufffd", lf_line_ends(value))
        return LINE_BREAK.sub(" ", value) if one_line else value
    if isinstance(value, list):
        return [repair_stored_text(item, one_line_keys, one_line) for item in value]
    if isinstance(value, dict):
        return {
            key: repair_stored_text(item, one_line_keys, one_line or key in one_line_keys)
            for key, item in value.items()
        }
    return value


def text(low: int, high: int, *, trim: bool = False, kind: str = "free") -> Shape:
    """A string of low..high code points; trimmed of JavaScript whitespace first if trim.

    kind "free": free text (4.3), line ends made LF, no hidden controls; "line": one-line free
    text, no line breaks either; "any": not free text (the preferences' favourite templates).
    Records are repaired (4.3 step 5) before they are checked, so after a repair only what the
    repair does not reach (a tracker's keys) can still fail the free-text rules.
    """

    def check(value: object, path: str, problems: list) -> object:
        if not isinstance(value, str):
            problems.append(f"{path}: not a string")
            return value
        if kind != "any":
            value = lf_line_ends(value)
            problem = free_text_problem(value, one_line=kind == "line")
            if problem:
                problems.append(f"{path}: {problem}")
        if trim:
            value = value.strip(JS_WHITESPACE)
        if not low <= text_length(value) <= high:
            problems.append(f"{path}: {text_length(value)} code points, not {low}-{high}")
        return value

    return check


def line(low: int, high: int, *, trim: bool = False) -> Shape:
    """One-line free text (4.3)."""
    return text(low, high, trim=trim, kind="line")


def any_text(low: int, high: int) -> Shape:
    """Text that is not free text (4.7): a favourite template of the preferences."""
    return text(low, high, kind="any")


def string(value: object, path: str, problems: list) -> object:
    """Any string (a version-1 client's name before the upgrade, 4.6)."""
    if not isinstance(value, str):
        problems.append(f"{path}: not a string")
    return value


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def number(low: float | None = None, high: float | None = None) -> Shape:
    """A JSON number (finite, 4.3), optionally within low..high."""

    def check(value: object, path: str, problems: list) -> object:
        if not _is_number(value):
            problems.append(f"{path}: not a number")
        elif (low is not None and value < low) or (high is not None and value > high):
            problems.append(f"{path}: {value} not in {low}-{high}")
        return value

    return check


def integer(low: int, high: int = MAX_SAFE_INTEGER) -> Shape:
    """4.3: a safe integer (|n| <= 2^53 - 1; 3.0 and 3e0 are the integer 3) within low..high."""

    def check(value: object, path: str, problems: list) -> object:
        if not _is_number(value) or abs(value) > MAX_SAFE_INTEGER or value != int(value):
            problems.append(f"{path}: not a safe integer")
            return value
        if not low <= value <= high:
            problems.append(f"{path}: {value} not in {low}-{high}")
        return int(value)  # 50.0 is the integer 50

    return check


def boolean(value: object, path: str, problems: list) -> object:
    if not isinstance(value, bool):
        problems.append(f"{path}: not true or false")
    return value


def record_id(value: object, path: str, problems: list) -> object:
    """4.4: a record id, 22 base64url characters."""
    if not isinstance(value, str) or not RECORD_ID.fullmatch(value):
        problems.append(f"{path}: not a record id")
    return value


def date_time(value: object, path: str, problems: list) -> object:
    if not is_iso_utc(value):
        problems.append(f"{path}: not a date-time")
    return value


def date(value: object, path: str, problems: list) -> object:
    if not is_iso_date(value):
        problems.append(f"{path}: not a date")
    return value


TEMPLATE_ID = re.compile(r"[A-Za-z0-9_-]{1,120}")  # 4.7: a template reference's templateId
TIME_OF_DAY = re.compile(r"([01]\d|2[0-3]):[0-5]\d", re.ASCII)  # 4.7: "HH:MM", 24-hour clock


def template_id(value: object, path: str, problems: list) -> object:
    """4.7: a built-in template's slug or a custom template's id: 1-120 ASCII letters, digits,
    hyphens and underscores, nothing else (no space, no control, no other script)."""
    if not isinstance(value, str) or not TEMPLATE_ID.fullmatch(value):
        problems.append(f"{path}: not a template id")
    return value


def time_of_day(value: object, path: str, problems: list) -> object:
    """4.7: a time of day, "HH:MM" from 00:00 to 23:59."""
    if not isinstance(value, str) or not TIME_OF_DAY.fullmatch(value):
        problems.append(f"{path}: not a time of day")
    return value


def one_of_strings(*values: str) -> Shape:
    def check(value: object, path: str, problems: list) -> object:
        if not isinstance(value, str) or value not in values:
            problems.append(f"{path}: {value!r} is not one of {', '.join(values)}")
        return value

    return check


def nullable(shape: Shape) -> Shape:
    """null, or a value of `shape` (never absent)."""

    def check(value: object, path: str, problems: list) -> object:
        return None if value is None else shape(value, path, problems)

    return check


def array(item: Shape, low: int, high: int) -> Shape:
    def check(value: object, path: str, problems: list) -> object:
        if not isinstance(value, list):
            problems.append(f"{path}: not an array")
            return value
        if not low <= len(value) <= high:
            problems.append(f"{path}: {len(value)} items, not {low}-{high}")
        return [item(v, f"{path}[{i}]", problems) for i, v in enumerate(value)]

    return check


def obj(
    required: dict[str, Shape], optional: dict[str, Shape] | None = None, *, strict: bool = True
) -> Shape:
    """An object with exactly these fields (`optional` ones may be absent, never null unless
    their shape is nullable). Not strict: other fields are ignored and dropped."""
    optional = optional or {}

    def check(value: object, path: str, problems: list) -> object:
        if not isinstance(value, dict):
            problems.append(f"{path or 'record'}: not an object")
            return value
        out = {}
        for key in required:
            if key not in value:
                problems.append(f"{path}{'.' if path else ''}{key}: missing")
        for key, item in value.items():
            shape = required.get(key) or optional.get(key)
            if shape is not None:
                out[key] = shape(item, f"{path}{'.' if path else ''}{key}", problems)
            elif strict:
                problems.append(f"{path}{'.' if path else ''}{key}: not a field of this record")
        return out

    return check


def string_map(key_high: int, value_shape: Shape) -> Shape:
    """An object used as a map: any keys of up to key_high code points, each one-line free
    text (4.7: a tracker's keys, which the repair of 4.3 step 5 does not reach)."""

    def check(value: object, path: str, problems: list) -> object:
        if not isinstance(value, dict):
            problems.append(f"{path}: not an object")
            return value
        for key in value:
            problem = free_text_problem(lf_line_ends(key), one_line=True)
            if problem:
                problems.append(f"{path}: key {key!r}: {problem}")
            if text_length(key) > key_high:
                problems.append(f"{path}: key {key!r} longer than {key_high}")
        return {k: value_shape(v, f"{path}[{k!r}]", problems) for k, v in value.items()}

    return check


def first_of(*shapes: Shape) -> Shape:
    """A value of the first of `shapes` it fits."""

    def check(value: object, path: str, problems: list) -> object:
        for shape in shapes:
            attempt: list = []
            result = shape(value, path, attempt)
            if not attempt:
                return result
        problems.append(f"{path}: not a string of up to 200, a number or true/false")
        return value

    return check


def tagged(tag: str, shapes: dict[str, Shape]) -> Shape:
    """One of several object shapes, chosen by the string in field `tag`."""

    def check(value: object, path: str, problems: list) -> object:
        kind = value.get(tag) if isinstance(value, dict) else None
        shape = shapes.get(kind) if isinstance(kind, str) else None
        if shape is None:
            problems.append(f"{path}{'.' if path else ''}{tag}: not one of {', '.join(shapes)}")
            return value
        return shape(value, path, problems)

    return check


CLIENT_STATUSES = ("active", "paused", "discharged")
GOAL_STATUSES = ("active", "achieved", "paused", "let-go")
TEMPLATE_CATEGORIES = (
    "mood-and-activity", "anxiety-and-exposure", "thoughts", "body-and-breathing", "sleep",
    "relationships-and-communication", "values-and-self-compassion", "habits-and-urges",
    "grounding",
)
TEMPLATE_APPROACHES = (  # version 2; version 1 had the first eight
    "cbt", "behavioural-activation", "exposure", "dbt-skills", "act", "mi", "mindfulness",
    "compassion-focused", "cbt-i", "erp", "habit-reversal", "problem-solving", "mbct",
    "ipt-social-rhythm",
)
TRACKER_FIELD_KINDS = ("yes-no", "count", "minutes", "rating-0-10", "short-text", "time-of-day")
BARRIER_KINDS = (  # 4.7 (barrier-kinds.ts): planned barriers and, since review version 2, met
    "forgot", "no-time", "too-big-or-hard", "unclear-when-where-how", "plan-did-not-fit-day",
    "unsure-why-it-helps", "did-not-agree-it-helps", "feelings-or-avoidance",
    "low-energy-or-mood", "other-people", "chaotic-week", "illness", "materials-lost",
    "worried-someone-would-see", "other",
)
ASSIGNMENT_STATUSES = ("draft", "active", "paused", "completed", "stopped", "replaced")
REVIEW_ITEM_STATES = ("to-review", "reviewed", "deferred")
SESSION_STATUSES = ("planned", "held", "cancelled")  # a session's, and a calendar entry's
MAX_CALENDAR_ENTRIES = 100_000  # 4.7, sessionCalendars
PRACTICE_WORDINGS = ("practice", "this-weeks-plan")
PAGE_SIZES = ("letter", "a4")  # 4.7, preferences: the paper handouts are made for
HANDOUT_NAMINGS = ("first-name", "initials", "none")  # 4.7, preferences: how a handout names the client
EXPORT_FORMATS = (  # 4.7, log: the file type alone (older entries), or what was made
    "pdf", "ics", "png", "csv", "template-pack", "handout-pdf", "tracker-pdf",
    "session-summary-pdf", "recovery-sheet-pdf", "calendar-ics", "reminder-png",
)  # fmt: skip
# 4.7, reviews (version 2; reviewTextLimits for the texts).
REVIEW_OUTCOMES = ("did-it", "some-of-it", "something-different", "not-this-time")
REVIEW_DECISIONS = ("continue", "step-up", "make-smaller", "modify", "pause", "stop", "completed")
REPORT_SOURCES = ("client-account", "returned-tracker", "observed-in-session")
PLAN_USES = ("not-needed", "not-used", "helped", "helped-a-little", "did-not-help")
DOSE_SIZES = ("as-needed", "up-to-30", "31-to-90", "over-90", "not-timed")  # insight summaries
MAX_FACTS = 100_000  # 4.7, insightSummaries: review facts, and assignment facts, per summary
MEDIA_TYPES = ("application/pdf", "image/png", "image/jpeg")
MAX_ATTACHMENT_BYTES = 20 * MIB

# Parts shared by several records (4.7, "Parts").
TEMPLATE_REF = obj({"templateId": template_id, "version": integer(1)})
DOSE = tagged("kind", {
    "per-week": obj(
        {"kind": one_of_strings("per-week"), "timesPerWeek": integer(1, 21)},
        {"minutes": integer(1, 240)},
    ),
    "as-needed": obj(
        {"kind": one_of_strings("as-needed"), "practiseAtLeast": integer(0, 21)},
        {"minutes": integer(1, 240)},
    ),
})  # fmt: skip
DOSE_OPTION = obj({"label": line(1, 80, trim=True), "dose": DOSE})
SMALLEST_VERSION = obj({"label": line(1, 200, trim=True), "dose": DOSE})
TRACKER_FIELD = obj(
    {"label": line(1, 60, trim=True), "kind": one_of_strings(*TRACKER_FIELD_KINDS)}
)
BARRIER = obj({"barrier": line(1, 120, trim=True), "ifThen": line(1, 240, trim=True)})
LADDER_STEP = obj({"step": line(1, 160, trim=True)}, {"difficulty": integer(0, 10)})
DISCREET_WORDING = obj({}, {
    "purpose": text(1, 600, trim=True),
    "steps": array(line(1, 300, trim=True), 1, 12),
    "minimumDose": line(1, 200, trim=True),
    "standardDose": line(1, 200, trim=True),
    "worksheetPrompts": array(line(1, 240, trim=True), 0, 8),
    "barriers": array(BARRIER, 1, 8),
})  # fmt: skip
TEMPLATE_CONTENT = {  # a template's content, version 2 (4.7)
    "title": line(1, 120, trim=True),
    "clientTitle": line(1, 120, trim=True),
    "discreetTitle": line(1, 120, trim=True),
    "clinicianNotes": text(0, 1500, trim=True),
    "cautions": array(line(1, 240, trim=True), 0, 10),
    "category": one_of_strings(*TEMPLATE_CATEGORIES),
    "approaches": array(one_of_strings(*TEMPLATE_APPROACHES), 1, 4),
    "concerns": array(line(1, 40, trim=True), 1, 8),
    "purpose": text(1, 600, trim=True),
    "steps": array(line(1, 300, trim=True), 1, 12),
    "minimumDose": SMALLEST_VERSION,
    "standardDose": line(1, 200, trim=True),
    "doseOptions": array(DOSE_OPTION, 2, 3),
    "trackerFields": array(TRACKER_FIELD, 1, 6),
    "worksheetPrompts": array(line(1, 240, trim=True), 0, 8),
    "barriers": array(BARRIER, 1, 8),
    "ladder": array(LADDER_STEP, 0, 12),
    "noLadderBecause": nullable(line(1, 240, trim=True)),
}
TEMPLATE_CONTENT_OPTIONAL = {"discreetWording": DISCREET_WORDING}


def with_template_rules(shape: Shape) -> Shape:
    """4.7: a template's content has a ladder or a reason for having none, not both."""

    def check(value: object, path: str, problems: list) -> object:
        value = shape(value, path, problems)
        if (
            isinstance(value, dict)
            and isinstance(value.get("ladder"), list)
            and value["ladder"]
            and value.get("noLadderBecause") is not None
        ):
            problems.append(f"{path}{'.' if path else ''}noLadderBecause: set, with a ladder")
        return value

    return check


CLIENT = obj({
    "id": record_id,
    "name": line(1, 120, trim=True),
    "status": one_of_strings(*CLIENT_STATUSES),
    "privateNotes": text(0, 20_000),
    "createdAt": date_time,
    "statusChangedAt": date_time,
})
CLIENT_FIELDS = {"id", "name", "status", "privateNotes", "createdAt", "statusChangedAt"}
CLIENT_V1 = obj(
    {
        "id": record_id,
        "name": string,  # any string: checked as a version-2 name after the upgrade (4.6)
        "createdAt": date_time,
        "archivedAt": nullable(date_time),
    },
    strict=False,
)
GOAL = obj({
    "id": record_id,
    "clientId": record_id,
    "clientWords": text(1, 300, trim=True),
    "whyItMatters": text(0, 1000, trim=True),
    "status": one_of_strings(*GOAL_STATUSES),
    "createdAt": date_time,
    "updatedAt": date_time,
})
def with_rule(shape: Shape, broken: Callable[[dict], str | None]) -> Shape:
    """A shape with a rule between its fields: `broken(value)` says what is wrong, or None. The
    rule is checked only on an object whose fields are each right (else it is damaged anyway)."""

    def check(value: object, path: str, problems: list) -> object:
        own: list = []
        value = shape(value, path, own)
        problems.extend(own)
        if not own and isinstance(value, dict):
            problem = broken(value)
            if problem:
                problems.append(f"{path}{'.' if path else ''}{problem}")
        return value

    return check


# 4.7: a session's review item; a deferred one needs a reason (its trimmed text not empty).
REVIEW_ITEM = with_rule(
    obj({
        "assignmentId": record_id,
        "state": one_of_strings(*REVIEW_ITEM_STATES),
        "deferredBecause": text(0, 500, trim=True),
        "reviewId": nullable(record_id),
    }),
    lambda item: "deferredBecause: a deferred review needs a reason"
    if item["state"] == "deferred" and item["deferredBecause"] == ""
    else None,
)  # fmt: skip
SESSION = obj({  # version 3 (4.7)
    "id": record_id,
    "clientId": record_id,
    "startsAt": date_time,
    "durationMinutes": integer(5, 480),
    "status": one_of_strings(*SESSION_STATUSES),
    "reviewItems": array(REVIEW_ITEM, 0, 20),
    "topics": array(line(1, 300, trim=True), 0, 20),
    "assignmentIds": array(record_id, 0, 20),
    "summaryForClient": text(0, 5000),
    "privateNotes": text(0, 20_000),
    "reviewedFirst": nullable(boolean),  # version 3: reviewed before new practice was set
    "revision": integer(0),
    "createdAt": date_time,
    "updatedAt": date_time,
})
# 4.7: a client's session calendar, derived from their sessions (one entry per session, when it
# starts, where it stands, whether practice was reviewed first and whether practice was set).
# Bridgework writes the entries earliest first; the order, like duplicates, is not checked on
# reading.
SESSION_CALENDAR_ENTRY = obj({
    "sessionId": record_id,
    "startsAt": date_time,
    "status": one_of_strings(*SESSION_STATUSES),
    "reviewedFirst": nullable(boolean),
    "setPractice": boolean,
})
SESSION_CALENDAR = obj({  # version 2 (4.7); version 1 has no upgrade
    "id": record_id,
    "clientId": record_id,
    "entries": array(SESSION_CALENDAR_ENTRY, 0, MAX_CALENDAR_ENTRIES),
})
CUSTOM_TEMPLATE = with_template_rules(obj(
    {
        "id": record_id,
        **TEMPLATE_CONTENT,
        "lineageId": record_id,
        "version": integer(1),
        "basedOn": nullable(TEMPLATE_REF),
        "archivedAt": nullable(date_time),
        "createdAt": date_time,
    },
    TEMPLATE_CONTENT_OPTIONAL,
))  # fmt: skip
# 4.7: the parts of an assignment of version 3.
SERVED_GOAL = obj({"goalId": record_id, "words": text(0, 300)})
ASSIGNMENT_MINIMUM = obj({"label": line(0, 200, trim=True), "dose": nullable(DOSE)})
PRACTICE_PLAN = obj({
    "what": line(0, 200, trim=True),
    "time": nullable(time_of_day),
    "cue": line(0, 200, trim=True),
    "where": line(0, 200, trim=True),
})
PLANNED_BARRIER = obj({
    "kind": one_of_strings(*BARRIER_KINDS),
    "barrier": line(0, 120, trim=True),
    "ifThen": line(0, 240, trim=True),
})
# Version 3 (4.7). Its review is due on or after its start: both are YYYY-MM-DD, so comparing
# the texts compares the dates.
ASSIGNMENT = with_rule(
    obj({
        "id": record_id,
        "clientId": record_id,
        "sessionId": nullable(record_id),
        "template": nullable(TEMPLATE_REF),
        "clinicalTitle": line(0, 120, trim=True),
        "title": line(1, 120, trim=True),
        "discreetTitle": line(0, 120, trim=True),
        "purpose": text(0, 600),
        "whyItMatters": text(0, 1000),
        "whatFeelsDoable": text(0, 1000),
        "goals": array(SERVED_GOAL, 0, 10),
        "noGoalBecause": text(0, 300),
        "steps": array(line(1, 300, trim=True), 0, 12),
        "doseOptions": array(DOSE_OPTION, 0, 4),
        "dose": nullable(DOSE_OPTION),
        "minimum": ASSIGNMENT_MINIMUM,
        "days": array(integer(1, 7), 0, 7),
        "plan": PRACTICE_PLAN,
        "ladder": array(LADDER_STEP, 0, 12),
        "ladderStep": nullable(integer(0, 11)),
        "trackerFields": array(TRACKER_FIELD, 0, 6),
        "barriers": array(PLANNED_BARRIER, 0, 8),
        "backupPlan": text(0, 300),
        "confidenceBefore": nullable(integer(0, 10)),
        "confidenceAfter": nullable(integer(0, 10)),
        "importance": nullable(integer(0, 10)),
        "materials": text(0, 300),
        "reminderPlace": line(0, 200, trim=True),
        "cautions": array(line(0, 240), 0, 10),
        "cautionsAcknowledgedAt": nullable(date_time),
        "discreetWording": nullable(DISCREET_WORDING),
        "status": one_of_strings(*ASSIGNMENT_STATUSES),
        "replaces": nullable(obj({"assignmentId": record_id, "reason": text(0, 500)})),
        "startsOn": date,
        "reviewBy": date,
        "builderStep": integer(0, 3),
        "revision": integer(0),
        "createdAt": date_time,
        "updatedAt": date_time,
    }),
    lambda a: "reviewBy: before startsOn" if a["reviewBy"] < a["startsOn"] else None,
)  # fmt: skip
PRACTICE_LOG = obj({
    "id": record_id,
    "clientId": record_id,
    "assignmentId": record_id,
    "date": date,
    "done": one_of_strings("yes", "partly", "no"),
    "amount": nullable(number(0, 10_000)),
    "tracker": string_map(60, first_of(line(0, 200), number(), boolean)),
    "note": text(0, 2000),
})
RATING = nullable(integer(0, 4))  # 4.7, reviews: the therapist's and the client's 0-4 ratings
BARRIER_MET = obj({"kind": one_of_strings(*BARRIER_KINDS), "note": text(0, 300, trim=True)})


def review_rules(review: dict) -> str | None:
    """4.7, reviews: no barrier kind twice, no source twice, a finished review has an outcome
    and a decision."""
    kinds = [met["kind"] for met in review["barriersMet"]]
    if len(set(kinds)) != len(kinds):
        return "barriersMet: a barrier kind is listed twice"
    if len(set(review["reportedBy"])) != len(review["reportedBy"]):
        return "reportedBy: a source is listed twice"
    if review["finished"] and (review["outcome"] is None or review["decision"] is None):
        return "finished: a finished review has an outcome and a decision"
    return None


REVIEW = with_rule(
    obj({  # version 2 (4.7)
        "id": record_id,
        "clientId": record_id,
        "assignmentId": record_id,
        "sessionId": nullable(record_id),
        "reviewedAt": date_time,
        "outcome": nullable(one_of_strings(*REVIEW_OUTCOMES)),
        "smallestVersionMet": nullable(boolean),
        "amountFrom": nullable(one_of_strings("tracker", "estimate")),
        "percentDone": nullable(integer(0, 100)),
        "quality": RATING,
        "engagement": RATING,
        "helpful": RATING,
        "hard": RATING,
        "understoodWhy": RATING,
        "fitsGoals": RATING,
        "reportedBy": array(one_of_strings(*REPORT_SOURCES), 0, len(REPORT_SOURCES)),
        "barriersMet": array(BARRIER_MET, 0, len(BARRIER_KINDS)),
        "barrierNotes": text(0, 1000),
        "ifThenPlan": nullable(one_of_strings(*PLAN_USES)),
        "backupPlan": nullable(one_of_strings(*PLAN_USES)),
        "madeThingsWorse": nullable(one_of_strings("no", "yes")),
        "worseNote": text(0, 1000),
        "happened": text(0, 2000),
        "learned": text(0, 2000),
        "wins": text(0, 1000),
        "decision": nullable(one_of_strings(*REVIEW_DECISIONS)),
        "decisionReason": text(0, 1000),
        "nextAssignmentId": nullable(record_id),
        "finished": boolean,
        "revision": integer(0),
        "createdAt": date_time,
        "updatedAt": date_time,
    }),
    review_rules,
)  # fmt: skip
# 4.7: a client's insight summary, derived from their reviews and assignments: numbers and
# kinds only, one fact per finished review and per agreed assignment.
REVIEW_FACT = obj({
    "reviewId": record_id,
    "assignmentId": record_id,
    "sessionId": nullable(record_id),
    "reviewedOn": date,
    "outcome": one_of_strings(*REVIEW_OUTCOMES),
    "percentDone": nullable(integer(0, 100)),
    "smallestVersionMet": nullable(boolean),
    "trackerReturned": boolean,
    "barrierKinds": array(one_of_strings(*BARRIER_KINDS), 0, len(BARRIER_KINDS)),
    "decision": one_of_strings(*REVIEW_DECISIONS),
    "madeThingsWorse": boolean,
})
ASSIGNMENT_FACT = obj({
    "assignmentId": record_id,
    "sessionId": nullable(record_id),
    "startsOn": date,
    "status": one_of_strings(*ASSIGNMENT_STATUSES),
    "templateId": nullable(template_id),
    "doseSize": nullable(one_of_strings(*DOSE_SIZES)),
    "confidence": nullable(integer(0, 10)),
    "specificPlan": boolean,
    "ifThenPlans": integer(0, 8),
    "ladderStep": nullable(integer(0, 11)),
    "ladderLength": integer(0, 12),
    "replaces": nullable(record_id),
})
INSIGHT_SUMMARY = obj({  # version 1 (4.7)
    "id": record_id,
    "clientId": record_id,
    "reviewRecords": integer(0),
    "assignmentRecords": integer(0),
    "reviews": array(REVIEW_FACT, 0, MAX_FACTS),
    "assignments": array(ASSIGNMENT_FACT, 0, MAX_FACTS),
})
# 4.7: version 2; a description belongs to exactly one owner, named by its kind.
ATTACHMENT_FILE = {
    "id": record_id,
    "fileName": line(1, 200, trim=True),
    "mediaType": one_of_strings(*MEDIA_TYPES),
    "sizeBytes": integer(1, MAX_ATTACHMENT_BYTES),
    "createdAt": date_time,
}
ATTACHMENT_DAMAGED = {"damagedAt": date_time}  # set once a backup or restore found it damaged
ATTACHMENT = tagged("kind", {
    # A worksheet file of a custom template (every version of it shares the file).
    "template-worksheet": obj(
        ATTACHMENT_FILE | {"kind": one_of_strings("template-worksheet"), "lineageId": record_id},
        ATTACHMENT_DAMAGED,
    ),
    # A tracker PDF a client sent back, kept with their records when it was read into a review.
    "returned-tracker": obj(
        ATTACHMENT_FILE | {
            "kind": one_of_strings("returned-tracker"),
            "mediaType": one_of_strings("application/pdf"),
            "clientId": record_id,
            "assignmentId": record_id,
            "reviewId": record_id,
        },
        ATTACHMENT_DAMAGED,
    ),
})  # fmt: skip
LOG_ENTRY = tagged("kind", {
    "export": obj({
        "id": record_id,
        "kind": one_of_strings("export"),
        "at": date_time,
        "what": line(0, 200),
        "format": one_of_strings(*EXPORT_FORMATS),
        "clientId": nullable(record_id),
    }),
    "client-deleted": obj({
        "id": record_id,
        "kind": one_of_strings("client-deleted"),
        "at": date_time,
        "recordsRemoved": integer(0),
    }),
})
PREFERENCES = obj({  # version 3 (4.7)
    "id": record_id,
    "initialsOnlyInLists": boolean,
    "favouriteTemplates": array(any_text(0, 120), 0, 1000),
    "practiceWording": one_of_strings(*PRACTICE_WORDINGS),
    "practiceName": line(0, 120, trim=True),
    "clinicianName": line(0, 120, trim=True),
    "pageSize": nullable(one_of_strings(*PAGE_SIZES)),
    "nameOnHandouts": one_of_strings(*HANDOUT_NAMINGS),
    "largePrint": boolean,
})


def checked(table: str, shape: Shape, record: dict) -> dict:
    problems: list[str] = []
    value = shape(record, "", problems)
    if problems:
        detail = f"{table}/{record.get('id')}: {'; '.join(problems)}"
        raise VaultFormatError("RECORD_DAMAGED", detail)
    return value  # type: ignore[return-value]


def upgrade_client_v1(record: dict) -> dict:
    """Section 4.6: a version-1 client record, checked and upgraded to version 2."""
    v1 = checked("clients", CLIENT_V1, record)
    archived_at = v1["archivedAt"]
    return {
        "id": v1["id"],
        "name": v1["name"],
        "status": "discharged" if archived_at is not None else "active",
        "privateNotes": "",
        "createdAt": v1["createdAt"],
        "statusChangedAt": archived_at if archived_at is not None else v1["createdAt"],
    }


def js_round(x: float) -> int:
    """JavaScript's Math.round: the nearest integer, a half rounded up (towards +infinity).
    Not Python's round(), which rounds a half to even: round(2.5) == 2, Math.round(2.5) == 3."""
    whole = math.floor(x)
    return whole + 1 if x - whole >= 0.5 else whole


def _damaged(table: str, record: dict, why: str) -> VaultFormatError:
    return VaultFormatError("RECORD_DAMAGED", f"{table}/{record.get('id')}: {why}")


def per_week_v1(old: dict) -> dict:
    """4.7: the dose a version-1 dose option held in itself (`timesPerWeek`, `minutes`), as a
    per-week dose: `timesPerWeek` 1 unless it is a number, `minutes` only if it is a number."""
    times = old.get("timesPerWeek")
    dose = {"kind": "per-week", "timesPerWeek": times if _is_number(times) else 1}
    if _is_number(old.get("minutes")):
        dose["minutes"] = old["minutes"]
    return dose


def upgrade_dose_option_v1(old: dict) -> dict:
    """4.7 (upgradeDoseOptionV1): {label, timesPerWeek, minutes?} -> {label, dose}; any other
    field of the old option is dropped."""
    return {"label": old.get("label"), "dose": per_week_v1(old)}


def upgrade_ladder_v1(old: object, damaged: Callable[[str], VaultFormatError]) -> list:
    """4.7 (upgradeLadderV1): difficulties 0-100 -> 0-10, a half rounded up; a difficulty that
    is not a number is dropped; anything but an array is []; a step that is not an object is
    damage (`damaged(why)` makes the error)."""
    if not isinstance(old, list):
        return []

    def rung(step: object) -> dict:
        if not isinstance(step, dict):
            raise damaged("a ladder step that is not an object")
        new = {key: value for key, value in step.items() if key != "difficulty"}
        if _is_number(step.get("difficulty")):
            new["difficulty"] = js_round(step["difficulty"] / 10)  # 0-100 -> 0-10
        return new

    return [rung(step) for step in old]


def upgrade_attachment_v1(record: dict) -> dict:
    """Section 4.7: an attachment description of version 1 is a template worksheet's; version
    2 names that kind (upgradeAttachmentV1). Nothing else changes."""
    return record | {"kind": "template-worksheet"}


def upgrade_template_v1(record: dict) -> dict:
    """Section 4.7: a version-1 custom template upgraded to version 2 as Bridgework does it
    (upgradeTemplateContentV1). Unlike clients (4.6), the record is not checked against the
    version-1 shape first: the whole result is checked as version 2 after it."""

    def damaged(why: str) -> VaultFormatError:
        return _damaged("templates", record, why)

    def option(old: object) -> dict:
        if not isinstance(old, dict):
            raise damaged("a dose option that is not an object")
        return upgrade_dose_option_v1(old)

    options = record.get("doseOptions")
    return {
        **record,
        "clientTitle": record.get("discreetTitle"),
        "clinicianNotes": "",
        "cautions": [],
        "minimumDose": {
            "label": record.get("minimumDose"),
            "dose": {"kind": "per-week", "timesPerWeek": 1},
        },
        "doseOptions": [option(o) for o in options] if isinstance(options, list) else [],
        "ladder": upgrade_ladder_v1(record.get("ladder"), damaged),
        "noLadderBecause": None,
    }


def upgrade_assignment_v1(record: dict) -> dict:
    """Section 4.7: a version-1 assignment upgraded to version 2 as Bridgework does it
    (upgradeAssignmentV1): its `dose` and `ladder` upgraded like a template's dose options and
    ladder, every other field as it is. Like a template, it is not checked as version 1 first:
    the result goes on through upgrade_assignment_v2 and is checked as version 3."""
    dose = record.get("dose")
    return {
        **record,
        # A `dose` that is not an object (absent, null, text, an array) counts as {}: no label, so
        # the record is damaged.
        "dose": upgrade_dose_option_v1(dose if isinstance(dose, dict) else {}),
        "ladder": upgrade_ladder_v1(
            record.get("ladder"), lambda why: _damaged("assignments", record, why)
        ),
    }


ABSENT = object()  # a field the stored record does not have (JavaScript: undefined)


def _put(out: dict, key: str, value: object) -> None:
    """Sets out[key], or removes it when `value` is ABSENT: a field copied from one that is
    missing is missing too (Bridgework's upgrades copy `undefined`, which its schema refuses),
    whatever the stored record held under the new name."""
    if value is ABSENT:
        out.pop(key, None)
    else:
        out[key] = value


ASSIGNMENT_V2_ONLY = (
    "title", "clientWords", "goalIds", "minimumDose", "confidence", "implementationIntention",
)  # fmt: skip


def upgrade_assignment_v2(record: dict) -> dict:
    """Section 4.7: a version-2 assignment upgraded to version 3 as Bridgework does it
    (upgradeAssignmentV2). Every word is kept: the one title becomes the plain and the discreet
    title, the client's words what feels doable, the smallest version keeps its words with no
    numbers, the implementation intention's `when` becomes the plan's cue, each goal id a served
    goal with no words, each barrier a planned barrier of kind "other"; the review is due 7 days
    after the start; nothing else is filled in. Not checked as version 2 first: the result is
    checked as version 3."""

    def damaged(why: str) -> VaultFormatError:
        return _damaged("assignments", record, why)

    old = record.get
    starts_on = old("startsOn")
    # A start that is not a date makes the record damaged whatever its review date would be
    # (Bridgework's date arithmetic throws on most such texts, and the start is checked anyway).
    review_by = iso_date_plus(starts_on, 7) if is_iso_date(starts_on) else None
    if review_by is None:
        raise damaged("startsOn is not a date with a date 7 days after it")
    intention = old("implementationIntention")
    if not isinstance(intention, dict):  # absent, null, text, a number, an array: no fields
        intention = {}
    goal_ids = old("goalIds")
    barriers = old("barriers")

    def planned(barrier: object) -> dict:
        if not isinstance(barrier, dict):  # Bridgework spreads it into {kind: "other"}: no text
            raise damaged("a barrier that is not an object")
        return {"kind": "other", **barrier}  # a stored `kind` is kept

    out = {key: value for key, value in record.items() if key not in ASSIGNMENT_V2_ONLY}
    out["sessionId"] = None
    out["clinicalTitle"] = ""
    _put(out, "title", old("title", ABSENT))
    _put(out, "discreetTitle", old("title", ABSENT))
    out["purpose"] = ""
    out["whyItMatters"] = ""
    _put(out, "whatFeelsDoable", old("clientWords", ABSENT))
    goal_ids = goal_ids if isinstance(goal_ids, list) else []
    out["goals"] = [{"goalId": goal_id, "words": ""} for goal_id in goal_ids]
    out["noGoalBecause"] = ""
    out["doseOptions"] = []
    out["minimum"] = {"dose": None}
    _put(out["minimum"], "label", old("minimumDose", ABSENT))
    out["days"] = []
    out["plan"] = {"time": None}
    for new_key, old_key in (("what", "what"), ("cue", "when"), ("where", "where")):
        _put(out["plan"], new_key, intention.get(old_key, ABSENT))
    out["barriers"] = [planned(b) for b in barriers] if isinstance(barriers, list) else []
    _put(out, "confidenceBefore", old("confidence", ABSENT))
    out["confidenceAfter"] = None
    out["importance"] = None
    out["materials"] = ""
    out["reminderPlace"] = ""
    out["cautions"] = []
    out["cautionsAcknowledgedAt"] = None
    out["discreetWording"] = None
    out["reviewBy"] = review_by
    out["builderStep"] = 0
    out["revision"] = 0
    _put(out, "updatedAt", old("createdAt", ABSENT))
    return out


def upgrade_session_v1(record: dict) -> dict:
    """Section 4.7 (upgradeSessionV1): nothing reviewed or set in it yet, never edited since it
    was made; every other field as it is."""
    out = {**record, "reviewItems": [], "assignmentIds": [], "revision": 0}
    _put(out, "updatedAt", record.get("createdAt", ABSENT))
    return out


def upgrade_session_v2(record: dict) -> dict:
    """Section 4.7 (upgradeSessionV2): the order of reviewing was not recorded then; every other
    field as it is."""
    return {**record, "reviewedFirst": None}


# 4.7, reviews: how upgradeReviewV1 names the values of version 1 in version 2.
OUTCOMES_V1 = {"done": "did-it", "partly": "some-of-it", "not-done": "not-this-time"}
REPORTED_BY_V1 = {
    "client": ["client-account"],
    "therapist": ["observed-in-session"],
    "both": ["client-account", "observed-in-session"],
}
BARRIER_KINDS_V1 = {
    "forgot": "forgot",
    "no-time": "no-time",
    "low-energy-or-mood": "low-energy-or-mood",
    "felt-too-hard": "too-big-or-hard",
    "unclear-what-to-do": "unclear-when-where-how",
    "didnt-seem-useful": "unsure-why-it-helps",
    "avoidance-or-fear": "feelings-or-avoidance",
    "other-people": "other-people",
    "circumstances-changed": "chaotic-week",
    "illness": "illness",
    "other": "other",
}


def upgrade_review_v1(record: dict) -> dict:
    """Section 4.7 (upgradeReviewV1): a version-1 review upgraded to version 2, every word kept.
    The outcome, the source of the account and the barrier kinds get their version-2 names (a
    value is found only when it is text and one of the table's own names); a value found in no
    table is kept as it is; the 0-10 ratings go on the 0-4 scale (an integer 0-10 only, anything
    else kept as it is); the percentage is an estimate; nothing new is filled in; it was
    complete, so it is finished. Not checked as version 1 first: the result is checked as
    version 2, so whatever was kept as it is and is no value of version 2 makes it damaged."""

    def damaged(why: str) -> VaultFormatError:
        return _damaged("reviews", record, why)

    def renamed(value: object, table: dict) -> object:
        """table's own entry for `value` when `value` is text, else `value` as it is
        (JavaScript: lookUp(table, value) ?? value)."""
        return table[value] if isinstance(value, str) and value in table else value

    def on_four_point_scale(value: object) -> object:
        """An integer 0-10 as Math.round(q * 4 / 10); null (or absent) is null; anything else is
        kept as it is."""
        if _is_number(value) and value == int(value) and 0 <= value <= 10:  # type: ignore[arg-type]
            return js_round(float(value) * 4 / 10)  # (q * 4) / 10 in doubles, as JavaScript
        return value

    out = {key: value for key, value in record.items()}
    if "outcome" in record:  # else it stays missing (undefined), and the record is damaged
        out["outcome"] = renamed(record["outcome"], OUTCOMES_V1)
    out["smallestVersionMet"] = None
    out["amountFrom"] = "estimate"
    out["quality"] = on_four_point_scale(record.get("quality"))
    out["engagement"] = on_four_point_scale(record.get("engagement"))
    for key in ("helpful", "hard", "understoodWhy", "fitsGoals"):
        out[key] = None
    if "reportedBy" in record:  # else it stays missing (undefined), and the record is damaged
        sources = renamed(record["reportedBy"], REPORTED_BY_V1)
        out["reportedBy"] = list(sources) if isinstance(sources, list) else sources
    kinds = record.get("barriersMet")
    met: list = []
    for kind in kinds if isinstance(kinds, list) else []:
        kind = renamed(kind, BARRIER_KINDS_V1)
        if not isinstance(kind, str):  # not a barrier kind: damaged once checked as version 2
            raise damaged("barriersMet: not a barrier kind")
        if kind not in met:  # a kind that appears again is dropped, the first stays
            met.append(kind)
    out["barriersMet"] = [{"kind": kind, "note": ""} for kind in met]
    for key in ("ifThenPlan", "backupPlan", "madeThingsWorse", "nextAssignmentId"):
        out[key] = None
    out["worseNote"] = ""
    out["happened"] = ""
    out["finished"] = True
    out["revision"] = 0
    _put(out, "createdAt", record.get("reviewedAt", ABSENT))
    _put(out, "updatedAt", record.get("reviewedAt", ABSENT))
    return out


def upgrade_preferences_v1(record: dict) -> dict:
    """Section 4.7 (upgradePreferencesV1): the client sees the week's practice called
    "practice"; every other field as it is."""
    return {**record, "practiceWording": "practice"}


def upgrade_preferences_v2(record: dict) -> dict:
    """Section 4.7 (upgradePreferencesV2): handouts as a vault that never chose anything gets
    them (no practice or clinician name, the region's paper, initials, regular print); every
    other field as it is."""
    return {
        **record,
        "practiceName": "",
        "clinicianName": "",
        "pageSize": None,
        "nameOnHandouts": "initials",
        "largePrint": False,
    }


@dataclass
class Table:
    schema_version: int  # the current one (4.7)
    shape: Shape
    upgrades: dict[int, Callable[[dict], dict]] = field(default_factory=dict)  # n -> n + 1
    one_line: tuple[str, ...] = ()  # its one-line fields, by key name at any depth (4.7)
    # 4.5: the random-id fields its IndexedDB rows copy from the record (not in a backup; a
    # restore reads them from the decrypted record, 8.8). A client's records are those of the
    # tables indexed by clientId, and are deleted with the client.
    index_fields: tuple[str, ...] = ()
    # 4.7, 8.9: older versions of derived data that have no upgrade: Bridgework reads them as
    # damaged and works them out again from what they are made from, so a backup is not refused
    # for them; they are left out and reported.
    left_out_versions: tuple[int, ...] = ()


# 4.5, 4.7: the twelve tables of this version of the format, with their one-line fields (4.7)
# and index fields (4.5).
TABLES = {
    "assignments": Table(
        3, ASSIGNMENT, {1: upgrade_assignment_v1, 2: upgrade_assignment_v2}, one_line=(
            "clinicalTitle", "title", "discreetTitle", "steps", "label", "step", "barrier",
            "ifThen", "what", "cue", "where", "reminderPlace", "cautions", "minimumDose",
            "standardDose", "worksheetPrompts",
        ), index_fields=("clientId",),
    ),  # fmt: skip
    # Index fields: lineageId for a template's worksheets, clientId (IndexedDB schema 5) for the
    # returned trackers kept with a client's records, which are deleted with the client.
    "attachments": Table(
        2, ATTACHMENT, {1: upgrade_attachment_v1}, one_line=("fileName",),
        index_fields=("lineageId", "clientId"),
    ),  # fmt: skip
    "clients": Table(2, CLIENT, {1: upgrade_client_v1}, one_line=("name",)),
    "goals": Table(1, GOAL, index_fields=("clientId",)),
    # Derived data (4.7): each client's facts for Insights, made from their reviews and
    # assignments. New with IndexedDB schema 4 (4.5); a backup from before it has none.
    "insightSummaries": Table(1, INSIGHT_SUMMARY, index_fields=("clientId",)),
    "log": Table(1, LOG_ENTRY, one_line=("what",)),
    "practiceLogs": Table(
        1, PRACTICE_LOG, one_line=("tracker",), index_fields=("clientId", "assignmentId")
    ),
    "preferences": Table(
        3, PREFERENCES, {1: upgrade_preferences_v1, 2: upgrade_preferences_v2},
        one_line=("practiceName", "clinicianName"),
    ),
    "reviews": Table(
        2, REVIEW, {1: upgrade_review_v1}, index_fields=("clientId", "assignmentId")
    ),
    # Derived data (4.7): each client's sessions, when they start, where they stand and how
    # practice was handled. New with IndexedDB schema 3 (4.5); a backup from before it has none,
    # one from before calendar version 2 has calendars of version 1, which are left out.
    "sessionCalendars": Table(
        2, SESSION_CALENDAR, index_fields=("clientId",), left_out_versions=(1,)
    ),
    "sessions": Table(
        3, SESSION, {1: upgrade_session_v1, 2: upgrade_session_v2}, one_line=("topics",),
        index_fields=("clientId",),
    ),  # fmt: skip
    "templates": Table(2, CUSTOM_TEMPLATE, {1: upgrade_template_v1}, one_line=(
        "title", "clientTitle", "discreetTitle", "cautions", "noLadderBecause", "concerns",
        "steps", "minimumDose", "standardDose", "label", "worksheetPrompts", "barrier", "ifThen",
        "step",
    ), index_fields=("lineageId",)),  # fmt: skip
}

# 4.5: the tables whose records belong to one client, deleted with the client.
CLIENT_OWNED_TABLES = tuple(name for name, t in TABLES.items() if "clientId" in t.index_fields)


def read_record_repairing(table: str, schema_version: int, record: dict) -> tuple[dict, bool]:
    """Section 4.3 steps 3-6: upgrade an older shape step by step, refuse a newer one, repair
    text stored before the free-text rules, then validate. Returns the record as read and
    whether the repair changed any of its text.

    A record of a table this format version does not know (4.8) is returned as decrypted,
    with its id set, unrepaired and unchecked; the caller reports its table.
    """
    known = TABLES.get(table)
    if known is None:
        return record, False
    current = known.schema_version
    if not 1 <= schema_version <= current:
        detail = f"{table}/{record.get('id')}: schema version {schema_version}, not 1-{current}"
        raise VaultFormatError("RECORD_DAMAGED", detail)
    for version in range(schema_version, current):
        upgrade = known.upgrades.get(version)
        if upgrade is None:
            raise VaultFormatError("RECORD_DAMAGED", f"{table}: no upgrade from {version}")
        record = upgrade(record)
    repaired = repair_stored_text(record, known.one_line)
    return checked(table, known.shape, repaired), repaired != record


def read_record(table: str, schema_version: int, record: dict) -> dict:
    """Section 4.3 steps 3-6: the record as Bridgework reads it (see read_record_repairing)."""
    return read_record_repairing(table, schema_version, record)[0]


# ---------------------------------------------------------------- 8. backup file

BACKUP_MAGIC = b"BWBK"
MAX_HEADER = 64 * 1024
MAX_SEALED = 16 * MIB
MAX_ATTACHMENT_ENTRY = 21 * MIB  # 8.3: largest stored attachment file in a backup
TABLE_NAME = re.compile(r"[a-z][a-zA-Z]{0,63}")
ENTRY_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
TAG_END, TAG_RECORD, TAG_ATTACHMENT = 0x00, 0x01, 0x02


@dataclass
class Entry:
    table: str
    id: str
    sealed: bytes


@dataclass
class AttachmentEntry:
    id: str
    stored: bytes  # an attachment file, section 9 (what <id>.bwatt holds)


@dataclass
class Backup:
    header: Header
    created_at_ms: int
    entries: list[Entry]
    mac: bytes
    mac_message: bytes
    attachments: list[AttachmentEntry] = field(default_factory=list)


def read_record_entry(file: bytes, at: int) -> tuple[Entry, int]:
    """Section 8.7, steps 9c-9f: one record entry at `at`; returns it and where it ends."""
    if at + 2 > len(file):
        raise VaultFormatError("TRUNCATED", f"entry at {at}: no table length")
    t = file[at + 1]
    if at + 3 + t > len(file):
        raise VaultFormatError("TRUNCATED", f"entry at {at}: no id length")
    r = file[at + 2 + t]
    if at + 7 + t + r > len(file):
        raise VaultFormatError("TRUNCATED", f"entry at {at}: no sealed length")
    sealed_length = u32le(file[at + 3 + t + r : at + 7 + t + r])
    if sealed_length > MAX_SEALED:
        raise VaultFormatError("DAMAGED", f"entry at {at}: sealed length {sealed_length}")
    end = at + 7 + t + r + sealed_length
    if end > len(file):
        raise VaultFormatError("TRUNCATED", f"entry at {at}: sealed record cut off")
    table_bytes, id_bytes = file[at + 2 : at + 2 + t], file[at + 3 + t : at + 3 + t + r]
    try:
        table, record_id = table_bytes.decode("utf-8"), id_bytes.decode("utf-8")
    except UnicodeDecodeError:
        raise VaultFormatError("DAMAGED", f"entry at {at}: name not UTF-8") from None
    if not TABLE_NAME.fullmatch(table) or not ENTRY_ID.fullmatch(record_id):
        detail = f"entry at {at}: malformed address {table!r}/{record_id!r}"
        raise VaultFormatError("DAMAGED", detail)
    return Entry(table, record_id, file[at + 7 + t + r : end]), end


def read_attachment_entry(file: bytes, at: int) -> tuple[AttachmentEntry, int]:
    """Section 8.7, steps 9h-9k: one attachment entry at `at`; returns it and where it ends."""
    if at + 2 > len(file):
        raise VaultFormatError("TRUNCATED", f"attachment entry at {at}: no id length")
    n = file[at + 1]
    if at + 6 + n > len(file):
        raise VaultFormatError("TRUNCATED", f"attachment entry at {at}: no length")
    length = u32le(file[at + 2 + n : at + 6 + n])
    if length > MAX_ATTACHMENT_ENTRY:
        raise VaultFormatError("DAMAGED", f"attachment entry at {at}: length {length}")
    end = at + 6 + n + length
    if end > len(file):
        raise VaultFormatError("TRUNCATED", f"attachment entry at {at}: file cut off")
    id_bytes = file[at + 2 : at + 2 + n]
    # ASCII only (8.3): any byte above 7f, or any other character, fails the expression.
    attachment_id = id_bytes.decode("latin-1")
    if not ENTRY_ID.fullmatch(attachment_id):
        detail = f"attachment entry at {at}: malformed id {attachment_id!r}"
        raise VaultFormatError("DAMAGED", detail)
    return AttachmentEntry(attachment_id, file[at + 6 + n : end]), end


def read_backup(file: bytes) -> Backup:
    """Section 8.7, steps 1-14: everything that needs no key."""
    if len(file) == 0:
        raise VaultFormatError("EMPTY_FILE")
    if file[0 : min(4, len(file))] != BACKUP_MAGIC[0 : min(4, len(file))]:
        raise VaultFormatError("NOT_A_VAULT", "backup magic is not BWBK")
    if len(file) < 10:
        raise VaultFormatError("TRUNCATED", "file ends before the header length")
    version = u16le(file[4:6])
    if version > 1:
        raise VaultFormatError("NEWER_VERSION", f"backup format {version}")
    if version != 1:
        raise VaultFormatError("UNSUPPORTED_VERSION", f"backup format {version}")
    h = u32le(file[6:10])
    if h > MAX_HEADER:
        raise VaultFormatError("DAMAGED", f"header length {h}")
    if len(file) < 18 + h:
        raise VaultFormatError("TRUNCATED", "file ends in the header or created-at")
    header = parse_header(file[10 : 10 + h])
    created_at = u64le(file[10 + h : 18 + h])

    entries: list[Entry] = []
    attachments: list[AttachmentEntry] = []
    previous: tuple[bytes, bytes] | None = None
    at = 18 + h
    while True:
        if at >= len(file):
            raise VaultFormatError("TRUNCATED", f"no entry tag at offset {at}")
        tag = file[at]
        if tag == TAG_END:
            break
        if tag == TAG_ATTACHMENT:
            attachment, at_next = read_attachment_entry(file, at)
            # 9l (8.4): strictly increasing ids, by byte value
            if attachments and not attachments[-1].id.encode() < attachment.id.encode():
                detail = f"attachment entry at {at}: out of order or duplicated"
                raise VaultFormatError("DAMAGED", detail)
            attachments.append(attachment)
            at = at_next
            continue
        if tag != TAG_RECORD:
            raise VaultFormatError("DAMAGED", f"unknown entry tag {tag} at offset {at}")
        if attachments:  # 9b (8.4): every record entry comes before every attachment entry
            raise VaultFormatError("DAMAGED", f"entry at {at}: a record after an attachment")
        entry, at_next = read_record_entry(file, at)
        key = (entry.table.encode("utf-8"), entry.id.encode("utf-8"))
        if previous is not None and not previous < key:  # 9g (8.4)
            raise VaultFormatError("DAMAGED", f"entry at {at}: out of order or duplicated")
        previous = key
        entries.append(entry)
        at = at_next

    e = at  # offset of the end tag
    if e + 5 > len(file):
        raise VaultFormatError("TRUNCATED", "file ends in the record count")
    count = u32le(file[e + 1 : e + 5])
    if count != len(entries):  # records only; attachment entries are not counted (8.2)
        raise VaultFormatError("DAMAGED", f"record count {count}, but {len(entries)} records")
    if e + 69 > len(file):
        raise VaultFormatError("TRUNCATED", "file ends in the MAC or checksum")
    if not same(blake2b_256(file[0 : e + 37]), file[e + 37 : e + 69]):
        raise VaultFormatError("DAMAGED", "backup checksum mismatch")
    if len(file) > e + 69:
        raise VaultFormatError("DAMAGED", "bytes after the backup checksum")
    return Backup(
        header,
        created_at,
        entries,
        mac=file[e + 5 : e + 37],
        mac_message=file[0 : e + 5],
        attachments=attachments,
    )


def verify_backup_mac(backup: Backup, data_key: bytes) -> None:
    """Section 8.5 (8.9 step 5): covers every entry, attachment entries included."""
    mac_key = blake2b_256(b"bridgework/backup-mac/v1", key=data_key)
    if not same(blake2b_256(backup.mac_message, key=mac_key), backup.mac):
        raise VaultFormatError("BACKUP_TAMPERED")


# ---------------------------------------------------------------- 9. attachment file

ATTACHMENT_MAGIC = b"BWAT"
ATTACHMENT_KEY_CONTEXT = b"bridgework/attachment/v1"
STREAM_HEADER = nacl.bindings.crypto_secretstream_xchacha20poly1305_HEADERBYTES  # 24
STREAM_ABYTES = nacl.bindings.crypto_secretstream_xchacha20poly1305_ABYTES  # 17
TAG_FINAL = nacl.bindings.crypto_secretstream_xchacha20poly1305_TAG_FINAL  # 3


def attachment_key(data_key: bytes, attachment_id: str) -> bytes:
    """Section 9.3."""
    return blake2b_256(ATTACHMENT_KEY_CONTEXT + attachment_id.encode("utf-8"), key=data_key)


def open_attachment(data_key: bytes, attachment_id: str, stored: bytes) -> bytes:
    """Section 9.5: an attachment file's bytes -> the worksheet's bytes, or RECORD_DAMAGED."""

    def damaged(why: str) -> VaultFormatError:
        return VaultFormatError("RECORD_DAMAGED", f"attachment {attachment_id}: {why}")

    header_end = 5 + STREAM_HEADER
    if len(stored) < header_end or stored[0:4] != ATTACHMENT_MAGIC or stored[4] != 1:
        raise damaged("too short, not BWAT or not format 1")
    state = nacl.bindings.crypto_secretstream_xchacha20poly1305_state()
    nacl.bindings.crypto_secretstream_xchacha20poly1305_init_pull(
        state, stored[5:header_end], attachment_key(data_key, attachment_id)
    )
    ad = attachment_id.encode("utf-8")
    parts: list[bytes] = []
    at, finished = header_end, False
    while at < len(stored):
        if finished:
            raise damaged(f"bytes after the final chunk at offset {at}")
        if at + 4 > len(stored):
            raise damaged(f"chunk length cut off at offset {at}")
        length = u32le(stored[at : at + 4])
        at += 4
        if at + length > len(stored):
            raise damaged(f"chunk at offset {at - 4} cut off")
        if length < STREAM_ABYTES:
            raise damaged(f"chunk at offset {at - 4} shorter than {STREAM_ABYTES} bytes")
        try:
            message, tag = nacl.bindings.crypto_secretstream_xchacha20poly1305_pull(
                state, stored[at : at + length], ad
            )
        except nacl.exceptions.CryptoError:
            raise damaged(f"chunk at offset {at - 4} does not decrypt") from None
        at += length
        parts.append(message)
        finished = tag == TAG_FINAL
    if not finished:
        raise damaged("no final chunk (truncated)")
    return b"".join(parts)


def sniff_media_type(data: bytes) -> str | None:
    """Section 9.6: a file's type from its first bytes, or None."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None


@dataclass
class Attachment:
    id: str
    data: bytes
    media_type: str | None  # sniffed from the first bytes (9.6)
    description: dict | None  # its record in table "attachments", if the backup has one
    notes: list[str] = field(default_factory=list)  # what does not match the description


def check_attachment(attachment: Attachment) -> None:
    """Section 9.6: compare a decrypted file with its description record (notes, no errors)."""
    description = attachment.description
    if description is None:
        attachment.notes.append('no description record in table "attachments"')
        return
    if "damagedAt" in description:
        attachment.notes.append(
            f"marked damaged at {description['damagedAt']}, but its file here decrypts"
        )
    if attachment.media_type is None:
        attachment.notes.append("not a PDF, PNG or JPEG by its first bytes")
    elif description.get("mediaType") != attachment.media_type:
        attachment.notes.append(
            f"description says {description.get('mediaType')!r}, "
            f"first bytes say {attachment.media_type!r}"
        )
    if description.get("sizeBytes") != len(attachment.data):
        attachment.notes.append(
            f"description says {description.get('sizeBytes')!r} bytes, "
            f"file has {len(attachment.data)}"
        )


@dataclass
class DamagedAttachment:
    """An attachment entry whose file does not decrypt (8.9 step 7): reported, left out."""

    id: str
    problem: str  # why section 9.5 refused it
    description: dict | None  # its record in table "attachments", if the backup has one


@dataclass
class Decrypted:
    backup: Backup
    data_key: bytes
    passphrase_slot: int
    recovery_slot: int | None
    records: dict[str, list[dict]] = field(default_factory=dict)
    attachments: list[Attachment] = field(default_factory=list)  # the files that decrypt
    damaged_attachments: list[DamagedAttachment] = field(default_factory=list)
    # Descriptions with no attachment entry: worksheets a backup left out (8.8), most with
    # damagedAt.
    without_file: list[dict] = field(default_factory=list)
    # 4.3 step 5: records ("table/id") whose stored text was repaired when read.
    repaired: list[str] = field(default_factory=list)
    # 4.8: tables not in this version of the format; their records are decrypted, not checked.
    unknown_tables: list[str] = field(default_factory=list)
    # 4.7, 8.9: derived records ("table/id") of an older version that has no upgrade (session
    # calendars of version 1): Bridgework reads them as damaged and works them out again, so
    # they are left out, not refused.
    left_out: list[str] = field(default_factory=list)
    # 4.7, sessionCalendars: the clients (by id) whose calendar does not list exactly their
    # sessions, or who have sessions and no calendar (a backup from before calendars, or one
    # whose calendar was of version 1). Not damage: the sessions are what counts, the calendars
    # are derived from them.
    calendars_out_of_step: list[str] = field(default_factory=list)
    # 4.7, insightSummaries: the clients (by id) with reviews, assignments or a summary that do
    # not have exactly one summary counting as many review and assignment records as the backup
    # holds for them (a backup from before summaries, say). Not damage: the reviews and
    # assignments are what counts, the summaries are derived from them.
    summaries_out_of_step: list[str] = field(default_factory=list)


def calendar_entry_of(session: dict) -> tuple:
    """4.7: what a client's calendar lists for one session (calendarEntriesOf): its id, start,
    status, whether practice was reviewed first and whether practice was set in it."""
    return (
        session["id"], session["startsAt"], session["status"], session["reviewedFirst"],
        len(session["assignmentIds"]) > 0,
    )  # fmt: skip


def calendar_entries_of(sessions: list[dict]) -> list[tuple]:
    """4.7: what a client's calendar lists for these sessions, sorted (Bridgework's own order,
    earliest first, is not part of the comparison; None sorts as "null")."""
    return sorted((calendar_entry_of(s) for s in sessions), key=repr)


def by_client(records: list[dict]) -> dict[str, list[dict]]:
    """Records grouped by their clientId."""
    grouped: dict[str, list[dict]] = {}
    for record in records:
        grouped.setdefault(record["clientId"], []).append(record)
    return grouped


def calendars_out_of_step(records: dict[str, list[dict]]) -> list[str]:
    """4.7: the clients whose session calendars are out of step with their sessions: not exactly
    one calendar, or one whose entries are not exactly their sessions' ids, start times,
    statuses, review orders and practice set. A client with neither sessions nor a calendar is
    not listed."""
    sessions: dict[str, list[dict]] = {}
    for session in records.get("sessions", []):
        sessions.setdefault(session["clientId"], []).append(session)
    calendars: dict[str, list[dict]] = {}
    for calendar in records.get("sessionCalendars", []):
        calendars.setdefault(calendar["clientId"], []).append(calendar)
    out: list[str] = []
    for client_id in sorted(set(sessions) | set(calendars)):
        theirs = calendars.get(client_id, [])
        listed = (
            sorted(
                (
                    (e["sessionId"], e["startsAt"], e["status"], e["reviewedFirst"],
                     e["setPractice"])
                    for e in theirs[0]["entries"]
                ),
                key=repr,
            )
            if len(theirs) == 1
            else None
        )  # fmt: skip
        if listed != calendar_entries_of(sessions.get(client_id, [])):
            out.append(client_id)
    return out


def summaries_out_of_step(records: dict[str, list[dict]]) -> list[str]:
    """4.7: the clients whose insight summaries are out of step with their records, told as
    Bridgework tells it, by the counts: not exactly one summary, or one whose reviewRecords or
    assignmentRecords is not the number of the client's review or assignment records. A client
    with no reviews, no assignments and no summary is not listed. The facts themselves are not
    compared (their dates depend on the time zone of the computer that wrote them)."""
    reviews = by_client(records.get("reviews", []))
    assignments = by_client(records.get("assignments", []))
    summaries = by_client(records.get("insightSummaries", []))
    out: list[str] = []
    for client_id in sorted(set(reviews) | set(assignments) | set(summaries)):
        theirs = summaries.get(client_id, [])
        if (
            len(theirs) != 1
            or theirs[0]["reviewRecords"] != len(reviews.get(client_id, []))
            or theirs[0]["assignmentRecords"] != len(assignments.get(client_id, []))
        ):
            out.append(client_id)
    return out


def decrypt_backup(file: bytes, passphrase: bytes, recovery_key: str | None = None) -> Decrypted:
    """Section 8.9: structure, header, data key, header MAC, backup MAC, records, attachments.

    A damaged record fails the whole backup (RECORD_DAMAGED); a damaged attachment file does
    not: it is listed in `damaged_attachments` and everything else is still read."""
    backup = read_backup(file)  # steps 1-2
    data_key, passphrase_slot = unlock_with_passphrase(backup.header, passphrase)  # 3-4
    recovery_slot = None
    if recovery_key is not None:
        other_key, recovery_slot = unlock_with_recovery_key(backup.header, recovery_key)
        if not same(other_key, data_key):
            raise VaultFormatError("WRONG_RECOVERY_KEY", "recovery slot yields another data key")
    verify_backup_mac(backup, data_key)  # 5
    result = Decrypted(backup, data_key, passphrase_slot, recovery_slot)
    for entry in backup.entries:  # 6
        schema_version, record = open_record(
            data_key, backup.header.vault_id, entry.table, entry.id, entry.sealed
        )
        known = TABLES.get(entry.table)
        if known is not None and schema_version in known.left_out_versions:
            result.left_out.append(f"{entry.table}/{entry.id}")  # 4.7, 8.9: derived, replaced
            continue
        record, repaired = read_record_repairing(entry.table, schema_version, record)
        result.records.setdefault(entry.table, []).append(record)
        if repaired:
            result.repaired.append(f"{entry.table}/{entry.id}")
        if entry.table not in TABLES and entry.table not in result.unknown_tables:
            result.unknown_tables.append(entry.table)
    result.calendars_out_of_step = calendars_out_of_step(result.records)
    result.summaries_out_of_step = summaries_out_of_step(result.records)
    descriptions = {r["id"]: r for r in result.records.get("attachments", [])}
    for item in backup.attachments:  # 7
        try:
            data = open_attachment(data_key, item.id, item.stored)
        except VaultFormatError as error:  # RECORD_DAMAGED for this worksheet only
            damaged = DamagedAttachment(item.id, str(error), descriptions.get(item.id))
            result.damaged_attachments.append(damaged)
            continue
        attachment = Attachment(
            item.id, data, sniff_media_type(data), descriptions.get(item.id)
        )
        check_attachment(attachment)
        result.attachments.append(attachment)
    in_backup = {item.id for item in backup.attachments}
    result.without_file = [d for i, d in descriptions.items() if i not in in_backup]
    return result


ATTACHMENT_SUFFIX = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}


def summary(result: Decrypted) -> str:
    from datetime import datetime, timezone

    header = result.backup.header
    created = datetime.fromtimestamp(result.backup.created_at_ms / 1000, tz=timezone.utc)
    lines = [
        f"vault     {header.name!r} ({header.vault_id.hex()})",
        f"slots     {', '.join({1: 'passphrase', 2: 'recovery'}[s.kind] for s in header.slots)}",
        f"created   {created.isoformat(timespec='milliseconds')}",
        f"opened    passphrase slot {result.passphrase_slot}"
        + (
            ""
            if result.recovery_slot is None
            else f"; recovery slot {result.recovery_slot} gives the same data key"
        ),
        "verified  structure, checksum, header MAC, backup MAC, every record"
        + (
            ""
            if not result.backup.attachments
            else ", every attachment"
            if not result.damaged_attachments
            else f", every attachment but {len(result.damaged_attachments)} damaged"
        ),
    ]
    if result.repaired:
        lines.append(
            "repaired  text stored before the free-text rules (section 4.3 step 5), as"
            " Bridgework reads it: " + ", ".join(result.repaired)
        )
    if result.unknown_tables:
        lines.append(
            "note      records of tables this reader does not know were decrypted but their"
            " shape was not checked (section 4.8): " + ", ".join(result.unknown_tables)
        )
    if result.left_out:
        lines.append(
            "note      derived records of an older version with no upgrade were left out, as"
            " Bridgework replaces them (sections 4.7, 8.9): " + ", ".join(result.left_out)
        )
    if result.calendars_out_of_step:
        lines.append(
            "note      session calendars are derived from the sessions (section 4.7); these"
            " clients' calendars do not list exactly their sessions (or are missing, as in a"
            " backup from before calendars), so their sessions are what counts: "
            + ", ".join(result.calendars_out_of_step)
        )
    if result.summaries_out_of_step:
        lines.append(
            "note      insight summaries are derived from the reviews and assignments (section"
            " 4.7); these clients' summaries do not count exactly their records (or are"
            " missing, as in a backup from before summaries), so their records are what counts: "
            + ", ".join(result.summaries_out_of_step)
        )
    for table, records in result.records.items():
        unknown = ", not in this version of the format" if table in result.unknown_tables else ""
        lines.append(f"table     {table}: {len(records)} record(s){unknown}")
        for record in records:
            lines.append(f"  {json.dumps(record, ensure_ascii=False)}")
    if result.attachments:
        lines.append(f"files     {len(result.attachments)} attachment(s)")
        for attachment in result.attachments:
            name = (attachment.description or {}).get("fileName")
            lines.append(
                f"  {attachment.id}: {len(attachment.data)} bytes, "
                f"{attachment.media_type or 'unknown type'}"
                + (f", {json.dumps(name, ensure_ascii=False)}" if name is not None else "")
            )
            for note in attachment.notes:
                lines.append(f"    note: {note}")
    for damaged in result.damaged_attachments:
        lines.append(
            f"damaged   worksheet file {damaged.id}{described(damaged.description)}: left out,"
            f" it does not decrypt ({damaged.problem})"
        )
    for description in result.without_file:
        marked = description.get("damagedAt")
        lines.append(
            f"no file   worksheet {description['id']}{described(description)}: not in this backup"
            + (f" (marked damaged at {marked})" if marked else "")
        )
    return "\n".join(lines)


def described(description: dict | None) -> str:
    """A worksheet's file name from its description, quoted, for the summary."""
    name = (description or {}).get("fileName")
    return "" if name is None else f" {json.dumps(name, ensure_ascii=False)}"


def save_attachments(result: Decrypted, folder: str) -> None:
    """Writes each decrypted attachment as <id><suffix> (owner-only, never overwriting).

    The name comes from the attachment id, which is ASCII [A-Za-z0-9_-] (8.3), and the type
    read from the first bytes (9.6), never from the description's fileName.
    """
    import os

    os.makedirs(folder, mode=0o700, exist_ok=True)
    for attachment in result.attachments:
        suffix = ATTACHMENT_SUFFIX.get(attachment.media_type or "", ".bin")
        path = os.path.join(folder, attachment.id + suffix)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as f:
            f.write(attachment.data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Decrypt a Bridgework backup (.bwvault).")
    parser.add_argument("file", help="the .bwvault backup file")
    parser.add_argument("passphrase_file", help="file holding the passphrase exactly (UTF-8)")
    parser.add_argument("recovery_key_file", nargs="?", help="file holding the recovery key text")
    parser.add_argument("--json", action="store_true", help="print the records as JSON")
    parser.add_argument(
        "--attachments", metavar="DIR", help="write the decrypted attachment files into DIR"
    )
    args = parser.parse_args(argv)
    try:
        with open(args.file, "rb") as f:
            file = f.read()
        with open(args.passphrase_file, "rb") as f:
            passphrase = f.read()
        recovery_key = None
        if args.recovery_key_file:
            with open(args.recovery_key_file, encoding="utf-8") as f:
                recovery_key = f.read()
        result = decrypt_backup(file, passphrase, recovery_key)
        if args.attachments:
            save_attachments(result, args.attachments)
    except VaultFormatError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.records, ensure_ascii=False, indent=2))
    else:
        print(summary(result))
    if result.damaged_attachments:
        ids = ", ".join(damaged.id for damaged in result.damaged_attachments)
        print(
            f"warning: {len(result.damaged_attachments)} worksheet file(s) damaged and left out"
            f" (section 8.9): {ids}; every record and every other file was read",
            file=sys.stderr,
        )
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
