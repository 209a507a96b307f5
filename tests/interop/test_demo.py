#!/usr/bin/env python3
"""Interop test: the committed demo backup decrypts with a reader written from the spec alone.

Run with Debian's Python (it has python3-nacl):  /usr/bin/python3 tests/interop/test_demo.py

The fixture (tests/fixtures/demo.*) is written by `npx tsx scripts/make-demo-backup.ts`. It has
no attachment entries; the attachment tests build backups with some from it (see below). The
last tests also run tests/interop/make-app-fixtures.ts with the repository's tsx (so they need
`npm install`), to compare the reader with Bridgework's own code on backups and records it
writes into a temporary folder.
The phone tracker's tests (returned_tracker.py) fill trackers the app made with python3-pypdf.
Prints one line per check and ends with "N passed, M failed"; exits 0 only if all passed.
"""

from __future__ import annotations

import base64
import hashlib
import json
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
import nacl.bindings as sodium  # noqa: E402  (PyNaCl, to write test attachments)

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


def record_entries(file: bytes) -> list[bytes]:
    """The raw record entries of a well-formed backup without attachment entries, in order."""
    h, end_tag = layout(file)
    entries, at = [], 18 + h
    while at < end_tag:
        assert file[at] == 0x01, at
        t = file[at + 1]
        r = file[at + 2 + t]
        length = int.from_bytes(file[at + 3 + t + r : at + 7 + t + r], "little")
        entries.append(file[at : at + 7 + t + r + length])
        at += 7 + t + r + length
    assert at == end_tag
    return entries


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
    entries = record_entries(FILE)
    assert len(entries) == 5
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


# ---------------------------------------------------------------- attachments (sections 8, 9)
#
# The fixture has no attachment entries, so these tests write backups that do, from the
# document alone: they unlock the fixture to get its data key, encrypt worksheets with PyNaCl's
# secretstream (section 9), seal their description records (section 4), and recompute the
# record count, MAC and checksum (section 8). Each built backup is new (secretstream headers
# are random), which is fine: nothing is compared with a stored copy.

ATTACHMENT_ID_PNG = "Gq2mYk8TzR0bXv4-Wn6LpA"
ATTACHMENT_ID_PDF = "pY7_cN1sQe5Hj2Ux9Bd0Kg"  # sorts after ATTACHMENT_ID_PNG ("G" < "p")
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"demo worksheet, not a real image"


def pdf_bytes(size: int) -> bytes:
    """A PDF-looking file of `size` bytes, deterministic, long enough for several chunks."""
    out, counter = bytearray(b"%PDF-1.7\n"), 0
    while len(out) < size:
        out += hashlib.blake2b(counter.to_bytes(8, "little"), digest_size=64).digest()
        counter += 1
    return bytes(out[:size])


PDF_BYTES = pdf_bytes(2 * 65_536 + 1_000)  # three chunks: 64 KiB, 64 KiB, 1,000 bytes


def u32(value: int) -> bytes:
    return value.to_bytes(4, "little")


def encrypt_attachment(
    data_key: bytes, attachment_id: str, data: bytes, chunk: int = 65_536, final: bool = True
) -> bytes:
    """Section 9.2-9.4, written here independently of decrypt_backup.open_attachment."""
    key = hashlib.blake2b(
        b"bridgework/attachment/v1" + attachment_id.encode(), digest_size=32, key=data_key
    ).digest()
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    out = bytearray(b"BWAT\x01" + header)
    pieces = [data[i : i + chunk] for i in range(0, len(data), chunk)] or [b""]
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        tag = (
            sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
            if last and final
            else sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
        )
        sealed = sodium.crypto_secretstream_xchacha20poly1305_push(
            state, piece, attachment_id.encode(), tag
        )
        out += u32(len(sealed)) + sealed
    return bytes(out)


def seal_plaintext(
    data_key: bytes,
    vault_id: bytes,
    table: str,
    record_id: str,
    plaintext: bytes,
    schema_version: int = 1,
) -> bytes:
    """Section 4.1-4.2: sealed plaintext (nonce derived, not random), schema version 1 unless
    given."""
    nonce = hashlib.blake2b(table.encode() + record_id.encode(), digest_size=24).digest()
    t, r = table.encode(), record_id.encode()
    version = schema_version.to_bytes(2, "little")
    ad = b"BWREC1" + vault_id + bytes([len(t)]) + t + bytes([len(r)]) + r + version
    ct = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, nonce, data_key)
    return b"\x01" + version + nonce + ct


def seal_record(
    data_key: bytes, vault_id: bytes, table: str, record: dict, schema_version: int = 1
) -> bytes:
    """A record sealed as Bridgework writes it: compact JSON, schema version 1 unless given."""
    plaintext = json.dumps(record, separators=(",", ":")).encode()
    return seal_plaintext(data_key, vault_id, table, record["id"], plaintext, schema_version)


def record_entry(table: str, record_id: str, sealed: bytes) -> bytes:
    t, r = table.encode(), record_id.encode()
    return b"\x01" + bytes([len(t)]) + t + bytes([len(r)]) + r + u32(len(sealed)) + sealed


def attachment_entry(attachment_id: str, stored: bytes) -> bytes:
    """Section 8.3: 02 · u8 id length · id · u32 length · the attachment file."""
    i = attachment_id.encode("ascii")
    return b"\x02" + bytes([len(i)]) + i + u32(len(stored)) + stored


def description(attachment_id: str, media_type: str, data: bytes, name: str) -> dict:
    """A record of table "attachments" (section 4.7) describing a worksheet."""
    return {
        "id": attachment_id,
        "lineageId": "Lm0nE4gEiDzQk2vH7tYc1A",
        "fileName": name,
        "mediaType": media_type,
        "sizeBytes": len(data),
        "createdAt": "2026-10-20T09:00:00.000Z",
    }


def build_backup(entries: list[bytes], record_count: int | None = None) -> bytes:
    """The fixture's opening bytes, then `entries` as given, then end tag, count, MAC, checksum."""
    h, _ = layout(FILE)
    if record_count is None:
        record_count = sum(1 for e in entries if e[0] == 0x01)
    body = FILE[: 18 + h] + b"".join(entries) + b"\x00" + u32(record_count)
    mac_key = bw.blake2b_256(b"bridgework/backup-mac/v1", key=demo().data_key)
    body += bw.blake2b_256(body, key=mac_key)
    return body + bw.blake2b_256(body)


def attachment_backup_parts() -> tuple[list[bytes], list[bytes]]:
    """(record entries, attachment entries) of a backup with the fixture's records, two
    description records and two attachment files."""
    key, vault_id = demo().data_key, demo().backup.header.vault_id
    described = [
        description(ATTACHMENT_ID_PNG, "image/png", PNG_BYTES, "Thought record.png"),
        description(ATTACHMENT_ID_PDF, "application/pdf", PDF_BYTES, "Sleep diary.pdf"),
    ]
    # Table "attachments" sorts before "clients", so its entries come first.
    records = sorted(
        (
            record_entry("attachments", d["id"], seal_record(key, vault_id, "attachments", d))
            for d in described
        ),
        key=lambda e: (e[2 : 2 + e[1]], e[3 + e[1] : 3 + e[1] + e[2 + e[1]]]),
    ) + record_entries(FILE)
    files = [
        attachment_entry(ATTACHMENT_ID_PNG, encrypt_attachment(key, ATTACHMENT_ID_PNG, PNG_BYTES)),
        attachment_entry(ATTACHMENT_ID_PDF, encrypt_attachment(key, ATTACHMENT_ID_PDF, PDF_BYTES)),
    ]
    return records, files


def backup_with_attachments() -> bytes:
    """A complete backup with attachment entries (also used to check Bridgework's reader)."""
    records, files = attachment_backup_parts()
    return build_backup(records + files)


@test
def the_section_9_7_attachment_test_vector_decrypts():
    data_key = bytes.fromhex("47aaf17791414ba6e894fa98a20d7c27fc6c089b34010a332b16d1485a68b376")
    attachment_id = "gKx2Vq7mT0aZ_b8-Lr3NcQ"
    stored = bytes.fromhex(
        "42574154"  # BWAT
        "01"  # attachment format 1
        "116499a68f55f50a89eff4a4bc051ff9ad48a71517e0b276"  # secretstream header
        "27000000"  # chunk length 39
        "827af68e1f8ac93c95ee4305ba870b351955427a9e3a07f6c47d82f6b7befaf8ac7f48b795fb9c"
    )
    key = bw.attachment_key(data_key, attachment_id)
    assert key.hex() == "b243e8633e4d54dc953600fc6262c1c76e8aff3f561a23bbb6f797b98b2ac2a0"
    data = bw.open_attachment(data_key, attachment_id, stored)
    assert data == b"\x89PNG\r\n\x1a\ndemo worksheet", data
    assert bw.sniff_media_type(data) == "image/png"
    expect_error("RECORD_DAMAGED", bw.open_attachment, data_key, "hKx2Vq7mT0aZ_b8-Lr3NcQ", stored)


@test
def a_backup_with_attachments_decrypts_them():
    file = backup_with_attachments()
    result = bw.decrypt_backup(file, PASS, RK)
    assert [e.table for e in result.backup.entries] == ["attachments"] * 2 + ["clients"] * 3 + [
        "goals"
    ] * 2
    assert int.from_bytes(file[-68:-64], "little") == 7  # the count is records only
    assert [a.id for a in result.attachments] == [ATTACHMENT_ID_PNG, ATTACHMENT_ID_PDF]
    png, pdf = result.attachments
    assert (png.data, png.media_type, png.notes) == (PNG_BYTES, "image/png", []), png.notes
    assert (pdf.data, pdf.media_type, pdf.notes) == (PDF_BYTES, "application/pdf", []), pdf.notes
    assert png.description is not None and png.description["fileName"] == "Thought record.png"
    assert pdf.description is not None and pdf.description["sizeBytes"] == len(PDF_BYTES)
    # Three chunks (64 KiB, 64 KiB, 1,000 bytes), each a 4-byte length and 17 bytes of overhead.
    assert len(result.backup.attachments[1].stored) == 29 + 3 * (4 + 17) + len(PDF_BYTES)
    # The records are the fixture's, unchanged.
    assert result.records["clients"] == demo().records["clients"]


@test
def command_line_writes_the_attachments_it_decrypts():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "with-attachments.bwvault"
        path.write_bytes(backup_with_attachments())
        out = Path(folder) / "files"
        run = run_cli(str(path), str(PASSPHRASE), "--attachments", str(out))
        assert run.returncode == 0, run.stderr
        assert "files     2 attachment(s)" in run.stdout, run.stdout
        assert f"{ATTACHMENT_ID_PNG}: {len(PNG_BYTES)} bytes, image/png" in run.stdout
        assert (out / f"{ATTACHMENT_ID_PNG}.png").read_bytes() == PNG_BYTES
        assert (out / f"{ATTACHMENT_ID_PDF}.pdf").read_bytes() == PDF_BYTES
        assert sorted(p.name for p in out.iterdir()) == sorted(
            [f"{ATTACHMENT_ID_PNG}.png", f"{ATTACHMENT_ID_PDF}.pdf"]
        )


@test
def an_attachment_without_a_description_is_accepted_with_a_note():
    key = demo().data_key
    orphan = attachment_entry("orphan", encrypt_attachment(key, "orphan", b"%PDF-1.4 tiny"))
    result = bw.decrypt_backup(build_backup(record_entries(FILE) + [orphan]), PASS)
    (attachment,) = result.attachments
    assert attachment.data == b"%PDF-1.4 tiny" and attachment.description is None
    assert attachment.notes == ['no description record in table "attachments"'], attachment.notes
    # A description that disagrees with the file is reported too, not refused.
    records, files = attachment_backup_parts()
    vault_id = demo().backup.header.vault_id
    wrong = description(ATTACHMENT_ID_PNG, "image/jpeg", PNG_BYTES + b"!", "Wrong.jpg")
    records[0] = record_entry(
        "attachments", ATTACHMENT_ID_PNG, seal_record(key, vault_id, "attachments", wrong)
    )
    png = bw.decrypt_backup(build_backup(records + files), PASS).attachments[0]
    assert len(png.notes) == 2 and "image/jpeg" in png.notes[0], png.notes


@test
def attachment_entries_must_follow_the_records_in_increasing_id_order():
    records, (png, pdf) = attachment_backup_parts()
    bw.read_backup(build_backup(records + [png, pdf]))  # the well-formed order
    bw.read_backup(build_backup([png]))  # attachments with no records at all
    cases = {
        "attachment before a record": records[:-1] + [png] + records[-1:] + [pdf],
        "attachment first": [png] + records + [pdf],
        "ids out of order": records + [pdf, png],
        "duplicated id": records + [png, png],
        "unknown tag 03": records + [b"\x03" + png[1:]],
    }
    for what, entries in cases.items():
        try:
            bw.read_backup(build_backup(entries))
        except bw.VaultFormatError as error:
            assert error.code == "DAMAGED", (what, error)
            continue
        raise AssertionError(f"{what}: accepted")


@test
def attachment_entry_limits_and_count():
    records, (png, pdf) = attachment_backup_parts()
    stored = png[2 + png[1] + 4 :]
    for bad_id in ("", "a/b", "x" * 65, "caf\u00e9"):
        raw = bad_id.encode("latin-1")
        entry = b"\x02" + bytes([len(raw)]) + raw + u32(len(stored)) + stored
        expect_error("DAMAGED", bw.read_backup, build_backup(records + [entry]))
    # Above 21 MiB: refused from the length alone, before the (absent) bytes are looked for.
    too_long = b"\x02\x01a" + u32(21 * 1024 * 1024 + 1)
    expect_error("DAMAGED", bw.read_backup, build_backup(records + [too_long]))
    # Exactly 21 MiB announced but cut short: truncated.
    h, _ = layout(FILE)
    cut = FILE[: 18 + h] + b"".join(records) + b"\x02\x01a" + u32(21 * 1024 * 1024) + b"\x00" * 100
    expect_error("TRUNCATED", bw.read_backup, cut)
    for length in (1, 2, 6, 40):  # inside the first attachment entry
        start = len(FILE[: 18 + h] + b"".join(records))
        expect_error("TRUNCATED", bw.read_backup, build_backup(records + [png])[: start + length])
    # The record count counts records only: counting the attachments too is damage.
    expect_error("DAMAGED", bw.read_backup, build_backup(records + [png, pdf], len(records) + 2))


@test
def the_backup_mac_covers_attachment_entries():
    records, (png, pdf) = attachment_backup_parts()
    file = build_backup(records + [png, pdf])
    # Without the data key: a changed attachment byte with only the checksum recomputed.
    altered = bytearray(file)
    altered[len(file) - 69 - 10] ^= 0x01  # inside the last attachment's last chunk
    altered = with_backup_checksum(altered)
    bw.read_backup(altered)  # structurally fine
    expect_error("BACKUP_TAMPERED", bw.decrypt_backup, altered, PASS)
    # A dropped attachment entry, checksum recomputed (the count does not change).
    dropped = bytearray(build_backup(records + [png]))
    dropped[-64:-32] = file[-64:-32]  # the original MAC, over the entries with both files
    expect_error("BACKUP_TAMPERED", bw.decrypt_backup, with_backup_checksum(dropped), PASS)


@test
def a_damaged_attachment_file_is_reported_and_everything_else_still_read():
    # Section 8.9 step 7: a worksheet file that does not decrypt (here with a valid MAC, as a
    # backup copied a file damaged on disk before files were checked) is reported and left
    # out; the records and the other worksheet are read as before.
    key = demo().data_key
    records, (png, _) = attachment_backup_parts()
    stored = encrypt_attachment(key, ATTACHMENT_ID_PDF, PDF_BYTES)
    for offset in (0, 4, 5, 28, 29, 33, 33 + 65_552, len(stored) - 1):
        altered = bytearray(stored)
        altered[offset] ^= 0x01
        file = build_backup(records + [png, attachment_entry(ATTACHMENT_ID_PDF, bytes(altered))])
        result = bw.decrypt_backup(file, PASS)
        assert [a.id for a in result.attachments] == [ATTACHMENT_ID_PNG], offset
        (damaged,) = result.damaged_attachments
        assert damaged.id == ATTACHMENT_ID_PDF and "RECORD_DAMAGED" in damaged.problem, offset
        assert damaged.description is not None
        assert damaged.description["fileName"] == "Sleep diary.pdf"
        assert result.records["clients"] == demo().records["clients"]
        assert len(result.records["attachments"]) == 2 and result.without_file == []
    # Moved to another id (the key and the associated data both change): damaged too.
    moved = attachment_entry("zzzzzzzzzzzzzzzzzzzzzz", stored)
    result = bw.decrypt_backup(build_backup(records + [moved]), PASS)
    assert [d.id for d in result.damaged_attachments] == ["zzzzzzzzzzzzzzzzzzzzzz"]
    assert result.damaged_attachments[0].description is None
    # ...while a damaged record still fails the whole backup (records are all or nothing).
    goal = demo().records["goals"][0]
    sealed = bytearray(seal_record(key, demo().backup.header.vault_id, "goals", goal))
    sealed[-1] ^= 0x01
    broken = [
        record_entry("goals", goal["id"], bytes(sealed)) if goal["id"].encode() in e else e
        for e in records
    ]
    expect_error("RECORD_DAMAGED", bw.decrypt_backup, build_backup(broken + [png]), PASS)


@test
def command_line_names_a_damaged_worksheet_writes_the_others_and_exits_3():
    key = demo().data_key
    records, (png, _) = attachment_backup_parts()
    cut = encrypt_attachment(key, ATTACHMENT_ID_PDF, PDF_BYTES)[:-1]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged-worksheet.bwvault"
        path.write_bytes(build_backup(records + [png, attachment_entry(ATTACHMENT_ID_PDF, cut)]))
        out = Path(folder) / "files"
        run = run_cli(str(path), str(PASSPHRASE), "--attachments", str(out))
        assert run.returncode == 3, (run.returncode, run.stderr)
        assert f"damaged and left out (section 8.9): {ATTACHMENT_ID_PDF}" in run.stderr, run.stderr
        assert f'damaged   worksheet file {ATTACHMENT_ID_PDF} "Sleep diary.pdf"' in run.stdout
        assert "every attachment but 1 damaged" in run.stdout, run.stdout
        for name in EXPECTED_NAMES:
            assert name in run.stdout, run.stdout
        assert [p.name for p in out.iterdir()] == [f"{ATTACHMENT_ID_PNG}.png"]


@test
def a_worksheet_a_backup_left_out_is_marked_damaged_and_has_no_file():
    # Section 8.8: a backup leaves out a worksheet whose file is damaged or missing; its
    # description, marked with damagedAt (section 4.7), is in the backup without a file.
    key, vault_id = demo().data_key, demo().backup.header.vault_id
    records, (png, _) = attachment_backup_parts()
    marked = description(ATTACHMENT_ID_PDF, "application/pdf", PDF_BYTES, "Sleep diary.pdf")
    marked["damagedAt"] = "2026-10-27T09:00:00.000Z"
    records[1] = record_entry(
        "attachments", ATTACHMENT_ID_PDF, seal_record(key, vault_id, "attachments", marked)
    )
    file = build_backup(records + [png])
    result = bw.decrypt_backup(file, PASS)
    assert [a.id for a in result.attachments] == [ATTACHMENT_ID_PNG]
    # Sealed as version 1, the description reads upgraded to version 2 (section 4.7).
    upgraded = marked | {"kind": "template-worksheet"}
    assert result.damaged_attachments == [] and result.without_file == [upgraded], result
    assert bw.summary(result).endswith(
        f'no file   worksheet {ATTACHMENT_ID_PDF} "Sleep diary.pdf": not in this backup'
        " (marked damaged at 2026-10-27T09:00:00.000Z)"
    ), bw.summary(result)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "left-out.bwvault"
        path.write_bytes(file)
        run = run_cli(str(path), str(PASSPHRASE))
    assert run.returncode == 0 and run.stderr == "", run.stderr
    # damagedAt may be absent (every other example); when present it is a date-time.
    assert reads("attachments", example("attachments", damagedAt=AT))["damagedAt"] == AT
    for bad in (None, "", "2026-10-27", "2026-10-27T09:00:00+01:00", 1_793_491_200_000):
        damaged("attachments", example("attachments", damagedAt=bad))
    # A file that decrypts although its description is marked damaged is read, with a note.
    png_marked = description(ATTACHMENT_ID_PNG, "image/png", PNG_BYTES, "Thought record.png")
    png_marked["damagedAt"] = marked["damagedAt"]
    sealed = seal_record(key, vault_id, "attachments", png_marked)
    entries = [record_entry("attachments", ATTACHMENT_ID_PNG, sealed)] + record_entries(FILE)
    (read,) = bw.decrypt_backup(build_backup(entries + [png]), PASS).attachments
    assert read.notes == ["marked damaged at 2026-10-27T09:00:00.000Z, but its file here decrypts"]


