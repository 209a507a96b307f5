#!/usr/bin/env python3
"""Interop test: the committed demo backup decrypts with a reader written from the spec alone.

Run with Debian's Python (it has python3-nacl):  /usr/bin/python3 tests/interop/test_demo.py

The fixture (tests/fixtures/demo.*) is written by `npx tsx scripts/make-demo-backup.ts`.
Prints one line per check and ends with "N passed, M failed"; exits 0 only if all passed.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree

import decrypt_backup as bw  # noqa: E402

BACKUP = FIXTURES / "demo.bwvault"
PASSPHRASE = FIXTURES / "demo.passphrase"
RECOVERY_KEY = FIXTURES / "demo.recovery-key"
EXPECTED_STATUSES = {  # client name -> status (client record version 2)
    "Ada Example": "active",
    "Jonas Ødegård (demo)": "paused",
    "Mika Sample": "discharged",
}
EXPECTED_NAMES = set(EXPECTED_STATUSES)
EXPECTED_TABLES = {"clients": 3, "goals": 2}  # records per table, in file order
CREATED_AT_MS = 1_793_491_200_000  # Date.UTC(2026, 10, 1) = 2026-11-01T00:00:00Z

FILE = BACKUP.read_bytes()
PASS = PASSPHRASE.read_bytes()
RK = RECOVERY_KEY.read_text(encoding="utf-8")

tests = []


def test(function):
    tests.append(function)
    return function


def expect_error(code: str, function, *args) -> None:
    try:
        function(*args)
    except bw.VaultFormatError as error:
        assert error.code == code, f"expected {code}, got {error}"
        return
    raise AssertionError(f"expected {code}, but it was accepted")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(HERE / "decrypt_backup.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


# Helpers to make altered copies whose checksums still match, so that the check under test,
# not the checksum, is what refuses them.
def layout(file: bytes) -> tuple[int, int]:
    """(H, offset of the end tag) of a well-formed backup."""
    h = int.from_bytes(file[6:10], "little")
    return h, len(file) - 69


def with_backup_checksum(file: bytearray) -> bytes:
    file[-32:] = bw.blake2b_256(bytes(file[:-32]))
    return bytes(file)


def with_header_checksum(file: bytearray) -> bytearray:
    h, _ = layout(bytes(file))
    header_end = 10 + h
    file[header_end - 32 : header_end] = bw.blake2b_256(bytes(file[10 : header_end - 32]))
    return file


_decrypted: list[bw.Decrypted] = []


def demo() -> bw.Decrypted:
    if not _decrypted:
        _decrypted.append(bw.decrypt_backup(FILE, PASS, RK))
    return _decrypted[0]


# ---------------------------------------------------------------- the fixture's content


@test
def fixture_decrypts_with_passphrase_and_recovery_key():
    result = demo()
    assert result.recovery_slot is not None
    assert result.backup.header.name == "Demo practice"
    assert result.backup.created_at_ms == CREATED_AT_MS


def clients_by_name() -> dict[str, dict]:
    return {c["name"]: c for c in demo().records["clients"]}


@test
def fixture_has_the_expected_tables_and_record_counts():
    counts = {table: len(records) for table, records in demo().records.items()}
    assert counts == EXPECTED_TABLES, counts
    assert list(counts) == list(EXPECTED_TABLES), list(counts)  # tables in name order
    entries = demo().backup.entries
    assert [e.table for e in entries] == ["clients"] * 3 + ["goals"] * 2, entries
    count_at = len(FILE) - 68
    assert int.from_bytes(FILE[count_at : count_at + 4], "little") == len(entries) == 5


@test
def fixture_has_three_clients_with_the_expected_names_and_statuses():
    clients = demo().records["clients"]
    assert len(clients) == 3, len(clients)
    assert {c["name"]: c["status"] for c in clients} == EXPECTED_STATUSES, clients


@test
def clients_are_version_2_records():
    for entry in demo().backup.entries:
        if entry.table == "clients":
            assert entry.sealed[0] == 1 and entry.sealed[1:3] == b"\x02\x00", entry.sealed[:3]
    for client in demo().records["clients"]:
        assert set(client) == bw.CLIENT_FIELDS, sorted(client)
        assert bw.is_iso_utc(client["createdAt"]) and bw.is_iso_utc(client["statusChangedAt"])
        assert client["createdAt"] <= client["statusChangedAt"], client
    by_name = clients_by_name()
    assert by_name["Mika Sample"]["statusChangedAt"] == "2026-10-20T16:45:00.000Z"
    notes = {name: c["privateNotes"] for name, c in by_name.items()}
    assert notes == {
        "Ada Example": "Demo note: prefers mornings.",
        "Jonas Ødegård (demo)": "",
        "Mika Sample": "",
    }, notes


@test
def both_goals_belong_to_ada():
    ada = clients_by_name()["Ada Example"]
    goals = demo().records["goals"]
    assert len(goals) == 2, goals
    assert all(g["clientId"] == ada["id"] for g in goals), (ada["id"], goals)
    assert {g["status"] for g in goals} <= set(bw.GOAL_STATUSES), goals
    for entry in demo().backup.entries:
        if entry.table == "goals":
            assert entry.sealed[1:3] == b"\x01\x00", entry.sealed[:3]


@test
def records_hold_their_own_ids_in_table_then_id_order():
    ids = [r["id"] for records in demo().records.values() for r in records]
    assert ids == [e.id for e in demo().backup.entries]
    keys = [(e.table.encode(), e.id.encode()) for e in demo().backup.entries]
    assert keys == sorted(keys) and len(set(keys)) == len(keys), keys
    # Ordered by table first: some goal id sorts before some client id.
    assert min(g["id"] for g in demo().records["goals"]) < max(
        c["id"] for c in demo().records["clients"]
    )


@test
def a_version_1_client_is_upgraded_as_section_4_6_says():
    created = "2026-11-26T22:25:08.854Z"
    base = {"id": "3tGq4Q_xljoDMEfnMKxdhw", "name": " Jonas Ødegård ", "createdAt": created}
    active = bw.read_record("clients", 1, {**base, "archivedAt": None})
    assert active == {
        "id": base["id"],
        "name": "Jonas Ødegård",
        "status": "active",
        "privateNotes": "",
        "createdAt": created,
        "statusChangedAt": created,
    }, active
    archived_at = "2026-12-01T10:00:00.000Z"
    archived = bw.read_record("clients", 1, {**base, "archivedAt": archived_at})
    assert (archived["status"], archived["statusChangedAt"]) == ("discharged", archived_at)
    expect_error("RECORD_DAMAGED", bw.read_record, "clients", 1, dict(base))  # no archivedAt
    expect_error("RECORD_DAMAGED", bw.read_record, "clients", 0, dict(active))  # never written
    expect_error("RECORD_DAMAGED", bw.read_record, "clients", 3, dict(active))  # newer
    expect_error("RECORD_DAMAGED", bw.read_record, "clients", 2, {**active, "extra": 1})
    expect_error("RECORD_DAMAGED", bw.read_record, "clients", 2, {**active, "status": "archived"})


@test
def the_section_7_test_vector_record_reads_as_an_active_version_2_client():
    sealed = bytes.fromhex(
        "01"  # record format
        "0100"  # schema version 1
        "ea5729dc3476fabde887d3e29ed287faf54fa4c2f4440396"  # nonce
        "24f5ccefac243cd39ebd10659c6475f0d76a683dc7dbca7c1d13c0aa05de0fce57e1d20be0ae5a4c2068"
        "0485ae82cb47acf3fee71fd531bc6c3fd189131b6e2450bb5f990e952b4d5dfe230dfecb22bfa51b5ca1"
        "631eb81fba920618dbd018f2e605912ac083e39ee416773499e3889e7bdf9e97ddc0c1dfc701a169c000"
        "082071"
    )
    data_key = bytes.fromhex("ca0aa59ba0e0c32c7ee0b1a80eeeb1fb6f828562b975f0ec671c9807458c30f0")
    vault_id = bytes.fromhex("f37f2cc7cc643ecebed72a13e9b40460")
    record_id = "3tGq4Q_xljoDMEfnMKxdhw"
    version, record = bw.open_record(data_key, vault_id, "clients", record_id, sealed)
    assert version == 1, version
    client = bw.read_record("clients", version, record)
    expected = ("Jonas Ødegård", "active", "", "2026-11-26T22:25:08.854Z")
    actual = (client["name"], client["status"], client["privateNotes"], client["statusChangedAt"])
    assert actual == expected, client


@test
def passphrase_slot_is_at_the_kdf_floor():
    (slot,) = [s for s in demo().backup.header.slots if s.kind == 1]
    assert (slot.ops, slot.mem) == (2, 64 * 1024 * 1024), (slot.ops, slot.mem)


@test
def command_line_prints_the_records_and_exits_0():
    run = run_cli(str(BACKUP), str(PASSPHRASE), str(RECOVERY_KEY))
    assert run.returncode == 0, run.stderr
    for name in EXPECTED_NAMES:
        assert name in run.stdout, run.stdout
    for table, count in EXPECTED_TABLES.items():
        assert f"table     {table}: {count} record(s)" in run.stdout, run.stdout


# ---------------------------------------------------------------- refusals


@test
def command_line_refuses_a_copy_with_one_flipped_byte():
    altered = bytearray(FILE)
    altered[len(FILE) // 2] ^= 0x01
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "flipped.bwvault"
        path.write_bytes(altered)
        run = run_cli(str(path), str(PASSPHRASE))
    assert run.returncode != 0, run.stdout
    assert run.stderr.startswith("error: "), run.stderr


@test
def every_single_flipped_byte_is_refused_without_a_key():
    for offset in range(len(FILE)):
        altered = bytearray(FILE)
        altered[offset] ^= 0x01
        try:
            bw.read_backup(bytes(altered))
        except bw.VaultFormatError:
            continue
        raise AssertionError(f"flipped byte at offset {offset} was accepted")


@test
def flipped_byte_codes_follow_the_reading_order():
    h, end_tag = layout(FILE)
    cases = {0: "NOT_A_VAULT", 4: "UNSUPPORTED_VERSION", 5: "NEWER_VERSION"}
    cases.update({10: "NOT_A_VAULT", 10 + h: "DAMAGED"})  # header magic, header checksum
    cases[end_tag + 1] = "DAMAGED"  # record count
    cases[len(FILE) - 40] = "DAMAGED"  # MAC, caught by the checksum
    for offset, code in cases.items():
        altered = bytearray(FILE)
        altered[offset] ^= 0x01
        expect_error(code, bw.read_backup, bytes(altered))


@test
def empty_truncated_and_overlong_files_are_refused():
    expect_error("EMPTY_FILE", bw.read_backup, b"")
    expect_error("TRUNCATED", bw.read_backup, FILE[:2])
    expect_error("NOT_A_VAULT", bw.read_backup, b"BWVH")
    for length in (9, 200, 400, len(FILE) - 69, len(FILE) - 1):
        expect_error("TRUNCATED", bw.read_backup, FILE[:length])
    expect_error("DAMAGED", bw.read_backup, FILE + b"\x00")


@test
def a_change_with_a_recomputed_checksum_fails_the_backup_mac():
    h, _ = layout(FILE)
    altered = bytearray(FILE)
    altered[10 + h] ^= 0x01  # created-at
    expect_error("BACKUP_TAMPERED", bw.decrypt_backup, with_backup_checksum(altered), PASS)


@test
def a_dropped_record_with_a_recomputed_checksum_fails_the_backup_mac():
    h, end_tag = layout(FILE)
    first = 18 + h
    t = FILE[first + 1]
    r = FILE[first + 2 + t]
    length = int.from_bytes(FILE[first + 3 + t + r : first + 7 + t + r], "little")
    entry_end = first + 7 + t + r + length
    altered = bytearray(FILE[:first] + FILE[entry_end:])
    count_at = end_tag - (entry_end - first) + 1
    altered[count_at : count_at + 4] = (len(demo().backup.entries) - 1).to_bytes(4, "little")
    expect_error("BACKUP_TAMPERED", bw.decrypt_backup, with_backup_checksum(altered), PASS)


@test
def swapped_records_are_out_of_order():
    h, end_tag = layout(FILE)
    entries, at = [], 18 + h
    while at < end_tag:
        t = FILE[at + 1]
        r = FILE[at + 2 + t]
        length = int.from_bytes(FILE[at + 3 + t + r : at + 7 + t + r], "little")
        entries.append(FILE[at : at + 7 + t + r + length])
        at += 7 + t + r + length
    assert at == end_tag and len(entries) == 5
    swapped = FILE[: 18 + h] + entries[1] + entries[0] + b"".join(entries[2:]) + FILE[end_tag:]
    expect_error("DAMAGED", bw.read_backup, with_backup_checksum(bytearray(swapped)))
    # A goal moved before the clients: its id is smaller, but the table decides first.
    goal_first = FILE[: 18 + h] + entries[3] + b"".join(entries[0:3] + entries[4:]) + FILE[end_tag:]
    expect_error("DAMAGED", bw.read_backup, with_backup_checksum(bytearray(goal_first)))


@test
def a_slot_below_the_kdf_floor_is_refused_before_any_derivation():
    altered = bytearray(FILE)
    name_length = FILE[10 + 22]
    slot0 = 10 + 24 + name_length
    assert FILE[slot0] == 1  # passphrase slot
    altered[slot0 + 2 : slot0 + 6] = (1).to_bytes(4, "little")  # opsLimit 1
    altered = with_backup_checksum(with_header_checksum(altered))
    expect_error("KDF_BELOW_FLOOR", bw.read_backup, altered)


@test
def wrong_secrets_are_refused():
    expect_error("WRONG_PASSPHRASE", bw.decrypt_backup, FILE, PASS + b" ")
    expect_error("WRONG_RECOVERY_KEY", bw.decrypt_backup, FILE, PASS, "not a recovery key")
    wrong = "0000-0000-0000-0000-0000-0000-0000-0000"
    expect_error("WRONG_RECOVERY_KEY", bw.decrypt_backup, FILE, PASS, wrong)


@test
def recovery_key_parsing_forgives_case_spaces_and_look_alikes():
    loose = " " + RK.lower().replace("-", " ").replace("1", "l").replace("0", "o") + "\n"
    assert bw.decode_recovery_key(loose) == bw.decode_recovery_key(RK) is not None


def main() -> int:
    print(f"fixture {BACKUP.relative_to(HERE.parent.parent)}: {len(FILE)} bytes, "
          f"sha256 {hashlib.sha256(FILE).hexdigest()}")
    passed = failed = 0
    for function in tests:
        try:
            function()
        except Exception:  # noqa: BLE001 - report every failure and go on
            failed += 1
            print(f"FAIL {function.__name__}")
            traceback.print_exc(file=sys.stdout)
        else:
            passed += 1
            print(f"ok   {function.__name__}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