@test
def attachment_files_are_refused_as_section_9_5_says():
    key = demo().data_key
    aid = ATTACHMENT_ID_PDF
    stored = encrypt_attachment(key, aid, PDF_BYTES)
    first_chunk_end = 29 + 4 + 65_536 + 17
    cases = {
        "empty": b"",
        "magic only": b"BWAT\x01",
        "header, no chunk": stored[:29],
        "format 2": stored[:4] + b"\x02" + stored[5:],
        "magic BWAX": b"BWAX" + stored[4:],
        "last chunk dropped": stored[: first_chunk_end + 4 + 65_536 + 17],
        "last chunk cut": stored[:-1],
        "length cut": stored + b"\x00\x00",
        "byte after final": stored + b"\x00",
        "empty chunk after final": stored + u32(17) + b"\x00" * 17,
        "chunk shorter than 17 bytes": stored[:29] + u32(5) + b"\x00" * 5,
        "zero-length chunk": stored[:29] + u32(0),
        "no final tag": encrypt_attachment(key, aid, PDF_BYTES, final=False),
        "another data key": encrypt_attachment(bytes(32), aid, PDF_BYTES),
        "another id": encrypt_attachment(key, "other", PDF_BYTES),
    }
    for what, data in cases.items():
        try:
            bw.open_attachment(key, aid, data)
        except bw.VaultFormatError as error:
            assert error.code == "RECORD_DAMAGED", (what, error)
            continue
        raise AssertionError(f"{what}: accepted")
    # What Bridgework writes, at the edges of the chunking rule: one chunk even when empty,
    # and no empty final chunk after a file of exactly 64 KiB.
    for size, chunks in ((0, 1), (1, 1), (65_536, 1), (65_537, 2)):
        data = pdf_bytes(size) if size else b""
        stored = encrypt_attachment(key, aid, data)
        assert len(stored) == 29 + chunks * 21 + size, (size, len(stored))
        assert bw.open_attachment(key, aid, stored) == data
    # Other chunk sizes are not part of the format's checks: they decrypt as well.
    assert bw.open_attachment(key, aid, encrypt_attachment(key, aid, PDF_BYTES, chunk=1000)) == (
        PDF_BYTES
    )


# ---------------------------------------------------------------- vault names (section 2)


def backup_with_header_name(name: bytes) -> bytes:
    """The fixture with its vault renamed by someone who holds the data key: a new header MAC
    and checksum (section 2), then a new header length, backup MAC and checksum (section 8)."""
    h, end_tag = layout(FILE)
    header = FILE[10 : 10 + h]
    n = header[22]
    s = header[23 + n]
    unsigned = header[:22] + bytes([len(name)]) + name + header[23 + n : 24 + n + 98 * s]
    mac_key = bw.blake2b_256(b"bridgework/header-mac/v1", key=demo().data_key)
    signed = unsigned + bw.blake2b_256(unsigned, key=mac_key)
    new_header = signed + bw.blake2b_256(signed)
    body = FILE[:6] + u32(len(new_header)) + new_header + FILE[10 + h : end_tag + 5]
    backup_mac_key = bw.blake2b_256(b"bridgework/backup-mac/v1", key=demo().data_key)
    body += bw.blake2b_256(body, key=backup_mac_key)
    return body + bw.blake2b_256(body)


@test
def vault_names_of_1_to_120_bytes_are_read_and_longer_ones_are_damaged():
    for length in (1, 120):
        name = "n" * length
        assert bw.read_backup(backup_with_header_name(name.encode())).header.name == name
    assert bw.read_backup(backup_with_header_name("€".encode() * 40)).header.name == "€" * 40
    for length in (121, 255):
        expect_error("DAMAGED", bw.read_backup, backup_with_header_name(b"n" * length))
    expect_error("DAMAGED", bw.read_backup, backup_with_header_name(b""))


@test
def a_vault_name_starting_with_a_byte_order_mark_is_damaged():
    marked = backup_with_header_name(b"\xef\xbb\xbfDemo practice")
    expect_error("DAMAGED", bw.read_backup, marked)
    # Anywhere else it is an ordinary (invisible) character of the name, and the MAC holds.
    inside = backup_with_header_name("Demo\ufeff practice".encode())
    assert bw.decrypt_backup(inside, PASS).backup.header.name == "Demo\ufeff practice"


# ---------------------------------------------------------------- record JSON (section 4.3)


@test
def record_json_is_strict():
    where = "clients/x"
    assert bw.parse_record_json(b' {"a":[1,-0,2.5e3,true,null],"b":"\\u00f8"}\n', where) == {
        "a": [1, 0, 2500.0, True, None],
        "b": "\u00f8",
    }
    assert bw.parse_record_json(b'{"a":1,"a":2}', where) == {"a": 2}  # the last one counts
    big = bw.parse_record_json(b'{"n":9007199254740993}', where)["n"]
    assert big == 2.0**53 and isinstance(big, float), big  # read as JavaScript reads it
    refused = [
        b'\xef\xbb\xbf{"a":1}',
        b'{"a":NaN}',
        b'{"a":Infinity}',
        b'{"a":-Infinity}',
        b'{"a":1e400}',
        b'{"a":[-1e309]}',
        b'{"a":1' + b"0" * 309 + b"}",
        b'[{"a":1}]',
        b"null",
        b'"{}"',
        b"7",
        b"",
        b'{"a":1,}',
        b"{'a':1}",
        b'{"a":1} // note',
        b'{"a":"line\nbreak"}',
        b'{"a":"\xff"}',
        b'{"a":"\xc0\xaf"}',
    ]
    for plaintext in refused:
        expect_error("RECORD_DAMAGED", bw.parse_record_json, plaintext, where)


@test
def a_sealed_record_with_a_byte_order_mark_or_nan_is_damaged():
    key, vault_id = demo().data_key, demo().backup.header.vault_id
    goal = demo().records["goals"][0]
    plain = json.dumps(goal, separators=(",", ":")).encode()
    for bad in (b"\xef\xbb\xbf" + plain, plain[:-1] + b',"x":NaN}'):
        sealed = seal_plaintext(key, vault_id, "goals", goal["id"], bad)
        expect_error("RECORD_DAMAGED", bw.open_record, key, vault_id, "goals", goal["id"], sealed)
    sealed = seal_plaintext(key, vault_id, "goals", goal["id"], plain)
    assert bw.open_record(key, vault_id, "goals", goal["id"], sealed) == (1, goal)


# ---------------------------------------------------------------- every table (section 4.7)

IDS = [  # record ids as Bridgework makes them (section 4.4: the last character A, Q, g or w)
    "Aa0-Bb1_Cc2dDe3Ff4Gg5A",
    "Hh6-Ii7_Jj8kKl9Mm0Nn1Q",
    "Oo2-Pp3_Qq4rRs5Tt6Uu7g",
    "Vv8-Ww9_Xx0yYz1Zz2Aa3w",
    "Bb4-Cc5_Dd6eEf7Gg8Hh9A",
]
AT = "2026-10-06T10:00:00.000Z"
EXAMPLES = {  # one record of every table, in the shapes of section 4.7 (current versions)
    "assignments": {  # version 3
        "id": IDS[0],
        "clientId": IDS[1],
        "sessionId": None,
        "template": {"templateId": "sleep-diary", "version": 1},
        "clinicalTitle": "Sleep diary (CBT-I)",
        "title": "Sleep diary",
        "discreetTitle": "Morning notes",
        "purpose": "",
        "whyItMatters": "",
        "whatFeelsDoable": "Writing it down each morning",
        "goals": [{"goalId": IDS[2], "words": "Sleep better"}],
        "noGoalBecause": "",
        "steps": ["Note bedtime"],
        "doseOptions": [],
        "dose": {"label": "Daily", "dose": {"kind": "per-week", "timesPerWeek": 7}},
        "minimum": {"label": "Two lines", "dose": None},
        "days": [],
        "plan": {"what": "The diary", "time": None, "cue": "after breakfast", "where": ""},
        "ladder": [],
        "ladderStep": None,
        "trackerFields": [{"label": "Hours slept", "kind": "count"}],
        "barriers": [],
        "backupPlan": "",
        "confidenceBefore": 8,
        "confidenceAfter": None,
        "importance": None,
        "materials": "",
        "reminderPlace": "",
        "cautions": [],
        "cautionsAcknowledgedAt": None,
        "discreetWording": None,
        "status": "active",
        "replaces": None,
        "startsOn": "2026-10-07",
        "reviewBy": "2026-10-14",
        "builderStep": 0,
        "revision": 0,
        "createdAt": AT,
        "updatedAt": AT,
    },
    "attachments": {
        "id": IDS[0],
        "kind": "template-worksheet",
        "lineageId": IDS[1],
        "fileName": "Thought record.pdf",
        "mediaType": "application/pdf",
        "sizeBytes": 20 * 1024 * 1024,
        "createdAt": AT,
    },
    "clients": {
        "id": IDS[0],
        "name": "Ada Example",
        "status": "active",
        "privateNotes": "",
        "createdAt": AT,
        "statusChangedAt": AT,
    },
    "goals": {
        "id": IDS[0],
        "clientId": IDS[1],
        "clientWords": "Sleep better",
        "whyItMatters": "",
        "status": "let-go",
        "createdAt": AT,
        "updatedAt": AT,
    },
    "log": {
        "id": IDS[0],
        "kind": "export",
        "at": AT,
        "what": "Handout PDF",
        "format": "pdf",
        "clientId": None,
    },
    "practiceLogs": {
        "id": IDS[0],
        "clientId": IDS[1],
        "assignmentId": IDS[2],
        "date": "2028-02-29",
        "done": "partly",
        "amount": 12.5,
        "tracker": {"Hours slept": 6.5, "Did it": True, "Note": "woke at 4", "": 0},
        "note": "",
    },
    "preferences": {  # version 3
        "id": IDS[0],
        "initialsOnlyInLists": False,
        "favouriteTemplates": ["sleep-diary", IDS[1]],
        "practiceWording": "this-weeks-plan",
        "practiceName": "Fjordside Practice",
        "clinicianName": "Dr Zoë Παπαδοπούλου",
        "pageSize": "a4",
        "nameOnHandouts": "first-name",
        "largePrint": True,
    },
    "insightSummaries": {  # version 1: derived from the client's reviews and assignments
        "id": IDS[0],
        "clientId": IDS[1],
        "reviewRecords": 2,
        "assignmentRecords": 3,
        "reviews": [
            {
                "reviewId": IDS[2],
                "assignmentId": IDS[3],
                "sessionId": None,
                "reviewedOn": "2026-10-06",
                "outcome": "some-of-it",
                "percentDone": None,
                "smallestVersionMet": True,
                "trackerReturned": False,
                "barrierKinds": ["forgot", "no-time"],
                "decision": "make-smaller",
                "madeThingsWorse": False,
            }
        ],
        "assignments": [
            {
                "assignmentId": IDS[3],
                "sessionId": IDS[4],
                "startsOn": "2026-09-29",
                "status": "replaced",
                "templateId": "sleep-diary",
                "doseSize": "not-timed",
                "confidence": 8,
                "specificPlan": False,
                "ifThenPlans": 0,
                "ladderStep": None,
                "ladderLength": 0,
                "replaces": None,
            },
            {
                "assignmentId": IDS[0],
                "sessionId": None,
                "startsOn": "2026-10-07",
                "status": "active",
                "templateId": None,
                "doseSize": "up-to-30",
                "confidence": None,
                "specificPlan": True,
                "ifThenPlans": 8,
                "ladderStep": 11,
                "ladderLength": 12,
                "replaces": IDS[3],
            },
        ],
    },
    "reviews": {  # version 2, finished
        "id": IDS[0],
        "clientId": IDS[1],
        "assignmentId": IDS[2],
        "sessionId": None,
        "reviewedAt": AT,
        "outcome": "some-of-it",
        "smallestVersionMet": True,
        "amountFrom": "estimate",
        "percentDone": 60,
        "quality": 3,
        "engagement": None,
        "helpful": 4,
        "hard": 0,
        "understoodWhy": None,
        "fitsGoals": 2,
        "reportedBy": ["client-account"],
        "barriersMet": [{"kind": "forgot", "note": ""}, {"kind": "no-time", "note": "Shifts"}],
        "barrierNotes": "",
        "ifThenPlan": "helped-a-little",
        "backupPlan": None,
        "madeThingsWorse": "no",
        "worseNote": "",
        "happened": "",
        "learned": "Mornings work better.",
        "wins": "",
        "decision": "make-smaller",
        "decisionReason": "",
        "nextAssignmentId": None,
        "finished": True,
        "revision": 2,
        "createdAt": AT,
        "updatedAt": AT,
    },
    "sessionCalendars": {  # version 2: derived from the client's sessions, earliest first
        "id": IDS[0],
        "clientId": IDS[1],
        "entries": [
            {
                "sessionId": IDS[2],
                "startsAt": AT,
                "status": "held",
                "reviewedFirst": True,
                "setPractice": True,
            },
            {
                "sessionId": IDS[3],
                "startsAt": "2026-10-13T10:00:00.000Z",
                "status": "cancelled",
                "reviewedFirst": None,
                "setPractice": False,
            },
            {
                "sessionId": IDS[4],
                "startsAt": "2026-10-20T10:00:00.000Z",
                "status": "planned",
                "reviewedFirst": False,
                "setPractice": False,
            },
        ],
    },
    "sessions": {  # version 3
        "id": IDS[0],
        "clientId": IDS[1],
        "startsAt": AT,
        "durationMinutes": 50,
        "status": "planned",
        "reviewItems": [
            {"assignmentId": IDS[2], "state": "to-review", "deferredBecause": "", "reviewId": None}
        ],
        "topics": ["Sleep"],
        "assignmentIds": [],
        "summaryForClient": "",
        "privateNotes": "",
        "reviewedFirst": None,
        "revision": 0,
        "createdAt": AT,
        "updatedAt": AT,
    },
    "templates": {  # version 2, without the one optional field (discreetWording)
        "id": IDS[0],
        "title": "Graded exposure: leaving the house",
        "clientTitle": "Getting used to going out",
        "discreetTitle": "Getting out and about",
        "clinicianNotes": "",
        "cautions": [],
        "category": "anxiety-and-exposure",
        "approaches": ["cbt", "exposure"],
        "concerns": ["panic", "avoidance"],
        "purpose": "Facing what we avoid, in small steps, teaches us we can cope.",
        "steps": ["Pick the easiest step.", "Stay until the feeling drops by half."],
        "minimumDose": {
            "label": "One step, five minutes.",
            "dose": {"kind": "per-week", "timesPerWeek": 1, "minutes": 5},
        },
        "standardDose": "Three steps this week.",
        "doseOptions": [
            {"label": "Three times a week", "dose": {"kind": "per-week", "timesPerWeek": 3}},
            {
                "label": "Daily, 10 minutes",
                "dose": {"kind": "per-week", "timesPerWeek": 7, "minutes": 10},
            },
        ],
        "trackerFields": [{"label": "Worry before (0-10)", "kind": "rating-0-10"}],
        "worksheetPrompts": [],
        "barriers": [{"barrier": "I forget", "ifThen": "If I forget, I do it after lunch."}],
        "ladder": [{"step": "Stand at the door", "difficulty": 2}, {"step": "Walk to the corner"}],
        "noLadderBecause": None,
        "lineageId": IDS[1],
        "version": 2,
        "basedOn": {"templateId": IDS[3], "version": 1},
        "archivedAt": None,
        "createdAt": AT,
    },
}
LOG_CLIENT_DELETED = {"id": IDS[0], "kind": "client-deleted", "at": AT, "recordsRemoved": 0}
# Earlier versions of the records whose tables have upgrades (sections 4.6, 4.7).
ASSIGNMENT_V2 = {  # an assignment as schema version 2 held it
    "id": IDS[0],
    "clientId": IDS[1],
    "template": {"templateId": "sleep-diary", "version": 1},
    "title": "Sleep diary",
    "clientWords": "Writing it down each morning",
    "goalIds": [IDS[2]],
    "dose": {"label": "Daily", "dose": {"kind": "per-week", "timesPerWeek": 7}},
    "minimumDose": "Two lines",
    "confidence": 8,
    "steps": ["Note bedtime"],
    "trackerFields": [{"label": "Hours slept", "kind": "count"}],
    "ladder": [],
    "ladderStep": None,
    "barriers": [],
    "implementationIntention": {"what": "The diary", "when": "after breakfast", "where": ""},
    "backupPlan": "",
    "status": "active",
    "replaces": None,
    "startsOn": "2026-10-07",
    "createdAt": AT,
}
REVIEW_V1 = {  # a review as schema version 1 held it
    "id": IDS[0],
    "clientId": IDS[1],
    "assignmentId": IDS[2],
    "sessionId": None,
    "reviewedAt": AT,
    "outcome": "partly",
    "percentDone": 60,
    "quality": 7,
    "engagement": None,
    "reportedBy": "both",
    "barriersMet": ["forgot", "felt-too-hard"],
    "barrierNotes": "Busy week.",
    "learned": "Mornings work better.",
    "wins": "Two walks",
    "decision": "make-smaller",
    "decisionReason": "Fit it to the shifts.",
}
SESSION_V1 = {  # a session as schema version 1 held it
    "id": IDS[0],
    "clientId": IDS[1],
    "startsAt": AT,
    "durationMinutes": 50,
    "status": "held",
    "topics": ["Sleep", "Work"],
    "summaryForClient": "We talked about sleep.\nNext: the diary.",
    "privateNotes": "Tired.",
    "createdAt": AT,
}
SESSION_V2 = {  # a session as schema version 2 held it
    **{key: value for key, value in SESSION_V1.items()},
    "reviewItems": [
        {"assignmentId": IDS[2], "state": "reviewed", "deferredBecause": "", "reviewId": IDS[4]}
    ],
    "assignmentIds": [IDS[3]],
    "revision": 4,
    "updatedAt": "2026-10-06T11:00:00.000Z",
}
PREFERENCES_V1 = {  # the preferences as schema version 1 held them
    "id": IDS[0],
    "initialsOnlyInLists": True,
    "favouriteTemplates": ["sleep-diary", IDS[1]],
}
PREFERENCES_V2 = {  # the preferences as schema version 2 held them
    "id": IDS[0],
    "initialsOnlyInLists": False,
    "favouriteTemplates": ["sleep-diary", IDS[1]],
    "practiceWording": "this-weeks-plan",
}
HANDOUTS_NEVER_CHOSEN = {  # 4.7: what the upgrade 2 -> 3 sets
    "practiceName": "",
    "clinicianName": "",
    "pageSize": None,
    "nameOnHandouts": "initials",
    "largePrint": False,
}


def example(table: str, **changes: object) -> dict:
    """A copy of the table's example with fields set (or, for the value `...`, removed)."""
    out = json.loads(json.dumps(EXAMPLES[table]))
    for key, value in changes.items():
        if value is ...:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def reads(table: str, record: dict) -> dict:
    """The record as read from the table's current schema version (section 4.3)."""
    return bw.read_record(table, bw.TABLES[table].schema_version, json.loads(json.dumps(record)))


def damaged(table: str, record: dict) -> None:
    expect_error("RECORD_DAMAGED", reads, table, record)


@test
def every_table_of_the_format_is_checked_against_its_shape():
    section_4_5 = [
        "assignments", "attachments", "clients", "goals", "insightSummaries", "log",
        "practiceLogs", "preferences", "reviews", "sessionCalendars", "sessions", "templates",
    ]  # fmt: skip
    assert sorted(EXAMPLES) == sorted(bw.TABLES) == section_4_5 and len(section_4_5) == 12
    for table, record in EXAMPLES.items():
        assert reads(table, record) == record
        damaged(table, example(table, extra=1))  # strict: no field of another name
        for key in record:  # and none of the listed fields may be missing
            damaged(table, example(table, **{key: ...}))
    assert reads("log", LOG_CLIENT_DELETED) == LOG_CLIENT_DELETED
    damaged("log", LOG_CLIENT_DELETED | {"kind": "other"})
    damaged("log", LOG_CLIENT_DELETED | {"clientId": None})  # a field of the other shape


@test
def every_id_field_holds_a_record_id():
    not_ids = [
        "sleep-diary",
        IDS[0][:21],
        IDS[0] + "A",
        IDS[0] + "=",
        "Aa0+Bb1/Cc2dDe3Ff4Gg5A",  # base64, not base64url
        7,
    ]
    id_fields = {
        "assignments": ["clientId"],
        "attachments": ["lineageId"],
        "goals": ["clientId"],
        "insightSummaries": ["clientId"],
        "practiceLogs": ["clientId", "assignmentId"],
        "reviews": ["clientId", "assignmentId"],
        "sessionCalendars": ["clientId"],
        "sessions": ["clientId"],
        "templates": ["lineageId"],
    }
    for table, keys in id_fields.items():
        for key in keys:
            damaged(table, example(table, **{key: None}))  # not nullable
            for bad in not_ids:
                damaged(table, example(table, **{key: bad}))
    item = EXAMPLES["sessions"]["reviewItems"][0]
    entry = EXAMPLES["sessionCalendars"]["entries"][0]
    review_fact = EXAMPLES["insightSummaries"]["reviews"][0]
    assignment_fact = EXAMPLES["insightSummaries"]["assignments"][0]
    for bad in not_ids:
        for key in ("reviewId", "assignmentId", "sessionId"):
            facts = [review_fact | {key: bad}]
            damaged("insightSummaries", example("insightSummaries", reviews=facts))
        for key in ("assignmentId", "sessionId", "replaces"):
            facts = [assignment_fact | {key: bad}]
            damaged("insightSummaries", example("insightSummaries", assignments=facts))
        damaged("reviews", example("reviews", nextAssignmentId=bad))
        bad_entry = entry | {"sessionId": bad}
        damaged("sessionCalendars", example("sessionCalendars", entries=[bad_entry]))
        damaged("assignments", example("assignments", goals=[{"goalId": bad, "words": ""}]))
        damaged("assignments", example("assignments", sessionId=bad))
        damaged("assignments", example("assignments", replaces={"assignmentId": bad, "reason": ""}))
        damaged("sessions", example("sessions", assignmentIds=[bad]))
        damaged("sessions", example("sessions", reviewItems=[item | {"assignmentId": bad}]))
        damaged("sessions", example("sessions", reviewItems=[item | {"reviewId": bad}]))
        damaged("reviews", example("reviews", sessionId=bad))
        damaged("log", example("log", clientId=bad))
    reads("assignments", example("assignments", sessionId=IDS[3]))
    reads("sessions", example("sessions", reviewItems=[item | {"reviewId": IDS[3]}]))
    reads("sessionCalendars", example("sessionCalendars", entries=[entry | {"sessionId": IDS[0]}]))
    reads("reviews", example("reviews", sessionId=IDS[3]))
    reads("reviews", example("reviews", nextAssignmentId=IDS[3]))
    reads("log", example("log", clientId=IDS[3]))
    # Any 22 such characters, not only what Bridgework makes: the last character is not checked.
    reads("goals", example("goals", clientId="Aa0-Bb1_Cc2dDe3Ff4Gg5z"))
    # Not record ids: template references (1-120 letters, digits, - and _, section 4.7) and
    # favourites (any text of up to 120 code points).
    reads("assignments", example("assignments", template={"templateId": "x" * 120, "version": 1}))
    reads("templates", example("templates", basedOn={"templateId": "sleep-diary", "version": 3}))
    reads("preferences", example("preferences", favouriteTemplates=["", "x" * 120, "a b\u00e9"]))
    damaged("preferences", example("preferences", favouriteTemplates=["x" * 121]))


@test
def integers_are_safe_integers():
    deleted = dict(LOG_CLIENT_DELETED, recordsRemoved=2**53 - 1)  # no stated maximum
    assert reads("log", deleted)["recordsRemoved"] == 2**53 - 1
    for bad in (2**53, 2.0**53, 1.5, -1, "3", True, None):
        damaged("log", deleted | {"recordsRemoved": bad})
    # JSON has one number type, so 50.0 (or 5e1) is the integer 50.
    assert reads("sessions", example("sessions", durationMinutes=50.0))["durationMinutes"] == 50
    damaged("sessions", example("sessions", durationMinutes=4))
    damaged("sessions", example("sessions", durationMinutes=480.5))
    # Numbers that need not be integers: any finite number within their limits.
    reads("practiceLogs", example("practiceLogs", amount=0.25))
    damaged("practiceLogs", example("practiceLogs", amount=10_000.5))
    reads("practiceLogs", example("practiceLogs", tracker={"big": 2.0**60, "small": -1e-9}))
    damaged("practiceLogs", example("practiceLogs", tracker={"x": None}))


@test
def text_lengths_count_code_points():
    # An emoji is one code point (two UTF-16 code units in JavaScript's `length`).
    emoji = "\U0001f600"
    assert reads("clients", example("clients", name=emoji * 120))["name"] == emoji * 120
    damaged("clients", example("clients", name=emoji * 121))
    # Trimmed text is trimmed of JavaScript whitespace, U+FEFF included, before it is counted.
    assert reads("clients", example("clients", name="\u00a0 Ada \ufeff"))["name"] == "Ada"
    damaged("clients", example("clients", name="\u3000\u2028"))
    # Untrimmed text keeps its spaces, and they count.
    assert reads("goals", example("goals", whyItMatters=" x "))["whyItMatters"] == "x"
    summary = reads("sessions", example("sessions", summaryForClient=" x "))["summaryForClient"]
    assert summary == " x ", summary
    damaged("practiceLogs", example("practiceLogs", tracker={"x" * 61: 1}))


def per_week(times: int, **more: int) -> dict:
    return {"kind": "per-week", "timesPerWeek": times, **more}


def as_needed(at_least: int, **more: int) -> dict:
    return {"kind": "as-needed", "practiseAtLeast": at_least, **more}


@test
def nested_parts_have_their_own_shapes():
    ladder = [{"step": " Door ", "difficulty": 10}, {"step": "Street", "difficulty": 0}]
    assert reads("templates", example("templates", ladder=ladder))["ladder"][0]["step"] == "Door"
    doses = [
        {"label": "x", "dose": per_week(21, minutes=240)},
        {"label": "y", "dose": as_needed(0)},
        {"label": "z", "dose": as_needed(21, minutes=1)},
    ]
    reads("templates", example("templates", doseOptions=doses))
    for bad in (
        {"ladder": [{"step": "Door", "difficulty": None}]},  # may be absent, not null
        {"ladder": [{"step": "Door", "difficulty": 11}]},  # 0-10 since version 2
        {"ladder": [{"step": "   "}]},
        {"doseOptions": doses[:1]},
        {"doseOptions": doses + doses[:1]},
        {"doseOptions": [{"label": "x", "dose": per_week(22)}] * 2},
        {"barriers": []},
        {"approaches": ["cbt", "yoga"]},
        {"trackerFields": [{"label": "x", "kind": "count", "extra": 1}]},
        {"basedOn": {"templateId": "x", "version": 0}},
    ):
        damaged("templates", example("templates", **bad))
    plan = {"what": " x ", "time": "23:59", "cue": "", "where": ""}
    assert reads("assignments", example("assignments", plan=plan))["plan"]["what"] == "x"
    damaged("assignments", example("assignments", plan={"what": "", "cue": "", "where": ""}))


# ---------------------------------------------------------------- free text (section 4.3)

# Section 4.3 step 5 and the one-line fields of section 4.7: every path of a free-text field in
# the examples (filled out where they are empty), one-line or not.
FULL = {
    "assignments": example(  # every field that can hold text holds some
        "assignments",
        sessionId=IDS[4],
        purpose="Writing it down shows the pattern.\nThen we can plan.",
        whyItMatters="I want my mornings back.",
        noGoalBecause="Settling in first.",
        steps=["Note bedtime", "Note wake time"],
        doseOptions=[
            {"label": "Daily", "dose": {"kind": "per-week", "timesPerWeek": 7}},
            {"label": "When I can", "dose": {"kind": "as-needed", "practiseAtLeast": 0}},
        ],
        minimum={"label": "Two lines", "dose": {"kind": "per-week", "timesPerWeek": 1}},
        days=[1, 3, 5, 7],
        plan={"what": "The diary", "time": "07:30", "cue": "after breakfast", "where": "kitchen"},
        ladder=[{"step": "Door"}],
        ladderStep=0,
        barriers=[{"kind": "forgot", "barrier": "I forget", "ifThen": "Then after lunch"}],
        backupPlan="One line at night.",
        confidenceAfter=9,
        importance=7,
        materials="Diary handout\nA pen",
        reminderPlace="Note on the kettle",
        cautions=["Not during a manic episode."],
        cautionsAcknowledgedAt=AT,
        discreetWording={
            "purpose": "Writing it down\nhelps.",
            "steps": ["Note bedtime"],
            "minimumDose": "Two lines.",
            "standardDose": "Every morning.",
            "worksheetPrompts": ["What helped?"],
            "barriers": [{"barrier": "I forget", "ifThen": "Then after lunch."}],
        },
        replaces={"assignmentId": IDS[3], "reason": "Too much"},
        builderStep=3,
        revision=2,
        updatedAt="2026-10-08T09:00:00.000Z",
    ),
    "sessions": example(
        "sessions",
        status="held",
        reviewItems=[
            {
                "assignmentId": IDS[2],
                "state": "reviewed",
                "deferredBecause": "",
                "reviewId": IDS[4],
            },
            {
                "assignmentId": IDS[3],
                "state": "deferred",
                "deferredBecause": "A safety check came first.\nNext week.",
                "reviewId": None,
            },
        ],
        assignmentIds=[IDS[0]],
        summaryForClient="We talked about sleep.",
        privateNotes="Tired.",
        revision=3,
    ),
    "reviews": example(  # every text holds some
        "reviews",
        barriersMet=[
            {"kind": "no-time", "note": "Late shifts\non Thursday."},
            {"kind": "other", "note": "The dog"},
        ],
        barrierNotes="A hard week.",
        madeThingsWorse="yes",
        worseNote="Felt tense after.",
        happened="Walked on four evenings.\nNot at the weekend.",
        wins="Four walks!",
        decisionReason="Fit it to the shifts.",
        nextAssignmentId=IDS[3],
    ),
    "templates": example(
        "templates",
        clinicianNotes="Introduce after the first session.\nWatch for safety behaviours.",
        cautions=["Check with their doctor first if they have a heart condition."],
        worksheetPrompts=["What went well?"],
        discreetWording={
            "purpose": "Doing a little more each time\nmakes it easier.",
            "steps": ["Pick the easiest step."],
            "minimumDose": "One step, five minutes.",
            "standardDose": "Three steps this week.",
            "worksheetPrompts": ["What went well?"],
            "barriers": [{"barrier": "I forget", "ifThen": "If I forget, I go after lunch."}],
        },
    ),
}
ONE_LINE_PATHS = {
    "clients": [("name",)],
    "sessions": [("topics", 0)],
    "templates": [
        ("title",), ("clientTitle",), ("discreetTitle",), ("cautions", 0), ("concerns", 0),
        ("steps", 1), ("minimumDose", "label"), ("standardDose",), ("doseOptions", 1, "label"),
        ("trackerFields", 0, "label"), ("worksheetPrompts", 0), ("barriers", 0, "barrier"),
        ("barriers", 0, "ifThen"), ("ladder", 1, "step"), ("discreetWording", "steps", 0),
        ("discreetWording", "minimumDose"), ("discreetWording", "standardDose"),
        ("discreetWording", "worksheetPrompts", 0), ("discreetWording", "barriers", 0, "ifThen"),
    ],
    "assignments": [
        ("clinicalTitle",), ("title",), ("discreetTitle",), ("steps", 1), ("dose", "label"),
        ("doseOptions", 1, "label"), ("minimum", "label"), ("plan", "what"), ("plan", "cue"),
        ("plan", "where"), ("ladder", 0, "step"), ("trackerFields", 0, "label"),
        ("barriers", 0, "barrier"), ("barriers", 0, "ifThen"), ("reminderPlace",),
        ("cautions", 0), ("discreetWording", "steps", 0),
        ("discreetWording", "barriers", 0, "ifThen"),
    ],
    "practiceLogs": [("tracker", "Note")],
    "attachments": [("fileName",)],
    "log": [("what",)],
    "preferences": [("practiceName",), ("clinicianName",)],
}  # fmt: skip
MULTI_LINE_PATHS = {
    "clients": [("privateNotes",)],
    "goals": [("clientWords",), ("whyItMatters",)],
    "sessions": [("summaryForClient",), ("privateNotes",), ("reviewItems", 1, "deferredBecause")],
    "templates": [("purpose",), ("clinicianNotes",), ("discreetWording", "purpose")],
    "assignments": [
        ("purpose",), ("whyItMatters",), ("whatFeelsDoable",), ("goals", 0, "words"),
        ("noGoalBecause",), ("backupPlan",), ("materials",), ("replaces", "reason"),
        ("discreetWording", "purpose"),
    ],
    "practiceLogs": [("note",)],
    "reviews": [
        ("barriersMet", 0, "note"), ("barrierNotes",), ("worseNote",), ("happened",),
        ("learned",), ("wins",), ("decisionReason",),
    ],
}  # fmt: skip
NOT_FREE_TEXT_PATHS = {"preferences": [("favouriteTemplates", 0)]}
TEMPLATE_REF_PATHS = {
    "assignments": ("template", "templateId"),
    "templates": ("basedOn", "templateId"),
}


def base_record(table: str) -> dict:
    return json.loads(json.dumps(FULL.get(table, EXAMPLES[table])))


def at_path(record: dict, path: tuple, value: object = ...) -> object:
    """The value at `path` in `record`; sets it first when `value` is given."""
    *parents, last = path
    for step in parents:
        record = record[step]
    if value is not ...:
        record[last] = value
    return record[last]


def read_with(table: str, path: tuple, value: str) -> object:
    """What the field at `path` reads as when it was stored holding `value`."""
    record = base_record(table)
    at_path(record, path, value)
    return at_path(reads(table, record), path)


@test
def stored_text_is_repaired_as_section_4_3_says():
    # Hidden controls become U+FFFD in every string; CR line ends become LF.
    hidden = [*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), *range(0x7F, 0xA0),
              *range(0x202A, 0x202F), *range(0x2066, 0x206A)]  # fmt: skip
    for code in hidden:
        for table, paths in (ONE_LINE_PATHS | MULTI_LINE_PATHS).items():
            for path in paths:
                got = read_with(table, path, f"a{chr(code)}b")
                assert got == "a\ufffdb", (table, path, hex(code), got)
    for kept in ("\t", "\u200e", "\u200f", "\u061c", "\u200b", "\ufeff", "\ufffd", "\u00a0"):
        assert read_with("clients", ("name",), f"a{kept}b") == f"a{kept}b", hex(ord(kept))
    # One-line fields: a line break (after CR -> LF) becomes a space; elsewhere it stays.
    for brk, as_lf in (("\n", "\n"), ("\r\n", "\n"), ("\r", "\n"), ("\u2028", "\u2028"),
                       ("\u2029", "\u2029"), ("\n\r", "\n\n")):  # fmt: skip
        for table, paths in ONE_LINE_PATHS.items():
            for path in paths:
                got = read_with(table, path, f"a{brk}b")
                assert got == "a" + " " * len(as_lf) + "b", (table, path, got)
        for table, paths in MULTI_LINE_PATHS.items():
            for path in paths:
                assert read_with(table, path, f"a{brk}b") == f"a{as_lf}b", (table, path)
    # Not free text, but every string is repaired: no line break becomes a space there.
    for table, paths in NOT_FREE_TEXT_PATHS.items():
        for path in paths:
            assert read_with(table, path, "a\r\nb\u202e") == "a\nb\ufffd", (table, path)
    # A template reference's id is repaired too, and then is no id: the record is damaged.
    for table, path in [*TEMPLATE_REF_PATHS.items(), ("insightSummaries", ("assignments", 0,
                                                                           "templateId"))]:
        record = base_record(table)
        at_path(record, path, "sleep\r\ndiary")
        damaged(table, record)
    # Trimming and lengths come after the repair.
    assert read_with("clients", ("name",), "\u2028Ada\r\n") == "Ada"
    assert read_with("goals", ("whyItMatters",), "\r\nx\n") == "x"
    damaged("clients", example("clients", name="\r\n"))
    assert read_with("assignments", ("whatFeelsDoable",), "a\r\n" * 500) == "a\n" * 500
    damaged("assignments", example("assignments", whatFeelsDoable="a\r\n" * 501))
    # A repaired id, date or choice is still not one.
    damaged("goals", example("goals", clientId="\u0000" + IDS[1][1:]))
    damaged("goals", example("goals", status="active\r"))
    damaged("goals", example("goals", createdAt=AT + "\u0085"))


@test
def a_trackers_keys_are_one_line_text_that_is_not_repaired():
    for key in ("a\nb", "a\r", "a\r\nb", "a\u2028", "\u0000", "a\u202eb", "\u0085"):
        damaged("practiceLogs", example("practiceLogs", tracker={key: 1}))
    for key in ("a\tb", "a\u200fb", "", "\ufeff"):
        read = reads("practiceLogs", example("practiceLogs", tracker={key: 1}))
        assert read["tracker"] == {key: 1}, key


@test
def a_version_1_client_name_is_checked_after_the_upgrade():
    base = {"id": IDS[0], "createdAt": AT, "archivedAt": None}
    for stored, read in ((" Sam\u2028Older ", "Sam Older"), ("\u0000", "\ufffd"),
                         ("Jo\r\nnas", "Jo nas"), ("x" * 120, "x" * 120)):  # fmt: skip
        assert bw.read_record("clients", 1, {**base, "name": stored})["name"] == read, stored
    for stored in ("", " \n ", "x" * 121, 7, None):
        expect_error("RECORD_DAMAGED", bw.read_record, "clients", 1, {**base, "name": stored})


# ---------------------------------------------------------------- custom templates (section 4.7)

TEMPLATE_V1 = {  # a custom template as Bridgework wrote it before template schema version 2
    "id": IDS[0],
    "title": "Graded exposure: leaving the house",
    "discreetTitle": "Getting out and about",
    "category": "anxiety-and-exposure",
    "approaches": ["cbt", "exposure"],
    "concerns": ["panic", "avoidance"],
    "purpose": "Facing what we avoid, in small steps, teaches us we can cope.",
    "steps": ["Pick the easiest step.", "Stay until the feeling drops by half."],
    "minimumDose": "One step, five minutes.",
    "standardDose": "Three steps this week.",
    "doseOptions": [
        {"label": "Three times a week", "timesPerWeek": 3},
        {"label": "Daily, 10 minutes", "timesPerWeek": 7, "minutes": 10},
    ],
    "trackerFields": [{"label": "Worry before (0-10)", "kind": "rating-0-10"}],
    "worksheetPrompts": [],
    "barriers": [{"barrier": "I forget", "ifThen": "If I forget, I do it after lunch."}],
    "ladder": [{"step": "Stand at the door", "difficulty": 40}, {"step": "Walk to the corner"}],
    "lineageId": IDS[1],
    "version": 1,
    "basedOn": None,
    "archivedAt": None,
    "createdAt": AT,
}
URGE_SURFING = example(  # a coping skill: doses "as needed", cautions, no ladder on purpose
    "templates",
    title="Urge surfing",
    clientTitle="Riding out an urge",
    discreetTitle="Riding the wave",
    clinicianNotes="For urges to check or seek reassurance.\nPractise it in session first.",
    cautions=["Not a substitute for a safety plan.", "Check first with active self-harm."],
    category="habits-and-urges",
    approaches=["erp", "dbt-skills", "mbct"],
    minimumDose={"label": "Once, when an urge comes.", "dose": as_needed(0)},
    doseOptions=[
        {"label": "When an urge comes", "dose": as_needed(0)},
        {"label": "When needed, and twice a week anyway", "dose": as_needed(2, minutes=5)},
    ],
    ladder=[],
    noLadderBecause="Urges come when they come; there is nothing to step up.",
)


def v1_template(**changes: object) -> dict:
    """A copy of TEMPLATE_V1 with fields set (or, for the value `...`, removed)."""
    out = json.loads(json.dumps(TEMPLATE_V1))
    for key, value in changes.items():
        if value is ...:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def v1_ladder(*difficulties: object) -> list[dict]:
    return [{"step": f"Step {i + 1}", "difficulty": d} for i, d in enumerate(difficulties)]


@test
def a_version_2_template_with_as_needed_doses_and_cautions_reads():
    read = reads("templates", URGE_SURFING)
    assert read == URGE_SURFING, read
    assert read["doseOptions"][1]["dose"] == {
        "kind": "as-needed",
        "practiseAtLeast": 2,
        "minutes": 5,
    }
    assert read["cautions"] == URGE_SURFING["cautions"] and len(read["cautions"]) == 2
    assert read["clinicianNotes"].count("\n") == 1  # several lines, for the clinician only
    full = reads("templates", FULL["templates"])
    assert full["discreetWording"] == FULL["templates"]["discreetWording"]
    # Every field of the discreet wording may be absent, and so may the discreet wording.
    assert reads("templates", example("templates", discreetWording={}))["discreetWording"] == {}
    for bad in (
        {"minimumDose": "One step, five minutes."},  # the version-1 smallest version
        {"doseOptions": TEMPLATE_V1["doseOptions"]},  # version-1 dose options
        {"doseOptions": [{"label": "x", "dose": {"kind": "daily", "timesPerWeek": 7}}] * 2},
        {"doseOptions": [{"label": "x", "dose": as_needed(0, timesPerWeek=1)}] * 2},
        {"doseOptions": [{"label": "x", "dose": per_week(3, practiseAtLeast=1)}] * 2},
        {"doseOptions": [{"label": "x", "dose": as_needed(22)}] * 2},
        {"doseOptions": [{"label": "x", "dose": as_needed(-1)}] * 2},
        {"doseOptions": [{"label": "x", "dose": as_needed(1, minutes=None)}] * 2},
        {"minimumDose": {"label": " ", "dose": as_needed(0)}},
        {"cautions": ["x"] * 11},
        {"cautions": [" "]},
        {"cautions": ["x" * 241]},
        {"clinicianNotes": "x" * 1501},
        {"clinicianNotes": None},
        {"clientTitle": "\t"},
        {"noLadderBecause": ""},
        {"approaches": ["erp", "yoga"]},
        {"discreetWording": None},
        {"discreetWording": {"steps": []}},
        {"discreetWording": {"minimumDose": {"label": "x", "dose": as_needed(0)}}},
        {"discreetWording": {"title": "x"}},
    ):
        damaged("templates", example("templates", **bad))
    notes = reads("templates", example("templates", clinicianNotes=" x " * 500))["clinicianNotes"]
    assert notes == (" x " * 500).strip(), notes  # trimmed, then 0-1,500 code points


@test
def a_template_has_a_ladder_or_a_reason_for_none_not_both():
    reason = "Nothing to step up."
    with_ladder = EXAMPLES["templates"]["ladder"]
    damaged("templates", example("templates", ladder=with_ladder, noLadderBecause=reason))
    damaged("templates", dict(URGE_SURFING, ladder=[{"step": "Notice the urge"}]))
    reads("templates", example("templates", ladder=with_ladder, noLadderBecause=None))
    reads("templates", example("templates", ladder=[], noLadderBecause=reason))
    reads("templates", example("templates", ladder=[], noLadderBecause=None))  # neither
    # The reason is one-line text: a stored line break becomes a space (section 4.3 step 5).
    read = reads("templates", dict(URGE_SURFING, noLadderBecause=" Nothing\nto step up. "))
    assert read["noLadderBecause"] == "Nothing to step up.", read


@test
def a_version_1_template_is_upgraded_as_section_4_7_says():
    read = bw.read_record("templates", 1, v1_template())
    assert read == {
        **TEMPLATE_V1,
        "clientTitle": "Getting out and about",  # the discreet title
        "clinicianNotes": "",
        "cautions": [],
        "minimumDose": {"label": "One step, five minutes.", "dose": per_week(1)},
        "doseOptions": [
            {"label": "Three times a week", "dose": per_week(3)},
            {"label": "Daily, 10 minutes", "dose": per_week(7, minutes=10)},
        ],
        "ladder": [{"step": "Stand at the door", "difficulty": 4}, {"step": "Walk to the corner"}],
        "noLadderBecause": None,
    }, read
    # Difficulties 0-100 become 0-10, a half rounded up (JavaScript's Math.round).
    ladder = v1_ladder(0, 4, 5, 14, 15, 25, 35, 40, 44, 45, 95, 100)
    read = bw.read_record("templates", 1, v1_template(ladder=ladder))
    assert [r["difficulty"] for r in read["ladder"]] == [0, 0, 1, 1, 2, 3, 4, 4, 4, 5, 10, 10]
    too_hard = v1_template(ladder=v1_ladder(105))  # 10.5 rounds to 11
    expect_error("RECORD_DAMAGED", bw.read_record, "templates", 1, too_hard)
    # The upgraded record is checked as version 2: what version 1 could not hold stays damaged.
    for bad in (
        {"discreetTitle": ...},
        {"minimumDose": ...},
        {"doseOptions": TEMPLATE_V1["doseOptions"][:1]},
        {"doseOptions": [None, {"label": "x", "timesPerWeek": 1}]},
        {"ladder": [None]},
        {"ladder": [{"step": "x", "difficulty": -6}]},
        {"extra": 1},
    ):
        expect_error("RECORD_DAMAGED", bw.read_record, "templates", 1, v1_template(**bad))
    for version in (0, 3):
        expect_error("RECORD_DAMAGED", bw.read_record, "templates", version, v1_template())
    # A version-1 record is not read as version 2, nor a version-2 record as version 1.
    expect_error("RECORD_DAMAGED", bw.read_record, "templates", 2, v1_template())
    expect_error("RECORD_DAMAGED", bw.read_record, "templates", 1, dict(URGE_SURFING))


@test
def a_version_1_template_is_not_checked_as_version_1_before_its_upgrade():
    # Section 4.7: Bridgework upgrades whatever the record holds, then checks version 2. So a
    # few things version 1 refused are read (test_demo's comparison with the app covers these).
    def ladder_of(**changes: object) -> list:
        return bw.read_record("templates", 1, v1_template(**changes))["ladder"]

    assert ladder_of(ladder=v1_ladder(101, -5, 4.5)) == v1_ladder(10, 0, 0)
    assert ladder_of(ladder=[{"step": "x", "difficulty": None}]) == [{"step": "x"}]
    assert ladder_of(ladder=...) == [] and ladder_of(ladder=None) == []
    options = [{"label": "x", "minutes": None, "note": 1}, {"label": "y", "timesPerWeek": "2"}]
    read = bw.read_record("templates", 1, v1_template(doseOptions=options))
    assert read["doseOptions"] == [
        {"label": "x", "dose": per_week(1)},
        {"label": "y", "dose": per_week(1)},
    ], read["doseOptions"]
    stale = {"clientTitle": "x", "cautions": ["y"], "noLadderBecause": "z", "clinicianNotes": "w"}
    read = bw.read_record("templates", 1, v1_template(**stale))
    assert [read[k] for k in stale] == ["Getting out and about", [], None, ""], read


# ---------------------------------------------------------------- assignments (section 4.7)

ASSIGNMENT_V1 = {  # an assignment as shape 1 held it (dose and ladder of template shape 1)
    **ASSIGNMENT_V2,
    "title": "A short walk",
    "clientWords": "I like the park",
    "goalIds": [IDS[2], IDS[4]],
    "dose": {"label": "Three times a week, 10 minutes", "timesPerWeek": 3, "minutes": 10},
    "minimumDose": "Shoes on, out the door",
    "confidence": 7,
    "steps": ["Shoes on", "Out the door"],
    "ladder": [{"step": "Round the block", "difficulty": 35}, {"step": "To the park"}],
    "ladderStep": 0,
    "barriers": [{"barrier": "Rain", "ifThen": "If it rains, I walk the corridor."}],
    "implementationIntention": {"what": "Walk", "when": "after lunch", "where": "the park"},
    "backupPlan": "Two minutes on the balcony",
    "replaces": {"assignmentId": IDS[3], "reason": "Too much"},
    "startsOn": "2026-11-30",
}
ASSIGNMENT_V1_AS_V3 = {  # section 4.7: ASSIGNMENT_V1 upgraded 1 -> 2 -> 3
    "id": IDS[0],
    "clientId": IDS[1],
    "sessionId": None,
    "template": {"templateId": "sleep-diary", "version": 1},
    "clinicalTitle": "",
    "title": "A short walk",
    "discreetTitle": "A short walk",
    "purpose": "",
    "whyItMatters": "",
    "whatFeelsDoable": "I like the park",
    "goals": [{"goalId": IDS[2], "words": ""}, {"goalId": IDS[4], "words": ""}],
    "noGoalBecause": "",
    "steps": ["Shoes on", "Out the door"],
    "doseOptions": [],
    "dose": {
        "label": "Three times a week, 10 minutes",
        "dose": {"kind": "per-week", "timesPerWeek": 3, "minutes": 10},
    },
    "minimum": {"label": "Shoes on, out the door", "dose": None},
    "days": [],
    "plan": {"what": "Walk", "time": None, "cue": "after lunch", "where": "the park"},
    "ladder": [{"step": "Round the block", "difficulty": 4}, {"step": "To the park"}],
    "ladderStep": 0,
    "trackerFields": [{"label": "Hours slept", "kind": "count"}],
    "barriers": [
        {"kind": "other", "barrier": "Rain", "ifThen": "If it rains, I walk the corridor."}
    ],
    "backupPlan": "Two minutes on the balcony",
    "confidenceBefore": 7,
    "confidenceAfter": None,
    "importance": None,
    "materials": "",
    "reminderPlace": "",
    "cautions": [],
    "cautionsAcknowledgedAt": None,
    "discreetWording": None,
    "status": "active",
    "replaces": {"assignmentId": IDS[3], "reason": "Too much"},
    "startsOn": "2026-11-30",
    "reviewBy": "2026-12-07",  # a week after the start
    "builderStep": 0,
    "revision": 0,
    "createdAt": AT,
    "updatedAt": AT,  # never edited since it was made
}
ASSIGNMENT_V2_AS_NEEDED = {  # version 2: a coping skill, every field holding words
    **ASSIGNMENT_V2,
    "template": {"templateId": "urge-surfing", "version": 1},
    "title": "Riding out an urge",
    "clientWords": "I can try it when the urge to check comes",
    "goalIds": [IDS[2]],
    "dose": {"label": "When needed, and twice a week anyway", "dose": as_needed(2, minutes=5)},
    "minimumDose": " One breath with the urge ",
    "confidence": None,
    "steps": ["Notice the urge", "Breathe with it"],
    "trackerFields": [{"label": "Urge before (0-10)", "kind": "rating-0-10"}],
    "ladder": [
        {"step": "Notice the urge", "difficulty": 0},
        {"step": "Let it pass", "difficulty": 9},
    ],
    "ladderStep": 1,
    "barriers": [
        {"barrier": "I forget", "ifThen": "If I forget, I set a reminder."},
        {"barrier": "Too tired", "ifThen": "If I am tired, one breath counts."},
    ],
    "implementationIntention": {"what": "Ride the urge", "when": "when it comes", "where": ""},
    "backupPlan": "Ten seconds, once.",
    "status": "completed",
    "replaces": {"assignmentId": IDS[3], "reason": "The old one was too long.\nThis is shorter."},
    "startsOn": "2026-12-28",
}
ASSIGNMENT_AS_NEEDED = example(  # version 3: the same coping skill, as the builder writes it
    "assignments",
    template={"templateId": "urge-surfing", "version": 1},
    clinicalTitle="Urge surfing",
    title="Riding out an urge",
    discreetTitle="Riding the wave",
    whatFeelsDoable="I can try it when the urge to check comes",
    dose={"label": "When needed, and twice a week anyway", "dose": as_needed(2, minutes=5)},
    minimum={"label": "One breath with the urge", "dose": as_needed(0)},
    steps=["Notice the urge", "Breathe with it"],
    trackerFields=[{"label": "Urge before (0-10)", "kind": "rating-0-10"}],
    ladder=[{"step": "Notice the urge", "difficulty": 0}, {"step": "Let it pass", "difficulty": 9}],
    ladderStep=1,
    plan={"what": "Ride the urge", "time": None, "cue": "when it comes", "where": ""},
    status="draft",
    startsOn="2026-12-28",
    reviewBy="2026-12-28",  # due on the day it starts: allowed
)


def changed(record: dict, **changes: object) -> dict:
    """A copy of `record` with fields set (or, for the value `...`, removed)."""
    out = json.loads(json.dumps(record))
    for key, value in changes.items():
        if value is ...:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def v1_assignment(**changes: object) -> dict:
    """A copy of ASSIGNMENT_V1 with fields set (or, for the value `...`, removed)."""
    return changed(ASSIGNMENT_V1, **changes)


def v2_assignment(**changes: object) -> dict:
    """A copy of ASSIGNMENT_V2_AS_NEEDED with fields set (or, for `...`, removed)."""
    return changed(ASSIGNMENT_V2_AS_NEEDED, **changes)


def words_in(value: object) -> set[str]:
    """Every non-empty string in a record (its values, at any depth)."""
    if isinstance(value, str):
        return {value} if value else set()
    if isinstance(value, list):
        return set().union(*(words_in(v) for v in value))
    if isinstance(value, dict):
        return set().union(*(words_in(v) for v in value.values()))
    return set()


@test
def a_version_3_assignment_reads_with_every_field_of_the_builder():
    assert bw.TABLES["assignments"].schema_version == 3
    for record in (EXAMPLES["assignments"], FULL["assignments"], ASSIGNMENT_AS_NEEDED):
        assert reads("assignments", record) == record, record
    for good in (
        {"status": "paused"},
        {"days": [7, 1, 1]},  # any order, repeats allowed
        {"plan": {"what": "", "time": "00:00", "cue": "", "where": ""}},
        {"dose": None, "doseOptions": []},
        {"discreetWording": {}},
        {"barriers": [{"kind": "worried-someone-would-see", "barrier": "", "ifThen": ""}]},
        {"cautions": ["", " x "]},  # not trimmed, may be empty
        {"minimum": {"label": "", "dose": None}},
        {"reviewBy": "2026-10-07"},  # on the start date
        {"template": None},
    ):
        assert reads("assignments", example("assignments", **good))  # reads, no exception
    for bad in (
        {"goalIds": [IDS[2]]},  # a field of version 2
        {"status": "archived"},
        {"days": [0]},
        {"days": [8]},
        {"days": [1] * 8},
        {"plan": {"what": "", "time": "24:00", "cue": "", "where": ""}},
        {"plan": {"what": "", "time": "7:30", "cue": "", "where": ""}},
        {"plan": {"what": "", "time": "07:30:00", "cue": "", "where": ""}},
        {"plan": {"what": "", "time": "\uff10\uff17:30", "cue": "", "where": ""}},  # not ASCII
        {"barriers": [{"kind": "felt-too-hard", "barrier": "x", "ifThen": "y"}]},  # a review's
        {"barriers": [{"barrier": "x", "ifThen": "y"}]},  # no kind
        {"steps": [" "]},
        {"title": ""},
        {"discreetWording": ...},  # always present, null when there is none
        {"minimum": {"label": "x"}},
        {"doseOptions": [EXAMPLES["assignments"]["dose"]] * 5},
        {"goals": [{"goalId": IDS[2]}]},
        {"confidenceBefore": 11},
        {"importance": -1},
        {"builderStep": 4},
        {"revision": -1},
        {"updatedAt": None},
        {"cautionsAcknowledgedAt": "2026-10-06"},
    ):
        damaged("assignments", example("assignments", **bad))


@test
def an_assignment_due_for_review_before_it_starts_is_damaged():
    damaged("assignments", example("assignments", reviewBy="2026-10-06"))
    damaged("assignments", example("assignments", startsOn="2026-10-15"))  # after its review
    damaged("assignments", dict(ASSIGNMENT_AS_NEEDED, reviewBy="2026-12-27"))
    reads("assignments", example("assignments", startsOn="2026-10-14"))  # the same day
    reads("assignments", example("assignments", reviewBy="2027-01-01"))


@test
def a_template_reference_holds_only_a_template_id():
    for table, (part, _) in TEMPLATE_REF_PATHS.items():
        ref = dict(EXAMPLES[table][part])
        for good in ("x" * 120, "sleep-diary", IDS[3], "A_b-9"):
            assert reads(table, example(table, **{part: ref | {"templateId": good}}))
        for bad in (
            "", "x" * 121, "sleep diary", " sleep-diary", "sleep-diary\n", "sleep\u0000diary",
            "sleep\u202ediary", "sleep\tdiary", "sl\u00e9ep", "sleep.diary", "sleep/diary", 7,
        ):  # fmt: skip
            damaged(table, example(table, **{part: ref | {"templateId": bad}}))
        damaged(table, example(table, **{part: ref | {"version": 0}}))


@test
def a_version_2_assignment_is_upgraded_to_version_3_keeping_every_word():
    upgraded = bw.read_record("assignments", 2, v2_assignment())
    assert upgraded == {
        **ASSIGNMENT_V1_AS_V3,
        "template": {"templateId": "urge-surfing", "version": 1},
        "title": "Riding out an urge",
        "discreetTitle": "Riding out an urge",
        "whatFeelsDoable": "I can try it when the urge to check comes",
        "goals": [{"goalId": IDS[2], "words": ""}],
        "steps": ["Notice the urge", "Breathe with it"],
        "dose": {"label": "When needed, and twice a week anyway", "dose": as_needed(2, minutes=5)},
        "minimum": {"label": "One breath with the urge", "dose": None},  # trimmed, no numbers
        "plan": {"what": "Ride the urge", "time": None, "cue": "when it comes", "where": ""},
        "ladder": ASSIGNMENT_V2_AS_NEEDED["ladder"],  # already 0-10: not divided again
        "ladderStep": 1,
        "trackerFields": [{"label": "Urge before (0-10)", "kind": "rating-0-10"}],
        "barriers": [
            {"kind": "other", "barrier": "I forget", "ifThen": "If I forget, I set a reminder."},
            {
                "kind": "other",
                "barrier": "Too tired",
                "ifThen": "If I am tired, one breath counts.",
            },
        ],
        "backupPlan": "Ten seconds, once.",
        "confidenceBefore": None,  # null stays null
        "status": "completed",
        "replaces": ASSIGNMENT_V2_AS_NEEDED["replaces"],
        "startsOn": "2026-12-28",
        "reviewBy": "2027-01-04",  # a week later, into the next year
    }, upgraded
    kept = {w.strip() for w in words_in(ASSIGNMENT_V2_AS_NEEDED)}
    assert kept <= words_in(upgraded), kept - words_in(upgraded)
    # The review is due 7 days after the start, on the proleptic Gregorian calendar.
    for starts_on, review_by in (
        ("2028-02-25", "2028-03-03"), ("2027-02-25", "2027-03-04"), ("2100-02-25", "2100-03-04"),
        ("2000-02-25", "2000-03-03"), ("0000-02-26", "0000-03-04"), ("9999-12-24", "9999-12-31"),
    ):  # fmt: skip
        read = bw.read_record("assignments", 2, v2_assignment(startsOn=starts_on))
        assert read["reviewBy"] == review_by, (starts_on, read["reviewBy"])
    # Not checked as version 2 first: the upgrade takes what is there, then version 3 is checked.
    quirks = {
        "confidence": (5, ("confidenceBefore", 5)),
        "dose": (None, ("dose", None)),  # version 2 needed a dose; version 3 need not have one
        "goalIds": ("x", ("goals", [])),  # anything but an array: no goals
        "barriers": (None, ("barriers", [])),
        "discreetTitle": ("Stale", ("discreetTitle", "Riding out an urge")),  # replaced
        "reviewBy": ("2030-01-01", ("reviewBy", "2027-01-04")),
        "revision": (9, ("revision", 0)),
        "updatedAt": ("2030-01-01T00:00:00.000Z", ("updatedAt", AT)),
        "status": ("draft", ("status", "draft")),
    }
    for key, (stored, (field, read_as)) in quirks.items():
        read = bw.read_record("assignments", 2, v2_assignment(**{key: stored}))
        assert read[field] == read_as, (key, read[field])
    kinded = [{"kind": "forgot", "barrier": "I forget", "ifThen": "Then after lunch."}]
    assert bw.read_record("assignments", 2, v2_assignment(barriers=kinded))["barriers"] == kinded
    extra = {"what": "x", "when": "y", "where": "z", "how": "dropped"}
    read = bw.read_record("assignments", 2, v2_assignment(implementationIntention=extra))
    assert read["plan"] == {"what": "x", "time": None, "cue": "y", "where": "z"}, read["plan"]
    for bad in (
        {"title": ...},
        {"clientWords": ...},
        {"minimumDose": None},
        {"confidence": ...},
        {"createdAt": ...},
        {"implementationIntention": None},
        {"implementationIntention": {"what": "x", "where": "z"}},  # no `when`, so no cue
        {"barriers": [None]},
        {"barriers": ["Rain"]},
        {"barriers": [{"kind": "felt-too-hard", "barrier": "x", "ifThen": "y"}]},
        {"steps": [""]},  # version 2 allowed an empty step; version 3 does not
        {"goalIds": [None]},
        {"startsOn": "9999-12-25"},  # its review would be due in the year 10000
        {"startsOn": "2026-02-29"},
        {"startsOn": None},
        {"startsOn": ...},
        {"extra": 1},
    ):
        expect_error("RECORD_DAMAGED", bw.read_record, "assignments", 2, v2_assignment(**bad))
    # A version-3 record is not read as version 2, nor a version-2 record as version 3.
    expect_error("RECORD_DAMAGED", bw.read_record, "assignments", 2, EXAMPLES["assignments"])
    expect_error("RECORD_DAMAGED", bw.read_record, "assignments", 3, v2_assignment())
    for version in (0, 4):
        expect_error("RECORD_DAMAGED", bw.read_record, "assignments", version, v2_assignment())
        expect_error(
            "RECORD_DAMAGED", bw.read_record, "assignments", version, EXAMPLES["assignments"]
        )


@test
def a_version_1_assignment_is_upgraded_to_version_3_keeping_every_word():
    read = bw.read_record("assignments", 1, v1_assignment())
    assert read == ASSIGNMENT_V1_AS_V3, read
    assert words_in(ASSIGNMENT_V1) <= words_in(read), words_in(ASSIGNMENT_V1) - words_in(read)
    # 1 -> 2: difficulties 0-100 become 0-10, a half rounded up (JavaScript's Math.round).
    ladder = v1_ladder(0, 4, 5, 14, 15, 25, 35, 40, 44, 45, 95, 100)
    read = bw.read_record("assignments", 1, v1_assignment(ladder=ladder))
    assert [r["difficulty"] for r in read["ladder"]] == [0, 0, 1, 1, 2, 3, 4, 4, 4, 5, 10, 10]

    def dose_of(dose: object) -> dict:
        return bw.read_record("assignments", 1, v1_assignment(dose=dose))["dose"]

    # Not checked as version 1 first: the upgrade takes what is there.
    assert dose_of({"label": "x", "timesPerWeek": 2, "minutes": None}) == {
        "label": "x",
        "dose": per_week(2),
    }
    assert dose_of({"label": "x", "timesPerWeek": "2", "note": 1})["dose"] == per_week(1)
    # A dose already in the version-2 shape, sealed at version 1, loses its dose: once a week.
    assert dose_of({"label": "x", "dose": as_needed(3, minutes=5)})["dose"] == per_week(1)

    def ladder_of(**changes: object) -> list:
        return bw.read_record("assignments", 1, v1_assignment(**changes))["ladder"]

    assert ladder_of(ladder=v1_ladder(101, -5, 4.5)) == v1_ladder(10, 0, 0)
    assert ladder_of(ladder=[{"step": "x", "difficulty": "40"}]) == [{"step": "x"}]
    assert ladder_of(ladder=...) == [] and ladder_of(ladder=None) == []
    # The upgraded record goes on to version 3 and is checked as version 3.
    for bad in (
        {"dose": ...},
        {"dose": None},  # 1 -> 2 makes it {"dose": ...} with no label, although 3 allows null
        {"dose": []},
        {"dose": {"timesPerWeek": 3}},
        {"dose": {"label": "x", "timesPerWeek": 22}},
        {"dose": {"label": "x", "timesPerWeek": 3.5}},
        {"ladder": v1_ladder(105)},  # 10.5 rounds to 11
        {"ladder": v1_ladder(-6)},
        {"ladder": [None]},
        {"ladder": [7]},
        {"implementationIntention": ...},
        {"startsOn": "2026-11-31"},
        {"extra": 1},
    ):
        expect_error("RECORD_DAMAGED", bw.read_record, "assignments", 1, v1_assignment(**bad))
    # Its text is repaired with the version-3 one-line fields, after both upgrades.
    read = bw.read_record("assignments", 1, v1_assignment(dose={"label": "Daily\r\nor so"}))
    assert read["dose"] == {"label": "Daily or so", "dose": per_week(1)}, read["dose"]
    stored = v1_assignment(title=" A\u2028walk ", minimumDose="a\nb")
    read = bw.read_record("assignments", 1, stored)
    assert (read["title"], read["discreetTitle"], read["minimum"]["label"]) == (
        "A walk", "A walk", "a b",
    ), read  # fmt: skip
    # A version-1 record is not read as version 2 or 3.
    expect_error("RECORD_DAMAGED", bw.read_record, "assignments", 2, v1_assignment())
    expect_error("RECORD_DAMAGED", bw.read_record, "assignments", 3, v1_assignment())


# ---------------------------------------------------------------- sessions, preferences (4.7)


@test
def a_version_3_session_holds_its_review_items_and_the_assignments_set_in_it():
    assert bw.TABLES["sessions"].schema_version == 3
    assert reads("sessions", FULL["sessions"]) == FULL["sessions"]
    for reviewed_first in (True, False, None):
        reads("sessions", example("sessions", reviewedFirst=reviewed_first))
    for bad in ("true", 0, 1, ...):  # a boolean or null, always present
        damaged("sessions", example("sessions", reviewedFirst=bad))
    item = EXAMPLES["sessions"]["reviewItems"][0]
    reason = reads("sessions", example("sessions", reviewItems=[
        item | {"state": "deferred", "deferredBecause": " Crisis check first.\n "},
    ]))["reviewItems"][0]["deferredBecause"]  # fmt: skip
    assert reason == "Crisis check first.", reason  # trimmed, may run over several lines
    reads("sessions", example("sessions", reviewItems=[item | {"deferredBecause": "kept"}]))
    reads("sessions", example("sessions", reviewItems=[item] * 20, assignmentIds=[IDS[2]] * 20))
    without_review_id = {k: v for k, v in item.items() if k != "reviewId"}
    for bad in (
        {"reviewItems": [item] * 21},
        {"assignmentIds": [IDS[2]] * 21},
        {"reviewItems": [item | {"state": "skipped"}]},
        {"reviewItems": [item | {"deferredBecause": "x" * 501}]},
        {"reviewItems": [without_review_id]},  # null when there is none, never absent
        {"reviewItems": [item | {"note": ""}]},
        {"reviewItems": ...},
        {"revision": 1.5},
        {"updatedAt": "2026-10-06"},
    ):
        damaged("sessions", example("sessions", **bad))


@test
def a_deferred_review_item_without_a_reason_is_damaged():
    item = EXAMPLES["sessions"]["reviewItems"][0]
    for reason in ("", " ", "\n\t\u3000", "\r\n"):
        deferred = item | {"state": "deferred", "deferredBecause": reason}
        damaged("sessions", example("sessions", reviewItems=[deferred]))
    # Only a deferred item needs one; the others may have none.
    for state in ("to-review", "reviewed"):
        reads("sessions", example("sessions", reviewItems=[item | {"state": state}]))
    reads("sessions", example("sessions", reviewItems=[
        item | {"state": "deferred", "deferredBecause": "Out of time."},
    ]))  # fmt: skip


@test
def a_version_1_session_is_upgraded_as_section_4_7_says():
    read = bw.read_record("sessions", 1, changed(SESSION_V1))
    assert read == {
        **SESSION_V1,
        "reviewItems": [],
        "assignmentIds": [],
        "revision": 0,
        "updatedAt": AT,  # its createdAt
        "reviewedFirst": None,  # then on to version 3
    }, read
    assert words_in(SESSION_V1) <= words_in(read)
    # Fields of versions 2 and 3 stored at version 1 are replaced, never read.
    stale = changed(
        SESSION_V1, reviewItems=[1], assignmentIds=[2], revision=5, updatedAt="x",
        reviewedFirst=True,
    )  # fmt: skip
    assert bw.read_record("sessions", 1, stale) == read
    # Its text is repaired, then it is checked as version 2.
    topics = bw.read_record("sessions", 1, changed(SESSION_V1, topics=["Sle\r\nep"]))["topics"]
    assert topics == ["Sle ep"], topics
    for bad in ({"createdAt": ...}, {"topics": [""]}, {"extra": 1}, {"status": "done"}):
        expect_error("RECORD_DAMAGED", bw.read_record, "sessions", 1, changed(SESSION_V1, **bad))
    expect_error("RECORD_DAMAGED", bw.read_record, "sessions", 2, changed(SESSION_V1))
    for version in (0, 4):
        expect_error("RECORD_DAMAGED", bw.read_record, "sessions", version, EXAMPLES["sessions"])


@test
def a_version_2_session_is_upgraded_with_the_order_of_reviewing_not_recorded():
    read = bw.read_record("sessions", 2, changed(SESSION_V2))
    assert read == {**SESSION_V2, "reviewedFirst": None}, read
    # A stored field of that name (never written at version 2) is replaced.
    assert bw.read_record("sessions", 2, changed(SESSION_V2, reviewedFirst=True)) == read
    # Not checked as version 2 first: only the result is checked, as version 3.
    for bad in ({"reviewItems": ...}, {"extra": 1}, {"revision": -1}):
        expect_error("RECORD_DAMAGED", bw.read_record, "sessions", 2, changed(SESSION_V2, **bad))
    # A version-3 record without the field is damaged; a version-2 one is not read as version 3.
    expect_error("RECORD_DAMAGED", bw.read_record, "sessions", 3, changed(SESSION_V2))


@test
def version_1_preferences_are_upgraded_as_section_4_7_says():
    assert bw.TABLES["preferences"].schema_version == 3
    read = bw.read_record("preferences", 1, changed(PREFERENCES_V1))
    assert read == {**PREFERENCES_V1, "practiceWording": "practice", **HANDOUTS_NEVER_CHOSEN}, read
    stale = changed(PREFERENCES_V1, practiceWording="this-weeks-plan")
    assert bw.read_record("preferences", 1, stale)["practiceWording"] == "practice"
    reads("preferences", example("preferences", practiceWording="practice"))
    for bad in ("homework", "", None, ...):
        damaged("preferences", example("preferences", practiceWording=bad))
    expect_error("RECORD_DAMAGED", bw.read_record, "preferences", 2, changed(PREFERENCES_V1))
    bad_v1 = changed(PREFERENCES_V1, initialsOnlyInLists=...)
    expect_error("RECORD_DAMAGED", bw.read_record, "preferences", 1, bad_v1)
    for version in (0, 4):
        expect_error(
            "RECORD_DAMAGED", bw.read_record, "preferences", version, EXAMPLES["preferences"]
        )


@test
def version_2_preferences_are_upgraded_with_handouts_never_chosen():
    read = bw.read_record("preferences", 2, changed(PREFERENCES_V2))
    assert read == {**PREFERENCES_V2, **HANDOUTS_NEVER_CHOSEN}, read
    # Fields of those names stored at version 2 (never written by Bridgework) are replaced.
    stale = changed(PREFERENCES_V2, pageSize="letter", largePrint=True, practiceName="x")
    assert bw.read_record("preferences", 2, stale) == read
    expect_error("RECORD_DAMAGED", bw.read_record, "preferences", 3, changed(PREFERENCES_V2))
    for field, good, bad in (
        ("pageSize", ["letter", "a4", None], ["A4", "legal", ""]),
        ("nameOnHandouts", ["first-name", "initials", "none"], ["full-name", None]),
        ("largePrint", [True, False], [0, "yes", None]),
        ("practiceName", ["", " Fjordside ", "x" * 120], ["x" * 121, None, "a\u2028" * 61]),
        ("clinicianName", ["", "Nguyễn Thị Mai"], ["x" * 121, 1]),
    ):
        for value in good:
            reads("preferences", example("preferences", **{field: value}))
        for value in bad:
            damaged("preferences", example("preferences", **{field: value}))
    assert reads("preferences", example("preferences", practiceName=" Fjordside\r\n"))[
        "practiceName"
    ] == "Fjordside"


@test
def an_export_entry_names_what_was_made():
    for fmt in (
        "pdf", "ics", "png", "csv", "template-pack", "handout-pdf", "tracker-pdf",
        "session-summary-pdf", "recovery-sheet-pdf", "calendar-ics", "reminder-png",
    ):  # fmt: skip
        assert reads("log", example("log", format=fmt))["format"] == fmt
    for bad in ("PDF", "handout", "reminder-jpeg", "", None):
        damaged("log", example("log", format=bad))


# ---------------------------------------------------------------- reviews (4.7)

REVIEW = EXAMPLES["reviews"]
REVIEW_V1_READ = {  # REVIEW_V1 as section 4.7 says it reads
    **REVIEW_V1,
    "outcome": "some-of-it",
    "smallestVersionMet": None,
    "amountFrom": "estimate",
    "quality": 3,
    "helpful": None,
    "hard": None,
    "understoodWhy": None,
    "fitsGoals": None,
    "reportedBy": ["client-account", "observed-in-session"],
    "barriersMet": [{"kind": "forgot", "note": ""}, {"kind": "too-big-or-hard", "note": ""}],
    "ifThenPlan": None,
    "backupPlan": None,
    "madeThingsWorse": None,
    "worseNote": "",
    "happened": "",
    "nextAssignmentId": None,
    "finished": True,
    "revision": 0,
    "createdAt": AT,
    "updatedAt": AT,
}


def v1_review(**changes: object) -> dict:
    """A copy of REVIEW_V1 with fields set (or, for the value `...`, removed)."""
    return changed(REVIEW_V1, **changes)


def read_v1_review(**changes: object) -> dict:
    return bw.read_record("reviews", 1, v1_review(**changes))


@test
def a_version_2_review_reads_with_what_the_review_flow_records():
    table = bw.TABLES["reviews"]
    assert (table.schema_version, sorted(table.upgrades), table.one_line) == (2, [1], ())
    for record in (REVIEW, FULL["reviews"]):
        assert reads("reviews", record) == record, record
    # Being filled in: everything may still be unanswered.
    unanswered = example(
        "reviews", outcome=None, smallestVersionMet=None, amountFrom=None, percentDone=None,
        quality=None, helpful=None, hard=None, fitsGoals=None, reportedBy=[], barriersMet=[],
        ifThenPlan=None, madeThingsWorse=None, learned="", decision=None, finished=False,
    )  # fmt: skip
    assert reads("reviews", unanswered) == unanswered
    every_source = ["observed-in-session", "returned-tracker", "client-account"]
    every_kind = [{"kind": kind, "note": ""} for kind in bw.BARRIER_KINDS]
    for field, good, bad in (
        ("outcome", ["did-it", "some-of-it", "something-different", "not-this-time"],
         ["done", "partly", "not-done", "Did it", ""]),
        ("decision", ["continue", "step-up", "make-smaller", "modify", "pause", "stop",
                      "completed"], ["paused", "", "Continue"]),
        ("amountFrom", ["tracker", "estimate", None], ["grid", ""]),
        ("percentDone", [0, 100, 57.0, None], [-1, 101, 50.5, "60"]),
        ("quality", [0, 4, None], [5, -1, 2.5, True]),
        ("engagement", [0, 4], [10]),
        ("helpful", [1], [7]),
        ("hard", [2], [-1]),
        ("understoodWhy", [3], [4.5]),
        ("fitsGoals", [4], ["4"]),
        ("smallestVersionMet", [True, False, None], ["yes", 1]),
        ("reportedBy", [[], every_source], ["both", ["client"], every_source + ["other"], None]),
        ("barriersMet", [[], every_kind], [["forgot"], [{"kind": "felt-too-hard", "note": ""}],
                                           [{"kind": "forgot"}], None]),
        ("ifThenPlan", ["not-needed", "not-used", "helped", "helped-a-little", "did-not-help"],
         ["used", "helped a little"]),
        ("backupPlan", ["did-not-help", None], ["no"]),
        ("madeThingsWorse", ["no", "yes", None], [True, False, "maybe"]),
        ("nextAssignmentId", [IDS[3], None], ["", IDS[3][:21]]),
        ("finished", [True, False], [None, "true"]),
        ("revision", [0, 2**53 - 1], [-1, 0.5]),
        ("createdAt", [AT], ["2026-10-06"]),
        ("updatedAt", [AT], [None]),
    ):  # fmt: skip
        for value in good:
            reads("reviews", example("reviews", **{field: value}))
        for value in bad:
            damaged("reviews", example("reviews", **{field: value}))
    # The text limits (reviewTextLimits); only a barrier's note is trimmed.
    for field, limit in (("barrierNotes", 1000), ("worseNote", 1000), ("happened", 2000),
                         ("learned", 2000), ("wins", 1000), ("decisionReason", 1000)):  # fmt: skip
        assert reads("reviews", example("reviews", **{field: " x" * (limit // 2)}))[field] == (
            " x" * (limit // 2)
        )
        damaged("reviews", example("reviews", **{field: "x" * (limit + 1)}))
    note = " " + "n" * 300 + "\n"
    met = reads("reviews", example("reviews", barriersMet=[{"kind": "other", "note": note}]))
    assert met["barriersMet"] == [{"kind": "other", "note": "n" * 300}], met["barriersMet"]
    damaged("reviews", example("reviews", barriersMet=[{"kind": "other", "note": "n" * 301}]))


@test
def a_review_lists_no_kind_or_source_twice_and_a_finished_one_has_an_outcome_and_a_decision():
    twice = [{"kind": "forgot", "note": "a"}, {"kind": "forgot", "note": "b"}]
    damaged("reviews", example("reviews", barriersMet=twice))
    damaged("reviews", example("reviews", reportedBy=["client-account", "client-account"]))
    for unanswered in ({"outcome": None}, {"decision": None}, {"outcome": None, "decision": None}):
        damaged("reviews", example("reviews", **unanswered))
        reads("reviews", example("reviews", finished=False, **unanswered))  # still being filled in
    # 15 kinds, each once; a 16th item is necessarily a repeat.
    every_kind = [{"kind": kind, "note": ""} for kind in bw.BARRIER_KINDS]
    assert len(every_kind) == 15
    damaged("reviews", example("reviews", barriersMet=every_kind + every_kind[:1]))


@test
def a_version_1_review_is_upgraded_to_version_2_keeping_every_word():
    read = bw.read_record("reviews", 1, changed(REVIEW_V1))
    assert read == REVIEW_V1_READ, read
    assert words_in(REVIEW_V1) - {"partly", "both", "felt-too-hard"} <= words_in(read)
    # Every name of version 1 in version 2.
    for old, new in (("done", "did-it"), ("partly", "some-of-it"), ("not-done", "not-this-time")):
        assert read_v1_review(outcome=old)["outcome"] == new
    for old, new in (("client", ["client-account"]), ("therapist", ["observed-in-session"]),
                     ("both", ["client-account", "observed-in-session"])):  # fmt: skip
        assert read_v1_review(reportedBy=old)["reportedBy"] == new
    renamed = {
        "forgot": "forgot", "no-time": "no-time", "low-energy-or-mood": "low-energy-or-mood",
        "felt-too-hard": "too-big-or-hard", "unclear-what-to-do": "unclear-when-where-how",
        "didnt-seem-useful": "unsure-why-it-helps", "avoidance-or-fear": "feelings-or-avoidance",
        "other-people": "other-people", "circumstances-changed": "chaotic-week",
        "illness": "illness", "other": "other",
    }  # fmt: skip
    every = read_v1_review(barriersMet=list(renamed))["barriersMet"]
    assert every == [{"kind": kind, "note": ""} for kind in renamed.values()], every
    # The 0-10 ratings on the 0-4 scale: Math.round(q * 4 / 10), a half up; only an integer
    # 0-10 is rated (10.0 is the integer 10); null, or none, is null.
    for q, r in ((0, 0), (1, 0), (2, 1), (3, 1), (4, 2), (5, 2), (6, 2), (7, 3), (8, 3), (9, 4),
                 (10, 4), (10.0, 4), (-0.0, 0), (None, None)):  # fmt: skip
        assert read_v1_review(quality=q, engagement=q)["engagement"] == r, (q, r)
    assert read_v1_review(quality=...)["quality"] is None
    # Anything else is kept as it is, so the record is damaged, never given a made-up rating.
    for q in (11, -1, 7.5, 1.25, -1.25, 12, -2, 1e308, "7", True, False, [7], {}):
        expect_error("RECORD_DAMAGED", lambda: read_v1_review(quality=q))
        expect_error("RECORD_DAMAGED", lambda: read_v1_review(engagement=q))
    # Decisions and outcomes of version 2 stored at version 1 pass; so does pause; so do
    # sources of version 2.
    assert read_v1_review(decision="pause", outcome="something-different")["outcome"] == (
        "something-different"
    )
    for sources in ([], ["client-account"], ["observed-in-session", "returned-tracker"]):
        assert read_v1_review(reportedBy=sources)["reportedBy"] == sources, sources
    # A kind met twice (after renaming) is listed once; no kinds at all are [].
    kinds = read_v1_review(barriersMet=["felt-too-hard", "too-big-or-hard", "forgot", "forgot"])
    assert [met["kind"] for met in kinds["barriersMet"]] == ["too-big-or-hard", "forgot"], kinds
    for kinds in (..., None, "forgot", {"forgot": 1}):
        assert read_v1_review(barriersMet=kinds)["barriersMet"] == [], kinds
    # A name is found only when it is text and one of the table's own names: anything else is
    # kept as it is, so an unknown outcome, source or kind makes the record damaged. Arrays are
    # not looked up by their items, nor the names of JavaScript's object members.
    unknown = ("skipped", "", "Done", " done", "client-account", "nobody", None, 3, True,
               ["done"], [["partly"]], ["client"], ["both"], ["forgot"], ["felt-too-hard"],
               {"client": True}, "toString", "constructor", "__proto__", "valueOf",
               "hasOwnProperty", "prototype", "length")  # fmt: skip
    for value in unknown:
        expect_error("RECORD_DAMAGED", lambda: read_v1_review(outcome=value))
        expect_error("RECORD_DAMAGED", lambda: read_v1_review(barriersMet=[value]))
        expect_error("RECORD_DAMAGED", lambda: read_v1_review(reportedBy=value))
    for value in (..., [None], ["client", "therapist"], [1], ["toString"]):
        expect_error("RECORD_DAMAGED", lambda: read_v1_review(reportedBy=value))
    # Stored fields of version 2 are replaced, never read.
    stale = v1_review(finished=False, revision=9, happened="x", createdAt="y", helpful=2)
    assert bw.read_record("reviews", 1, stale) == REVIEW_V1_READ
    # Anything else wrong stays wrong; the result is checked as version 2, rules included.
    for bad in (
        {"percentDone": ...}, {"outcome": ...}, {"outcome": None}, {"outcome": "skipped"},
        {"decision": ...}, {"decision": None}, {"decision": "later"}, {"reviewedAt": ...},
        {"barriersMet": ["bored"]}, {"barriersMet": [None]}, {"barriersMet": [1]},
        {"learned": "x" * 2001}, {"extra": 1}, {"clientId": None},
    ):  # fmt: skip
        expect_error("RECORD_DAMAGED", lambda: read_v1_review(**bad))
    assert read_v1_review(percentDone=None)["percentDone"] is None
    # Its text is repaired like any (no one-line fields): CR line ends, hidden controls.
    text = read_v1_review(learned="a\r\nb\u0000", wins="\u2028")
    assert (text["learned"], text["wins"]) == ("a\nb\ufffd", "\u2028"), text
    # A record is read as the version it is sealed at.
    expect_error("RECORD_DAMAGED", bw.read_record, "reviews", 2, changed(REVIEW_V1))
    expect_error("RECORD_DAMAGED", bw.read_record, "reviews", 1, changed(REVIEW))
    for version in (0, 3):
        expect_error("RECORD_DAMAGED", bw.read_record, "reviews", version, changed(REVIEW))


# ---------------------------------------------------------------- session calendars (4.7)

CALENDAR = EXAMPLES["sessionCalendars"]
CALENDAR_ENTRY = CALENDAR["entries"][0]


def calendar(*entries: object, **changes: object) -> dict:
    """The example calendar with these entries (and fields set, or removed for `...`)."""
    return example("sessionCalendars", entries=list(entries), **changes)


@test
def a_session_calendar_lists_when_each_session_starts_and_where_it_stands():
    table = bw.TABLES["sessionCalendars"]
    assert (table.schema_version, table.upgrades, table.one_line) == (2, {}, ())
    assert table.index_fields == ("clientId",) and "sessionCalendars" in bw.CLIENT_OWNED_TABLES
    assert table.left_out_versions == (1,)
    assert reads("sessionCalendars", CALENDAR) == CALENDAR
    # Not checked: that the entries are earliest first, that a session is listed once, that the
    # sessions exist. An empty calendar has the right shape (Bridgework removes it instead).
    backwards = calendar(*reversed(CALENDAR["entries"]))
    assert reads("sessionCalendars", backwards) == backwards
    reads("sessionCalendars", calendar(CALENDAR_ENTRY, CALENDAR_ENTRY))
    reads("sessionCalendars", calendar())
    for status in ("planned", "held", "cancelled"):
        reads("sessionCalendars", calendar(CALENDAR_ENTRY | {"status": status}))
    for reviewed_first, set_practice in ((True, True), (False, False), (None, True)):
        changes = {"reviewedFirst": reviewed_first, "setPractice": set_practice}
        reads("sessionCalendars", calendar(CALENDAR_ENTRY | changes))
    # Up to 100,000 entries.
    most = [CALENDAR_ENTRY] * 100_000
    assert len(reads("sessionCalendars", calendar(*most))["entries"]) == 100_000
    damaged("sessionCalendars", calendar(*most, CALENDAR_ENTRY))


@test
def a_damaged_session_calendar_is_refused():
    for bad_entry in (
        CALENDAR_ENTRY | {"status": "no-show"},
        CALENDAR_ENTRY | {"status": "Held"},
        CALENDAR_ENTRY | {"status": None},
        CALENDAR_ENTRY | {"sessionId": "session-1"},
        CALENDAR_ENTRY | {"sessionId": IDS[2] + "A"},
        CALENDAR_ENTRY | {"sessionId": None},
        CALENDAR_ENTRY | {"startsAt": "2026-10-06"},
        CALENDAR_ENTRY | {"startsAt": "2026-10-06T10:00:00.000+01:00"},
        CALENDAR_ENTRY | {"startsAt": None},
        CALENDAR_ENTRY | {"durationMinutes": 50},  # strict: no field of another name
        CALENDAR_ENTRY | {"reviewedFirst": "yes"},
        CALENDAR_ENTRY | {"setPractice": None},  # a boolean, never null
        CALENDAR_ENTRY | {"setPractice": 1},
        changed(CALENDAR_ENTRY, status=...),
        changed(CALENDAR_ENTRY, startsAt=...),
        changed(CALENDAR_ENTRY, reviewedFirst=...),  # always present
        changed(CALENDAR_ENTRY, setPractice=...),
        changed(CALENDAR_ENTRY, reviewedFirst=..., setPractice=...),  # an entry of version 1
        None,
        IDS[2],
        [IDS[2], AT, "held"],
    ):
        damaged("sessionCalendars", calendar(CALENDAR_ENTRY, bad_entry))
    for bad in (
        {"entries": None},
        {"entries": {}},
        {"entries": IDS[2]},
        {"clientId": None},
        {"sessions": []},
        {"updatedAt": AT},
    ):
        damaged("sessionCalendars", example("sessionCalendars", **bad))
    # Version 2 has no upgrade from version 1 (section 4.7): read as damaged, like any other.
    for version, record in ((0, CALENDAR), (1, CALENDAR), (1, version_1(CALENDAR)), (3, CALENDAR)):
        expect_error("RECORD_DAMAGED", bw.read_record, "sessionCalendars", version, record)


ADA = "8Ogs1bWt1hiifSkTVZne5g"  # the demo's clients (section 8.10)
JONAS = "5BmChhXHgoYGLAO4m-GgbA"


def session_id(n: int) -> str:
    return f"Ss{n}-Aa0_Bb1cCd2Ee3Ff4A"


def a_session(n: int, client_id: str, starts_at: str, status: str, **more: object) -> dict:
    return example(
        "sessions", id=session_id(n), clientId=client_id, startsAt=starts_at, status=status,
        reviewItems=[], **more,
    )  # fmt: skip


def calendar_of(n: int, client_id: str, sessions: list[dict]) -> dict:
    """A client's calendar as Bridgework writes it: every session of theirs, earliest first."""
    mine = sorted((s for s in sessions if s["clientId"] == client_id), key=lambda s: s["startsAt"])
    return {
        "id": f"Cc{n}-Aa0_Bb1cCd2Ee3Ff4A",
        "clientId": client_id,
        "entries": [
            {
                "sessionId": s["id"],
                "startsAt": s["startsAt"],
                "status": s["status"],
                "reviewedFirst": s["reviewedFirst"],
                "setPractice": len(s["assignmentIds"]) > 0,
            }
            for s in mine
        ],
    }


def version_1(calendar: dict) -> dict:
    """A calendar as calendar schema version 1 held it: no review order, no practice set."""
    entries = [changed(e, reviewedFirst=..., setPractice=...) for e in calendar["entries"]]
    return {**calendar, "entries": entries}


SESSIONS = [
    a_session(1, ADA, "2026-10-13T09:00:00.000Z", "planned"),
    a_session(2, ADA, "2026-10-06T09:00:00.000Z", "held", reviewedFirst=True,
              assignmentIds=[IDS[2]]),
    a_session(3, JONAS, "2026-10-07T15:30:00.000Z", "cancelled"),
]  # fmt: skip
CALENDARS = [calendar_of(1, ADA, SESSIONS), calendar_of(2, JONAS, SESSIONS)]


def entries_of(table: str, records: list[dict], schema_version: int) -> list[bytes]:
    """Record entries of one table, in id order (section 8.4)."""
    key, vault_id = demo().data_key, demo().backup.header.vault_id
    return [
        record_entry(table, r["id"], seal_record(key, vault_id, table, r, schema_version))
        for r in sorted(records, key=lambda r: r["id"].encode())
    ]


def backup_with_sessions(
    calendars: list[dict], sessions: list[dict] = SESSIONS, calendar_version: int = 2
) -> bytes:
    """The fixture's records, then the calendars, then the sessions (version 3)."""
    return build_backup(
        record_entries(FILE)
        + entries_of("sessionCalendars", calendars, calendar_version)
        + entries_of("sessions", sessions, 3)
    )


@test
def a_backup_holds_session_calendars_before_the_sessions_they_are_made_from():
    assert b"sessionCalendars" < b"sessions"  # "C" (43) < "s" (73): section 8.4
    result = bw.decrypt_backup(backup_with_sessions(CALENDARS), PASS)
    assert list(result.records) == ["clients", "goals", "sessionCalendars", "sessions"]
    assert result.records["sessionCalendars"] == CALENDARS
    ada = result.records["sessionCalendars"][0]["entries"]
    assert [e["sessionId"] for e in ada] == [session_id(2), session_id(1)]  # earliest first
    assert result.calendars_out_of_step == [] and result.unknown_tables == []
    assert "session calendars are derived" not in bw.summary(result)
    # The other way round is out of order.
    swapped = build_backup(
        record_entries(FILE)
        + entries_of("sessions", SESSIONS, 3)
        + entries_of("sessionCalendars", CALENDARS, 2)
    )
    expect_error("DAMAGED", bw.read_backup, swapped)
    # Records are all or nothing: a damaged calendar fails the backup like any record.
    bad = calendar_of(1, ADA, SESSIONS)
    bad["entries"][0]["status"] = "no-show"
    with_bad = backup_with_sessions([bad, CALENDARS[1]])
    expect_error("RECORD_DAMAGED", bw.decrypt_backup, with_bad, PASS)


@test
def calendars_out_of_step_with_the_sessions_are_noted_and_the_sessions_count():
    # A backup from before calendars: every client with sessions has none. It reads in full.
    older = bw.decrypt_backup(backup_with_sessions([]), PASS)
    assert "sessionCalendars" not in older.records and len(older.records["sessions"]) == 3
    assert older.calendars_out_of_step == sorted([ADA, JONAS]), older.calendars_out_of_step
    # A calendar that no longer matches: a date moved, a session missing, a status changed.
    moved = calendar_of(1, ADA, SESSIONS)
    moved["entries"][1]["startsAt"] = "2026-10-14T09:00:00.000Z"
    missing = calendar_of(2, JONAS, SESSIONS[:2])  # lists none of Jonas's sessions
    for calendars, expected in (
        ([moved, CALENDARS[1]], [ADA]),
        ([CALENDARS[0], missing], [JONAS]),
        ([calendar_of(1, ADA, SESSIONS)], [JONAS]),
        ([CALENDARS[0], calendar_of(2, JONAS, [SESSIONS[2] | {"status": "held"}])], [JONAS]),
        # Another review order, or practice set where none was.
        ([calendar_of(1, ADA, [SESSIONS[0], SESSIONS[1] | {"reviewedFirst": False}]),
          CALENDARS[1]], [ADA]),
        ([calendar_of(1, ADA, [SESSIONS[0] | {"assignmentIds": [IDS[3]]}, SESSIONS[1]]),
          CALENDARS[1]], [ADA]),
        # Two calendars for one client (Bridgework keeps one).
        (CALENDARS + [calendar_of(3, JONAS, SESSIONS)], [JONAS]),
        # A calendar of a client with no sessions (left behind) that lists some.
        (CALENDARS + [calendar_of(3, IDS[1], [a_session(4, IDS[1], AT, "held")])], [IDS[1]]),
    ):
        result = bw.decrypt_backup(backup_with_sessions(calendars), PASS)
        assert result.calendars_out_of_step == expected, (result.calendars_out_of_step, expected)
        assert result.records["sessions"] == sorted(SESSIONS, key=lambda s: s["id"])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "older.bwvault"
        path.write_bytes(backup_with_sessions([]))
        run = run_cli(str(path), str(PASSPHRASE))
    assert run.returncode == 0, run.stderr
    assert "session calendars are derived from the sessions" in run.stdout, run.stdout
    assert f"their sessions are what counts: {JONAS}, {ADA}" in run.stdout, run.stdout


@test
def calendars_of_version_1_are_left_out_not_refused_and_the_sessions_count():
    # A backup made before calendar schema version 2: Bridgework reads its calendars as damaged
    # and works them out again from the sessions (section 4.7), so they are left out (8.9).
    older = backup_with_sessions([version_1(c) for c in CALENDARS], calendar_version=1)
    result = bw.decrypt_backup(older, PASS)
    assert "sessionCalendars" not in result.records, result.records.keys()
    assert result.left_out == [f"sessionCalendars/{c['id']}" for c in CALENDARS], result.left_out
    assert result.calendars_out_of_step == sorted([ADA, JONAS]), result.calendars_out_of_step
    assert result.records["sessions"] == sorted(SESSIONS, key=lambda s: s["id"])
    # Left out only at version 1: a calendar of version 1 sealed as version 2 is damaged, and so
    # is a version-1 record that does not decrypt or is not record JSON.
    expect_error(
        "RECORD_DAMAGED", bw.decrypt_backup,
        backup_with_sessions([version_1(CALENDARS[0])], calendar_version=2), PASS,
    )  # fmt: skip
    key, vault_id = demo().data_key, demo().backup.header.vault_id
    not_json = seal_plaintext(key, vault_id, "sessionCalendars", CALENDARS[0]["id"], b"[]", 1)
    broken = build_backup(
        record_entries(FILE)
        + [record_entry("sessionCalendars", CALENDARS[0]["id"], not_json)]
        + entries_of("sessions", SESSIONS, 3)
    )
    expect_error("RECORD_DAMAGED", bw.decrypt_backup, broken, PASS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "older.bwvault"
        path.write_bytes(older)
        run = run_cli(str(path), str(PASSPHRASE))
    assert run.returncode == 0, run.stderr
    assert "were left out, as Bridgework replaces them" in run.stdout, run.stdout
    assert f"sessionCalendars/{CALENDARS[0]['id']}" in run.stdout, run.stdout


# ---------------------------------------------------------------- insight summaries (4.7)

SUMMARY = EXAMPLES["insightSummaries"]
REVIEW_FACT = SUMMARY["reviews"][0]
ASSIGNMENT_FACT = SUMMARY["assignments"][0]


@test
def an_insight_summary_holds_numbers_and_kinds_only():
    table = bw.TABLES["insightSummaries"]
    assert (table.schema_version, table.upgrades, table.one_line) == (1, {}, ())
    assert table.index_fields == ("clientId",) and "insightSummaries" in bw.CLIENT_OWNED_TABLES
    assert reads("insightSummaries", SUMMARY) == SUMMARY
    # Not checked: the order of the facts, that they match the records, a repeated kind.
    backwards = example("insightSummaries", assignments=SUMMARY["assignments"][::-1])
    assert reads("insightSummaries", backwards) == backwards
    repeated = REVIEW_FACT | {"barrierKinds": ["forgot", "forgot"]}
    reads("insightSummaries", example("insightSummaries", reviews=[repeated] * 3))
    reads("insightSummaries", example("insightSummaries", reviews=[], assignments=[],
                                      reviewRecords=0, assignmentRecords=0))  # fmt: skip
    for field, good, bad in (
        ("reviewedOn", ["2028-02-29"], ["2027-02-29", AT, "2026-10-6", None]),
        ("outcome", ["did-it", "not-this-time"], [None, "done"]),
        ("decision", ["pause", "completed"], [None, "later"]),
        ("percentDone", [None, 0, 100], [101, 0.5]),
        ("smallestVersionMet", [None, False], ["no"]),
        ("trackerReturned", [True], [None]),
        ("madeThingsWorse", [True], [None, "yes"]),
        ("barrierKinds", [[], list(bw.BARRIER_KINDS)],
         [["felt-too-hard"], list(bw.BARRIER_KINDS) + ["other"], None]),
    ):  # fmt: skip
        for value in good:
            reads("insightSummaries", example("insightSummaries", reviews=[
                REVIEW_FACT | {field: value}]))  # fmt: skip
        for value in bad:
            damaged("insightSummaries", example("insightSummaries", reviews=[
                REVIEW_FACT | {field: value}]))  # fmt: skip
    for field, good, bad in (
        ("startsOn", ["2026-02-28"], ["2026-02-29", None]),
        ("status", ["draft", "active", "paused", "completed", "stopped", "replaced"],
         ["archived", None]),
        ("templateId", [None, "x" * 120, IDS[1], "a_b-C9"],
         ["", "x" * 121, "sleep diary", "sleep\u0000diary", "d\u00e9j\u00e0", 7]),
        ("doseSize", [None, "as-needed", "up-to-30", "31-to-90", "over-90", "not-timed"],
         ["30", "small"]),
        ("confidence", [None, 0, 10], [11, -1, 2.5]),
        ("specificPlan", [False], [None]),
        ("ifThenPlans", [0, 8], [9, None]),
        ("ladderStep", [None, 0, 11], [12]),
        ("ladderLength", [0, 12], [13, None]),
    ):  # fmt: skip
        for value in good:
            reads("insightSummaries", example("insightSummaries", assignments=[
                ASSIGNMENT_FACT | {field: value}]))  # fmt: skip
        for value in bad:
            damaged("insightSummaries", example("insightSummaries", assignments=[
                ASSIGNMENT_FACT | {field: value}]))  # fmt: skip
    for bad in (
        {"reviewRecords": -1}, {"assignmentRecords": 1.5}, {"reviewRecords": None},
        {"reviews": None}, {"assignments": {}}, {"reviews": [REVIEW_FACT | {"learned": "x"}]},
        {"assignments": [changed(ASSIGNMENT_FACT, doseSize=...)]}, {"updatedAt": AT},
    ):  # fmt: skip
        damaged("insightSummaries", example("insightSummaries", **bad))
    most = example("insightSummaries", reviews=[REVIEW_FACT] * 100_000)
    assert len(reads("insightSummaries", most)["reviews"]) == 100_000
    most = example("insightSummaries", assignments=[ASSIGNMENT_FACT] * 100_001)
    damaged("insightSummaries", most)
    for version in (0, 2):
        expect_error("RECORD_DAMAGED", bw.read_record, "insightSummaries", version, SUMMARY)


def a_review(n: int, client_id: str, **more: object) -> dict:
    return example("reviews", id=f"Rv{n}-Aa0_Bb1cCd2Ee3Ff4A", clientId=client_id, **more)


def an_assignment(n: int, client_id: str, **more: object) -> dict:
    return example("assignments", id=f"As{n}-Aa0_Bb1cCd2Ee3Ff4A", clientId=client_id, **more)


def summary_of(n: int, client_id: str, reviews: list[dict], assignments: list[dict]) -> dict:
    """A client's summary counting their records (the facts are not compared)."""
    return example(
        "insightSummaries", id=f"Is{n}-Aa0_Bb1cCd2Ee3Ff4A", clientId=client_id,
        reviewRecords=sum(r["clientId"] == client_id for r in reviews),
        assignmentRecords=sum(a["clientId"] == client_id for a in assignments),
    )  # fmt: skip


REVIEWS = [
    a_review(1, ADA),
    a_review(2, ADA, outcome=None, decision=None, finished=False),  # still being filled in
    a_review(3, JONAS),
]
ASSIGNMENTS = [
    an_assignment(1, ADA),
    an_assignment(2, ADA, status="draft"),
    an_assignment(3, IDS[1]),
]
SUMMARIES = [
    summary_of(1, ADA, REVIEWS, ASSIGNMENTS),
    summary_of(2, JONAS, REVIEWS, ASSIGNMENTS),
    summary_of(3, IDS[1], REVIEWS, ASSIGNMENTS),
]


def backup_with_reviews(
    summaries: list[dict], reviews: list[dict] = REVIEWS, assignments: list[dict] = ASSIGNMENTS
) -> bytes:
    """Assignments, the fixture's records, the summaries, then the reviews (section 8.4)."""
    return build_backup(
        entries_of("assignments", assignments, 3)
        + record_entries(FILE)
        + entries_of("insightSummaries", summaries, 1)
        + entries_of("reviews", reviews, 2)
    )


@test
def a_backup_holds_insight_summaries_between_goals_and_log():
    assert b"goals" < b"insightSummaries" < b"log"  # section 8.4
    result = bw.decrypt_backup(backup_with_reviews(SUMMARIES), PASS)
    assert list(result.records) == [
        "assignments", "clients", "goals", "insightSummaries", "reviews"
    ], list(result.records)  # fmt: skip
    assert result.records["insightSummaries"] == SUMMARIES
    assert [(s["reviewRecords"], s["assignmentRecords"]) for s in SUMMARIES] == [
        (2, 2), (1, 0), (0, 1),
    ]  # fmt: skip
    assert result.summaries_out_of_step == [] and result.left_out == []
    assert "insight summaries are derived" not in bw.summary(result)
    # Records are all or nothing: a damaged summary fails the backup like any record.
    bad = SUMMARIES[0] | {"reviewRecords": -1}
    expect_error("RECORD_DAMAGED", bw.decrypt_backup, backup_with_reviews([bad]), PASS)


@test
def insight_summaries_out_of_step_with_the_records_are_noted_and_the_records_count():
    # A backup from before summaries: every client with reviews or assignments has none.
    older = bw.decrypt_backup(backup_with_reviews([]), PASS)
    assert "insightSummaries" not in older.records and len(older.records["reviews"]) == 3
    assert older.summaries_out_of_step == sorted([ADA, JONAS, IDS[1]])
    one_fewer = summary_of(1, ADA, REVIEWS[:1], ASSIGNMENTS)
    for summaries, expected in (
        ([one_fewer, SUMMARIES[1], SUMMARIES[2]], [ADA]),
        ([SUMMARIES[0], SUMMARIES[1] | {"assignmentRecords": 1}, SUMMARIES[2]], [JONAS]),
        (SUMMARIES[:2], [IDS[1]]),
        # Two summaries for one client (Bridgework keeps one).
        (SUMMARIES + [summary_of(4, JONAS, REVIEWS, ASSIGNMENTS)], [JONAS]),
        # One left for a client with no reviews or assignments: in step only if it counts none.
        (SUMMARIES + [summary_of(5, IDS[2], REVIEWS, ASSIGNMENTS)], []),
        (SUMMARIES + [summary_of(5, IDS[2], REVIEWS, ASSIGNMENTS) | {"reviewRecords": 1}],
         [IDS[2]]),
    ):  # fmt: skip
        result = bw.decrypt_backup(backup_with_reviews(summaries), PASS)
        assert result.summaries_out_of_step == expected, (result.summaries_out_of_step, expected)
        assert len(result.records["reviews"]) == 3 and len(result.records["assignments"]) == 3
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "older.bwvault"
        path.write_bytes(backup_with_reviews([]))
        run = run_cli(str(path), str(PASSPHRASE))
    assert run.returncode == 0, run.stderr
    assert "insight summaries are derived from the reviews and assignments" in run.stdout
    assert f"so their records are what counts: {JONAS}, {ADA}, {IDS[1]}" in run.stdout, run.stdout


# ---------------------------------------------------------------- a table the reader does not know


@test
def a_record_of_an_unknown_table_is_decrypted_and_reported_not_dropped():
    key, vault_id = demo().data_key, demo().backup.header.vault_id
    future = {"id": IDS[4], "anything": [1, "two"]}
    entries = record_entries(FILE) + [
        record_entry("zFuture", future["id"], seal_record(key, vault_id, "zFuture", future))
    ]
    file = build_backup(entries)
    result = bw.decrypt_backup(file, PASS)
    assert result.records["zFuture"] == [future], result.records
    assert result.unknown_tables == ["zFuture"], result.unknown_tables
    assert result.records["clients"] == demo().records["clients"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "future.bwvault"
        path.write_bytes(file)
        run = run_cli(str(path), str(PASSPHRASE))
    assert run.returncode == 0, run.stderr
    assert "table     zFuture: 1 record(s), not in this version of the format" in run.stdout
    # It must still decrypt and be record JSON.
    bad = seal_plaintext(key, vault_id, "zFuture", IDS[4], b'{"n":NaN}')
    entries[-1] = record_entry("zFuture", IDS[4], bad)
    expect_error("RECORD_DAMAGED", bw.decrypt_backup, build_backup(entries), PASS)


# ---------------------------------------------------------------- against Bridgework's own code
#
# tests/interop/make-app-fixtures.ts, run here with the repository's tsx, writes a backup with
# damaged and left-out worksheets made by Bridgework's own BackupWriter and attachment codec, a
# backup of the demo vault after a review written by Bridgework's own repositories (reviews of
# both shapes, sessions, calendars and an insight summary), thousands of records with hidden
# controls and line breaks in their text, and the records of RECORDS_TO_COMPARE (templates,
# assignments, sessions, reviews and preferences of every schema version, session calendars,
# insight summaries), each with how Bridgework reads it (openRow), and what the vault database
# declares (its Dexie version, stores and index fields). The reader, written from the document,
# must agree.

ROOT = HERE.parent.parent
_app_folder: list[tempfile.TemporaryDirectory] = []


def app_fixtures() -> Path:
    if not _app_folder:
        _app_folder.append(tempfile.TemporaryDirectory(prefix="bridgework-interop-"))
        folder = Path(_app_folder[0].name)
        examples = [
            {"table": table, "schemaVersion": bw.TABLES[table].schema_version, "record": record}
            for table, record in [*EXAMPLES.items(), *FULL.items(), ("log", LOG_CLIENT_DELETED)]
        ]
        v1 = {"id": IDS[0], "name": "Sam Older", "createdAt": AT, "archivedAt": None}
        examples.append({"table": "clients", "schemaVersion": 1, "record": v1})
        examples.append({"table": "templates", "schemaVersion": 1, "record": TEMPLATE_V1})
        examples.append({"table": "templates", "schemaVersion": 2, "record": URGE_SURFING})
        for table, version, record in (
            ("assignments", 1, ASSIGNMENT_V1),
            ("assignments", 2, ASSIGNMENT_V2),
            ("assignments", 2, ASSIGNMENT_V2_AS_NEEDED),
            ("assignments", 3, ASSIGNMENT_AS_NEEDED),
            ("sessions", 1, SESSION_V1),
            ("sessions", 2, SESSION_V2),
            ("reviews", 1, REVIEW_V1),
            ("preferences", 1, PREFERENCES_V1),
            ("preferences", 2, PREFERENCES_V2),
        ):
            examples.append({"table": table, "schemaVersion": version, "record": record})
        (folder / "examples.json").write_text(json.dumps(examples), encoding="utf-8")
        records = [
            {"table": table, "schemaVersion": version, "record": record}
            for table, version, record in RECORDS_TO_COMPARE
        ]
        (folder / "records.json").write_text(json.dumps(records), encoding="utf-8")
        tsx = ROOT / "node_modules" / ".bin" / "tsx"
        run = subprocess.run(
            [str(tsx), "tests/interop/make-app-fixtures.ts", str(folder)],
            cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300,
        )  # fmt: skip
        assert run.returncode == 0, f"make-app-fixtures.ts failed:\n{run.stdout}{run.stderr}"
    return Path(_app_folder[0].name)


@test
def a_backup_bridgework_wrote_with_a_damaged_worksheet_reads_as_bridgework_reads_it():
    folder = app_fixtures()
    app = json.loads((folder / "damaged-worksheet.json").read_text(encoding="utf-8"))
    assert None not in app["records"].values(), "Bridgework opens every record of it"
    result = bw.decrypt_backup((folder / "damaged-worksheet.bwvault").read_bytes(), PASS, RK)
    read = {f"{table}/{r['id']}": r for table, rs in result.records.items() for r in rs}
    assert read == app["records"], (read, app["records"])
    files = {a.id: True for a in result.attachments} | {
        d.id: False for d in result.damaged_attachments
    }
    assert files == app["files"] and sorted(files.values()) == [False, True], (files, app)
    (left_out,) = result.without_file
    assert "damagedAt" in left_out and left_out["fileName"] == "Worry time.pdf", left_out
    assert sorted(result.repaired) == [
        "clients/Gh9jZo5vTh8Km5Xa2Eg3NQ",
        "clients/Ij1kAp7wUi9Ln6Yb3Fh4Og",
        "log/Kl3mBq9xVj0Mo7Zc4Gi5Pw",
    ], result.repaired
    assert "repaired  text stored before the free-text rules" in bw.summary(result)


@test
def a_backup_bridgework_wrote_after_a_review_reads_as_bridgework_reads_it():
    folder = app_fixtures()
    app = json.loads((folder / "reviews.json").read_text(encoding="utf-8"))
    assert None not in app["records"].values(), "Bridgework opens every record of it"
    file = (folder / "reviews.bwvault").read_bytes()
    result = bw.decrypt_backup(file, PASS, RK)
    read = {f"{table}/{r['id']}": r for table, rs in result.records.items() for r in rs}
    assert read == app["records"], (read, app["records"])
    # Written by the app's repositories, then put in step as after unlocking: the calendar of
    # shape 1 was replaced (for Jonas, and Ada's rewritten with it), the summary was in step.
    assert (app["calendarsRepaired"], app["summariesRepaired"]) == (2, 0), app
    assert result.left_out == [] and result.unknown_tables == [] and result.repaired == []
    assert result.calendars_out_of_step == [] and result.summaries_out_of_step == []
    (summary,) = result.records["insightSummaries"]
    reviews, assignments = result.records["reviews"], result.records["assignments"]
    assert summary["clientId"] == ADA and {r["clientId"] for r in reviews} == {ADA}
    assert (summary["reviewRecords"], summary["assignmentRecords"]) == (3, 2), summary
    # One fact per finished review (the one of shape 1, upgraded, and the one finished now) and
    # per agreed assignment; the review still being filled in is counted but is no fact.
    finished = sorted(r["id"] for r in reviews if r["finished"])
    assert sorted(f["reviewId"] for f in summary["reviews"]) == finished and len(finished) == 2
    assert sorted(f["assignmentId"] for f in summary["assignments"]) == sorted(
        a["id"] for a in assignments
    )
    statuses = sorted(f["status"] for f in summary["assignments"])
    assert statuses == ["active", "replaced"], statuses
    old = next(r for r in reviews if r["id"] == "Rv0lDeR1Aa0_Bb1cCd2EeQ")  # shape 1, upgraded
    assert [m["kind"] for m in old["barriersMet"]] == ["too-big-or-hard", "chaotic-week"], old
    assert (old["quality"], old["engagement"], old["reportedBy"]) == (2, 4, ["client-account"])
    new = next(r for r in reviews if r["finished"] and r["id"] != old["id"])
    assert new["nextAssignmentId"] in {a["id"] for a in assignments}, new
    # The session the review was taken in lists it, reviewed first; its calendar says so.
    today = next(s for s in result.records["sessions"] if s["reviewItems"])
    assert today["reviewedFirst"] is True and today["assignmentIds"], today
    entries = {
        e["sessionId"]: e for c in result.records["sessionCalendars"] for e in c["entries"]
    }  # fmt: skip
    assert (entries[today["id"]]["reviewedFirst"], entries[today["id"]]["setPractice"]) == (
        True, True,
    )  # fmt: skip
    (log,) = result.records["log"]
    assert (log["format"], log["clientId"]) == ("csv", None), log
    # Without its summary (a backup from before summaries) or calendars, Ada is out of step.
    entries_only = record_entries(file)

    def without(table: str) -> bw.Decrypted:
        kept = [e for e in entries_only if e[2 : 2 + e[1]] != table.encode()]
        return bw.decrypt_backup(build_backup(kept), PASS)

    assert without("insightSummaries").summaries_out_of_step == [ADA]
    assert without("sessionCalendars").calendars_out_of_step == sorted([ADA, JONAS])


@test
def the_reader_repairs_and_refuses_text_exactly_as_bridgework_does():
    cases = json.loads((app_fixtures() / "text-cases.json").read_text(encoding="utf-8"))
    mismatches, refused = [], 0
    for case in cases:
        plaintext = base64.b64decode(case["plaintext"])
        try:
            record = bw.parse_record_json(plaintext, case["table"])
            got = bw.read_record(case["table"], case["schemaVersion"], record)
        except bw.VaultFormatError:
            got = None
        refused += got is None
        if got != case["app"]:
            mismatches.append((case["table"], plaintext.decode(), got, case["app"]))
    assert not mismatches, f"{len(mismatches)} of {len(cases)} differ, e.g. {mismatches[:3]}"
    assert len(cases) > 5000 and 0 < refused < len(cases) / 2, (len(cases), refused)


@test
def the_reader_knows_each_tables_schema_version_upgrades_and_one_line_fields_as_bridgework():
    app = json.loads((app_fixtures() / "tables.json").read_text(encoding="utf-8"))
    reader = {
        name: {
            "schemaVersion": table.schema_version,
            "upgradesFrom": sorted(table.upgrades),
            "singleLineFields": sorted(table.one_line),
            "indexFields": list(table.index_fields),
        }
        for name, table in bw.TABLES.items()
    }
    assert reader == app, (reader, app)
    assert app["sessionCalendars"] == {
        "schemaVersion": 2, "upgradesFrom": [], "singleLineFields": [], "indexFields": ["clientId"],
    }, app["sessionCalendars"]  # fmt: skip
    assert app["insightSummaries"] == {
        "schemaVersion": 1, "upgradesFrom": [], "singleLineFields": [], "indexFields": ["clientId"],
    }, app["insightSummaries"]  # fmt: skip
    assert app["reviews"] == {
        "schemaVersion": 2, "upgradesFrom": [1], "singleLineFields": [],
        "indexFields": ["clientId", "assignmentId"],
    }, app["reviews"]  # fmt: skip
    assert app["assignments"]["schemaVersion"] == 3 and app["assignments"]["upgradesFrom"] == [1, 2]
    assert app["sessions"]["schemaVersion"] == 3 and app["sessions"]["upgradesFrom"] == [1, 2]
    assert app["preferences"]["schemaVersion"] == 3, app["preferences"]
    assert app["preferences"]["upgradesFrom"] == [1, 2], app["preferences"]


@test
def the_vault_database_has_the_stores_and_versions_of_section_4_5():
    app = json.loads((app_fixtures() / "stores.json").read_text(encoding="utf-8"))
    # Dexie schema version 5 (IndexedDB 50): version 2's ten stores, sessionCalendars (version
    # 3), insightSummaries (version 4), and attachments indexed by client too (version 5).
    assert app["version"] == 5, app["version"]
    reader = {
        name: ", ".join(["id", *table.index_fields]) for name, table in bw.TABLES.items()
    }
    assert app["stores"] == reader, (app["stores"], reader)
    assert app["stores"]["sessionCalendars"] == "id, clientId"
    assert app["stores"]["insightSummaries"] == "id, clientId" and len(app["stores"]) == 12
    assert app["stores"]["attachments"] == "id, lineageId, clientId"
    # Backups hold the tables in order of their names (section 8.4), by bytes.
    assert app["backupOrder"] == sorted(bw.TABLES, key=str.encode) == sorted(app["stores"])
    assert app["backupOrder"].index("sessionCalendars") + 1 == app["backupOrder"].index("sessions")
    assert app["backupOrder"][3:6] == ["goals", "insightSummaries", "log"], app["backupOrder"]
    # The tables deleted with a client: those indexed by clientId.
    assert app["clientOwned"] == list(bw.CLIENT_OWNED_TABLES) == [
        "assignments", "attachments", "goals", "insightSummaries", "practiceLogs", "reviews",
        "sessionCalendars", "sessions",
    ], app["clientOwned"]  # fmt: skip


# Records whose reading the document states precisely and a reader easily gets wrong: each is
# read by Bridgework (records-read.json) and by the reader, which must agree.
RECORDS_TO_COMPARE: list[tuple[str, int, dict]] = [
    ("templates", 2, EXAMPLES["templates"]),
    ("templates", 2, URGE_SURFING),
    ("templates", 2, FULL["templates"]),
    ("templates", 2, dict(URGE_SURFING, ladder=[{"step": "Notice the urge"}])),
    ("templates", 2, example("templates", discreetWording={})),
    ("templates", 2, example("templates", ladder=v1_ladder(11))),
    ("templates", 3, EXAMPLES["templates"]),
    ("templates", 1, EXAMPLES["templates"]),
    ("templates", 1, TEMPLATE_V1),
    ("templates", 1, v1_template(ladder=v1_ladder(0, 4, 5, 14, 15, 25, 35, 40, 44, 45, 95, 100))),
    ("templates", 1, v1_template(ladder=v1_ladder(101, 104, -5, 4.5, 0.5, 5.0000001))),
    ("templates", 1, v1_template(ladder=v1_ladder(105))),
    ("templates", 1, v1_template(ladder=v1_ladder(-6))),
    ("templates", 1, v1_template(ladder=[{"step": "x", "difficulty": None},
                                         {"step": "y", "difficulty": "40"}])),
    ("templates", 1, v1_template(ladder=[{"step": "x", "difficulty": True}])),
    ("templates", 1, v1_template(ladder=...)),
    ("templates", 1, v1_template(ladder=None)),
    ("templates", 1, v1_template(ladder=[None])),
    ("templates", 1, v1_template(ladder=[7])),
    ("templates", 1, v1_template(ladder=[[]])),
    ("templates", 1, v1_template(doseOptions=[{"label": "x", "minutes": None, "note": 1},
                                              {"label": "y", "timesPerWeek": "2"}])),
    ("templates", 1, v1_template(doseOptions=[{"label": "x", "timesPerWeek": 22},
                                              {"label": "y", "timesPerWeek": 3.5}])),
    ("templates", 1, v1_template(doseOptions=[{"label": "x", "dose": as_needed(1)},
                                              {"label": "y", "timesPerWeek": 2}])),
    ("templates", 1, v1_template(doseOptions=[None, {"label": "y", "timesPerWeek": 2}])),
    ("templates", 1, v1_template(doseOptions=["x", {"label": "y", "timesPerWeek": 2}])),
    ("templates", 1, v1_template(doseOptions=...)),
    ("templates", 1, v1_template(discreetTitle=...)),
    ("templates", 1, v1_template(minimumDose=...)),
    ("templates", 1, v1_template(minimumDose={"label": "x", "dose": per_week(2)})),
    ("templates", 1, v1_template(extra=1)),
    ("templates", 1, v1_template(approaches=["erp"], discreetWording={"standardDose": "x"})),
    ("templates", 1, v1_template(clientTitle="x", cautions=["y"], noLadderBecause="z")),
    ("templates", 1, v1_template(discreetTitle=" Out\r\nand about ")),
    ("assignments", 3, EXAMPLES["assignments"]),
    ("assignments", 3, FULL["assignments"]),
    ("assignments", 3, ASSIGNMENT_AS_NEEDED),
    ("assignments", 3, example("assignments", reviewBy="2026-10-06")),
    ("assignments", 3, example("assignments", reviewBy="2026-10-07")),
    ("assignments", 3, example("assignments", template={"templateId": "a b", "version": 1})),
    ("assignments", 3, example("assignments", template={"templateId": "a\u0000b", "version": 1})),
    ("assignments", 3, example("assignments", template={"templateId": "x" * 120, "version": 1})),
    ("assignments", 3, example("assignments", plan={"what": "", "time": "24:00", "cue": "",
                                                    "where": ""})),
    ("assignments", 3, example("assignments", barriers=[{"kind": "felt-too-hard", "barrier": "",
                                                         "ifThen": ""}])),
    ("assignments", 3, example("assignments", discreetWording={"standardDose": "a\nb"})),
    ("assignments", 3, example("assignments", discreetWording={"steps": ["a\nb"]})),
    ("assignments", 3, example("assignments", discreetWording=...)),
    ("assignments", 3, example("assignments", dose=None, steps=[" x "], cautions=[" y "])),
    ("assignments", 3, ASSIGNMENT_V2),
    ("assignments", 4, EXAMPLES["assignments"]),
    ("assignments", 2, EXAMPLES["assignments"]),
    ("assignments", 2, ASSIGNMENT_V2),
    ("assignments", 2, ASSIGNMENT_V2_AS_NEEDED),
    ("assignments", 2, ASSIGNMENT_V1),
    ("assignments", 2, v2_assignment(ladder=v1_ladder(10))),
    ("assignments", 2, v2_assignment(ladder=v1_ladder(11))),
    ("assignments", 2, v2_assignment(confidence=None, dose=None, goalIds="x", barriers=None)),
    ("assignments", 2, v2_assignment(confidence=...)),
    ("assignments", 2, v2_assignment(title=...)),
    ("assignments", 2, v2_assignment(clientWords=...)),
    ("assignments", 2, v2_assignment(minimumDose=None)),
    ("assignments", 2, v2_assignment(createdAt=...)),
    ("assignments", 2, v2_assignment(implementationIntention=None)),
    ("assignments", 2, v2_assignment(implementationIntention="after lunch")),
    ("assignments", 2, v2_assignment(implementationIntention=[])),
    ("assignments", 2, v2_assignment(implementationIntention={"what": "x", "where": "z"})),
    ("assignments", 2, v2_assignment(implementationIntention={"what": "x", "when": "y",
                                                              "where": "z", "how": "w"})),
    ("assignments", 2, v2_assignment(barriers=[{"kind": "forgot", "barrier": "x",
                                                "ifThen": "y"}])),
    ("assignments", 2, v2_assignment(barriers=[{"kind": "felt-too-hard", "barrier": "x",
                                                "ifThen": "y"}])),
    ("assignments", 2, v2_assignment(barriers=[None])),
    ("assignments", 2, v2_assignment(barriers=["Rain"])),
    ("assignments", 2, v2_assignment(barriers=[[]])),
    ("assignments", 2, v2_assignment(barriers={"barrier": "x", "ifThen": "y"})),
    ("assignments", 2, v2_assignment(goalIds=[None])),
    ("assignments", 2, v2_assignment(goalIds=[IDS[2]] * 10)),
    ("assignments", 2, v2_assignment(goalIds=[IDS[2]] * 11)),
    ("assignments", 2, v2_assignment(steps=[""])),
    ("assignments", 2, v2_assignment(steps=[" x "])),
    ("assignments", 2, v2_assignment(minimumDose=" a\r\nb ", title=" T\u2029t ")),
    ("assignments", 2, v2_assignment(discreetTitle="Stale", reviewBy="2030-01-01", revision=9,
                                     updatedAt="2030-01-01T00:00:00.000Z", sessionId=IDS[4])),
    ("assignments", 2, v2_assignment(status="draft")),
    ("assignments", 2, v2_assignment(startsOn="0000-02-26")),
    ("assignments", 2, v2_assignment(startsOn="2028-02-25")),
    ("assignments", 2, v2_assignment(startsOn="2100-02-25")),
    ("assignments", 2, v2_assignment(startsOn="9999-12-24")),
    ("assignments", 2, v2_assignment(startsOn="9999-12-25")),
    ("assignments", 2, v2_assignment(startsOn="2026-02-29")),
    ("assignments", 2, v2_assignment(startsOn="2026-12-28T00:00:00Z")),
    ("assignments", 2, v2_assignment(startsOn=" 2026-12-28")),
    ("assignments", 2, v2_assignment(startsOn=20261228)),
    ("assignments", 2, v2_assignment(startsOn=None)),
    ("assignments", 2, v2_assignment(startsOn=...)),
    ("assignments", 2, v2_assignment(extra=1)),
    ("assignments", 1, ASSIGNMENT_V1),
    ("assignments", 3, ASSIGNMENT_V1),
    ("assignments", 0, ASSIGNMENT_V1),
    ("assignments", 1, ASSIGNMENT_V2),
    ("assignments", 1, EXAMPLES["assignments"]),
    ("assignments", 1, ASSIGNMENT_V2_AS_NEEDED),
    ("assignments", 1, changed(ASSIGNMENT_V2, dose={"label": "Daily", "timesPerWeek": 7})),
    ("assignments", 1, v1_assignment(ladder=v1_ladder(0, 4, 5, 14, 15, 25, 35, 40, 44, 45, 95))),
    ("assignments", 1, v1_assignment(ladder=v1_ladder(101, 104, -5, 4.5, 0.5, 5.0000001))),
    ("assignments", 1, v1_assignment(ladder=v1_ladder(105))),
    ("assignments", 1, v1_assignment(ladder=v1_ladder(-6))),
    ("assignments", 1, v1_assignment(ladder=[{"step": "x", "difficulty": None},
                                             {"step": "y", "difficulty": "40"}])),
    ("assignments", 1, v1_assignment(ladder=[{"step": "x", "difficulty": True}])),
    ("assignments", 1, v1_assignment(ladder=...)),
    ("assignments", 1, v1_assignment(ladder=None)),
    ("assignments", 1, v1_assignment(ladder=[None])),
    ("assignments", 1, v1_assignment(ladder=[7])),
    ("assignments", 1, v1_assignment(ladder=["x"])),
    ("assignments", 1, v1_assignment(ladder=[[]])),
    ("assignments", 1, v1_assignment(ladderStep=None, ladder=[])),
    ("assignments", 1, v1_assignment(dose={"label": "x", "minutes": None, "note": 1})),
    ("assignments", 1, v1_assignment(dose={"label": "x", "timesPerWeek": "2", "minutes": "5"})),
    ("assignments", 1, v1_assignment(dose={"label": "x", "timesPerWeek": 21, "minutes": 240})),
    ("assignments", 1, v1_assignment(dose={"label": "x", "timesPerWeek": 22})),
    ("assignments", 1, v1_assignment(dose={"label": "x", "timesPerWeek": 3.5})),
    ("assignments", 1, v1_assignment(dose={"label": "x", "timesPerWeek": 3, "minutes": 0})),
    ("assignments", 1, v1_assignment(dose={"label": "x", "timesPerWeek": True})),
    ("assignments", 1, v1_assignment(dose={"label": "x", "dose": as_needed(3)})),
    ("assignments", 1, v1_assignment(dose={"timesPerWeek": 3})),
    ("assignments", 1, v1_assignment(dose={"label": " Daily\r\nor so ", "timesPerWeek": 7})),
    ("assignments", 1, v1_assignment(dose=...)),
    ("assignments", 1, v1_assignment(dose=None)),
    ("assignments", 1, v1_assignment(dose=[])),
    ("assignments", 1, v1_assignment(dose="Daily")),
    ("assignments", 1, v1_assignment(extra=1)),
    ("assignments", 1, v1_assignment(implementationIntention=None)),
    ("assignments", 1, v1_assignment(title=" A\u2028walk ", minimumDose="a\nb")),
    ("assignments", 1, v1_assignment(startsOn="2026-11-31")),
    ("sessions", 3, EXAMPLES["sessions"]),
    ("sessions", 3, FULL["sessions"]),
    ("sessions", 3, example("sessions", reviewItems=[
        {"assignmentId": IDS[2], "state": "deferred", "deferredBecause": "", "reviewId": None}])),
    ("sessions", 3, example("sessions", reviewItems=[
        {"assignmentId": IDS[2], "state": "deferred", "deferredBecause": " \r\n\u3000",
         "reviewId": None}])),
    ("sessions", 3, example("sessions", reviewItems=[
        {"assignmentId": IDS[2], "state": "deferred", "deferredBecause": " Late\r\n",
         "reviewId": None}])),
    ("sessions", 3, example("sessions", reviewItems=[
        {"assignmentId": IDS[2], "state": "deferred", "deferredBecause": "\u0000",
         "reviewId": None}])),
    ("sessions", 3, example("sessions", reviewItems=[
        {"assignmentId": IDS[2], "state": "reviewed", "deferredBecause": "", "reviewId": None}])),
    ("sessions", 3, example("sessions", reviewedFirst=True, assignmentIds=[IDS[3]])),
    ("sessions", 3, example("sessions", reviewedFirst="true")),
    ("sessions", 3, example("sessions", reviewedFirst=...)),
    ("sessions", 3, SESSION_V2),
    ("sessions", 3, SESSION_V1),
    ("sessions", 4, EXAMPLES["sessions"]),
    ("sessions", 2, SESSION_V2),
    ("sessions", 2, EXAMPLES["sessions"]),
    ("sessions", 2, changed(SESSION_V2, reviewedFirst=True)),
    ("sessions", 2, changed(SESSION_V2, reviewedFirst="yes", extra=1)),
    ("sessions", 2, changed(SESSION_V2, reviewItems=...)),
    ("sessions", 2, SESSION_V1),
    ("sessions", 1, SESSION_V1),
    ("sessions", 1, EXAMPLES["sessions"]),
    ("sessions", 1, changed(SESSION_V1, reviewItems=[1], assignmentIds=[2], revision=5,
                            updatedAt="x", reviewedFirst=True)),
    ("sessions", 1, changed(SESSION_V1, createdAt=...)),
    ("sessions", 1, changed(SESSION_V1, createdAt="2026-10-06T10:00:00Z")),
    ("sessions", 1, changed(SESSION_V1, topics=["Sle\r\nep"])),
    ("sessions", 0, SESSION_V1),
    ("sessionCalendars", 2, CALENDAR),
    ("sessionCalendars", 2, calendar()),
    ("sessionCalendars", 2, calendar(*reversed(CALENDAR["entries"]), CALENDAR_ENTRY)),
    ("sessionCalendars", 2, calendar(*[CALENDAR_ENTRY] * 100_000)),
    ("sessionCalendars", 2, calendar(*[CALENDAR_ENTRY] * 100_001)),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"status": "no-show"})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"status": "held\r\n"})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"sessionId": "session-1"})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"sessionId": None})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"startsAt": "2026-10-06"})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"startsAt": "2026-10-06T10:00:00Z"})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"startsAt": "2026-10-06T10:00Z"})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"startsAt": "2026-02-30T10:00:00.000Z"})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"startsAt": "2026-10-06T10:00:00+01:00"})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"durationMinutes": 50})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"reviewedFirst": None,
                                                       "setPractice": False})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"reviewedFirst": "true"})),
    ("sessionCalendars", 2, calendar(CALENDAR_ENTRY | {"setPractice": None})),
    ("sessionCalendars", 2, calendar(changed(CALENDAR_ENTRY, status=...))),
    ("sessionCalendars", 2, calendar(changed(CALENDAR_ENTRY, reviewedFirst=...))),
    ("sessionCalendars", 2, calendar(None)),
    ("sessionCalendars", 2, example("sessionCalendars", entries=None)),
    ("sessionCalendars", 2, example("sessionCalendars", updatedAt=AT)),
    ("sessionCalendars", 2, example("sessionCalendars", clientId=...)),
    ("sessionCalendars", 2, version_1(CALENDAR)),
    ("sessionCalendars", 1, version_1(CALENDAR)),
    ("sessionCalendars", 1, CALENDAR),
    ("sessionCalendars", 1, calendar()),
    ("sessionCalendars", 3, CALENDAR),
    ("sessionCalendars", 0, CALENDAR),
    ("reviews", 2, REVIEW),
    ("reviews", 2, FULL["reviews"]),
    ("reviews", 2, example("reviews", outcome=None, decision=None, finished=False,
                           barriersMet=[], reportedBy=[], percentDone=None)),
    ("reviews", 2, example("reviews", outcome=None)),
    ("reviews", 2, example("reviews", decision=None)),
    ("reviews", 2, example("reviews", outcome="done")),
    ("reviews", 2, example("reviews", decision="pause", quality=4, helpful=0)),
    ("reviews", 2, example("reviews", quality=5)),
    ("reviews", 2, example("reviews", understoodWhy=-1)),
    ("reviews", 2, example("reviews", reportedBy=["client-account", "client-account"])),
    ("reviews", 2, example("reviews", reportedBy=["observed-in-session", "returned-tracker",
                                                  "client-account"])),
    ("reviews", 2, example("reviews", reportedBy="both")),
    ("reviews", 2, example("reviews", barriersMet=[{"kind": "forgot", "note": "a"},
                                                   {"kind": "forgot", "note": "b"}])),
    ("reviews", 2, example("reviews", barriersMet=[{"kind": k, "note": ""}
                                                   for k in bw.BARRIER_KINDS])),
    ("reviews", 2, example("reviews", barriersMet=[{"kind": "felt-too-hard", "note": ""}])),
    ("reviews", 2, example("reviews", barriersMet=["forgot"])),
    ("reviews", 2, example("reviews", barriersMet=[{"kind": "other", "note": " x\r\n" * 100}])),
    ("reviews", 2, example("reviews", barriersMet=[{"kind": "other", "note": "x" * 301}])),
    ("reviews", 2, example("reviews", happened="a\r\nb\u2028c\u0007", worseNote=" y ")),
    ("reviews", 2, example("reviews", happened="x" * 2001)),
    ("reviews", 2, example("reviews", madeThingsWorse="maybe")),
    ("reviews", 2, example("reviews", ifThenPlan="used")),
    ("reviews", 2, example("reviews", amountFrom="grid")),
    ("reviews", 2, example("reviews", nextAssignmentId=IDS[3], revision=7)),
    ("reviews", 2, example("reviews", finished=...)),
    ("reviews", 2, REVIEW_V1),
    ("reviews", 3, REVIEW),
    ("reviews", 1, REVIEW_V1),
    ("reviews", 1, REVIEW),
    ("reviews", 1, v1_review(outcome="done", reportedBy="client")),
    ("reviews", 1, v1_review(outcome="not-done", reportedBy="therapist", decision="stop")),
    ("reviews", 1, v1_review(outcome="skipped")),
    ("reviews", 1, v1_review(outcome=None)),
    ("reviews", 1, v1_review(outcome=...)),
    ("reviews", 1, v1_review(outcome=["done"])),
    ("reviews", 1, v1_review(outcome=[["partly"]])),
    ("reviews", 1, v1_review(outcome=["done", "partly"])),
    ("reviews", 1, v1_review(outcome="something-different", decision="pause")),
    ("reviews", 1, v1_review(outcome="toString")),
    ("reviews", 1, v1_review(outcome="__proto__")),
    ("reviews", 1, v1_review(decision=...)),
    ("reviews", 1, v1_review(decision=None)),
    ("reviews", 1, v1_review(percentDone=...)),
    ("reviews", 1, v1_review(percentDone=None)),
    ("reviews", 1, v1_review(percentDone=101)),
    ("reviews", 1, v1_review(quality=0, engagement=10)),
    ("reviews", 1, v1_review(quality=1, engagement=2)),
    ("reviews", 1, v1_review(quality=3, engagement=4)),
    ("reviews", 1, v1_review(quality=5, engagement=6)),
    ("reviews", 1, v1_review(quality=8, engagement=9)),
    ("reviews", 1, v1_review(quality=11, engagement=-1)),
    ("reviews", 1, v1_review(quality=7.5, engagement=1.25)),
    ("reviews", 1, v1_review(quality=-1.25, engagement=11.2)),
    ("reviews", 1, v1_review(quality=12)),
    ("reviews", 1, v1_review(quality=-2)),
    ("reviews", 1, v1_review(quality=1e308)),
    ("reviews", 1, v1_review(quality="7", engagement=True)),
    ("reviews", 1, v1_review(quality=..., engagement=[7])),
    ("reviews", 1, v1_review(quality=10.0, engagement=-0.0)),
    ("reviews", 1, v1_review(quality=False, engagement=None)),
    ("reviews", 1, v1_review(quality={}, engagement="")),
    ("reviews", 1, v1_review(quality=4, engagement=...)),
    ("reviews", 1, v1_review(reportedBy=[])),
    ("reviews", 1, v1_review(reportedBy=["client-account", "returned-tracker"])),
    ("reviews", 1, v1_review(reportedBy=["client-account", "client-account"])),
    ("reviews", 1, v1_review(reportedBy="Both")),
    ("reviews", 1, v1_review(outcome="valueOf")),
    ("reviews", 1, v1_review(outcome="not-this-time")),
    ("reviews", 1, v1_review(barriersMet=["__proto__"])),
    ("reviews", 1, v1_review(barriersMet=["constructor", "forgot"])),
    ("reviews", 1, v1_review(barriersMet=[["forgot"]])),
    ("reviews", 1, v1_review(reportedBy="client-account")),
    ("reviews", 1, v1_review(reportedBy=...)),
    ("reviews", 1, v1_review(reportedBy=None)),
    ("reviews", 1, v1_review(reportedBy=3)),
    ("reviews", 1, v1_review(reportedBy=["both"])),
    ("reviews", 1, v1_review(reportedBy=[["client"]])),
    ("reviews", 1, v1_review(reportedBy=["client", "therapist"])),
    ("reviews", 1, v1_review(reportedBy={"client": True})),
    ("reviews", 1, v1_review(reportedBy="toString")),
    ("reviews", 1, v1_review(reportedBy="constructor")),
    ("reviews", 1, v1_review(reportedBy="__proto__")),
    ("reviews", 1, v1_review(reportedBy="hasOwnProperty")),
    ("reviews", 1, v1_review(reportedBy=["valueOf"])),
    ("reviews", 1, v1_review(reportedBy="__lookupGetter__")),
    ("reviews", 1, v1_review(reportedBy="toLocaleString")),
    ("reviews", 1, v1_review(reportedBy="propertyIsEnumerable")),
    ("reviews", 1, v1_review(reportedBy="isPrototypeOf")),
    ("reviews", 1, v1_review(reportedBy="__defineSetter__")),
    ("reviews", 1, v1_review(reportedBy="prototype")),
    ("reviews", 1, v1_review(reportedBy="length")),
    ("reviews", 1, v1_review(reportedBy="")),
    ("reviews", 1, v1_review(barriersMet=["forgot", "no-time", "low-energy-or-mood",
                                          "felt-too-hard", "unclear-what-to-do",
                                          "didnt-seem-useful", "avoidance-or-fear",
                                          "other-people", "circumstances-changed", "illness",
                                          "other"])),
    ("reviews", 1, v1_review(barriersMet=["felt-too-hard", "too-big-or-hard", "forgot",
                                          "forgot"])),
    ("reviews", 1, v1_review(barriersMet=["materials-lost", "chaotic-week"])),
    ("reviews", 1, v1_review(barriersMet=["bored"])),
    ("reviews", 1, v1_review(barriersMet=[None])),
    ("reviews", 1, v1_review(barriersMet=[1])),
    ("reviews", 1, v1_review(barriersMet=[["felt-too-hard"]])),
    ("reviews", 1, v1_review(barriersMet=["toString"])),
    ("reviews", 1, v1_review(barriersMet=[{"kind": "forgot", "note": ""}])),
    ("reviews", 1, v1_review(barriersMet=...)),
    ("reviews", 1, v1_review(barriersMet=None)),
    ("reviews", 1, v1_review(barriersMet="forgot")),
    ("reviews", 1, v1_review(barriersMet={"0": "forgot"})),
    ("reviews", 1, v1_review(finished=False, revision=9, happened="x", createdAt="y", helpful=2,
                             smallestVersionMet=True, nextAssignmentId="z")),
    ("reviews", 1, v1_review(reviewedAt=...)),
    ("reviews", 1, v1_review(reviewedAt="2026-10-06")),
    ("reviews", 1, v1_review(learned="a\r\nb\u0000", wins="\u2028", barrierNotes=" x ")),
    ("reviews", 1, v1_review(learned="x" * 2001)),
    ("reviews", 1, v1_review(extra=1)),
    ("reviews", 0, REVIEW_V1),
    ("insightSummaries", 1, SUMMARY),
    ("insightSummaries", 1, example("insightSummaries", reviews=[], assignments=[],
                                    reviewRecords=0, assignmentRecords=0)),
    ("insightSummaries", 1, example("insightSummaries", reviews=[
        REVIEW_FACT | {"barrierKinds": ["forgot", "forgot"]}])),
    ("insightSummaries", 1, example("insightSummaries", reviews=[
        REVIEW_FACT | {"reviewedOn": "2027-02-29"}])),
    ("insightSummaries", 1, example("insightSummaries", reviews=[
        REVIEW_FACT | {"reviewedOn": "2028-02-29"}])),
    ("insightSummaries", 1, example("insightSummaries", reviews=[
        REVIEW_FACT | {"outcome": None}])),
    ("insightSummaries", 1, example("insightSummaries", reviews=[
        REVIEW_FACT | {"barrierKinds": ["felt-too-hard"]}])),
    ("insightSummaries", 1, example("insightSummaries", assignments=[
        ASSIGNMENT_FACT | {"templateId": "sleep diary"}])),
    ("insightSummaries", 1, example("insightSummaries", assignments=[
        ASSIGNMENT_FACT | {"templateId": "x" * 120, "status": "draft"}])),
    ("insightSummaries", 1, example("insightSummaries", assignments=[
        ASSIGNMENT_FACT | {"templateId": "a\r\nb"}])),
    ("insightSummaries", 1, example("insightSummaries", assignments=[
        ASSIGNMENT_FACT | {"doseSize": "small"}])),
    ("insightSummaries", 1, example("insightSummaries", assignments=[
        ASSIGNMENT_FACT | {"ifThenPlans": 9}])),
    ("insightSummaries", 1, example("insightSummaries", assignments=[
        ASSIGNMENT_FACT | {"ladderStep": 12}])),
    ("insightSummaries", 1, example("insightSummaries", assignments=[
        changed(ASSIGNMENT_FACT, replaces=...)])),
    ("insightSummaries", 1, example("insightSummaries", reviewRecords=-1)),
    ("insightSummaries", 1, example("insightSummaries", assignmentRecords=2**53)),
    ("insightSummaries", 1, example("insightSummaries", reviews=[REVIEW_FACT] * 100_000)),
    ("insightSummaries", 1, example("insightSummaries", reviews=[REVIEW_FACT] * 100_001)),
    ("insightSummaries", 1, example("insightSummaries", updatedAt=AT)),
    ("insightSummaries", 2, SUMMARY),
    ("insightSummaries", 0, SUMMARY),
    ("preferences", 3, EXAMPLES["preferences"]),
    ("preferences", 3, example("preferences", practiceWording="homework")),
    ("preferences", 3, example("preferences", pageSize=None, practiceName=" a\r\nb ")),
    ("preferences", 3, PREFERENCES_V2),
    ("preferences", 4, EXAMPLES["preferences"]),
    ("preferences", 2, PREFERENCES_V2),
    ("preferences", 2, EXAMPLES["preferences"]),
    ("preferences", 2, changed(PREFERENCES_V2, practiceWording="homework")),
    ("preferences", 2, changed(PREFERENCES_V2, nameOnHandouts="none", extra=1)),
    ("preferences", 2, PREFERENCES_V1),
    ("preferences", 1, PREFERENCES_V1),
    ("preferences", 1, EXAMPLES["preferences"]),
    ("preferences", 1, changed(PREFERENCES_V1, practiceWording="this-weeks-plan")),
    ("preferences", 1, changed(PREFERENCES_V1, initialsOnlyInLists=...)),
    ("preferences", 1, changed(PREFERENCES_V1, favouriteTemplates=["a\r\nb", "x" * 121])),
    ("preferences", 0, PREFERENCES_V1),
]  # fmt: skip


@test
def records_of_every_schema_version_read_as_bridgework_reads_them():
    app = json.loads((app_fixtures() / "records-read.json").read_text(encoding="utf-8"))
    assert len(app) == len(RECORDS_TO_COMPARE), len(app)
    mismatches = []
    for (table, version, record), expected in zip(RECORDS_TO_COMPARE, app):
        try:
            got = bw.read_record(table, version, json.loads(json.dumps(record)))
        except bw.VaultFormatError:
            got = None
        if got != expected:
            mismatches.append((table, version, record, got, expected))
    assert not mismatches, f"{len(mismatches)} differ, e.g. {mismatches[:2]}"
    versions = {"templates": (1, 2), "assignments": (1, 2, 3), "sessions": (1, 2, 3),
                "sessionCalendars": (2,), "preferences": (1, 2), "reviews": (1, 2),
                "insightSummaries": (1,)}  # fmt: skip
    for table, table_versions in versions.items():
        for version in table_versions:
            read = [
                expected is not None
                for (t, v, _), expected in zip(RECORDS_TO_COMPARE, app)
                if (t, v) == (table, version)
            ]
            assert any(read) and not all(read), f"Bridgework read {table} v{version}: {read}"
    # A calendar of version 1 has no upgrade: Bridgework reads none of them.
    old = [e for (t, v, _), e in zip(RECORDS_TO_COMPARE, app) if (t, v) == ("sessionCalendars", 1)]
    assert old and all(e is None for e in old), old


# ---------------------------------------------------------------- the phone tracker's form
#
# tests/interop/returned_tracker.py: fillable trackers made by Bridgework's own code
# (tests/interop/returned-tracker.ts, run with the repository's tsx), checked and filled in by
# Debian's python3-pypdf as a client's PDF app would, and read back by Bridgework's own code.

import returned_tracker  # noqa: E402

tests.extend(returned_tracker.TESTS)


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
