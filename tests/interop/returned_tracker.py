"""Interop: the phone tracker's form, filled in by an independent tool as a client's PDF app would.

Part of test_demo.py (which runs TESTS). tests/interop/returned-tracker.ts, run with the
repository's tsx, makes fillable trackers with Bridgework's own code; here Debian's python3-pypdf
checks what the file holds and fills it in — rewriting the file, with pypdf's own form filler,
and as an incremental save like the apps on phones make — and the app's code reads each back.
The grid it must read is written out here, from the fill, not taken from the app.
"""

from __future__ import annotations

import io
import json
import logging
import re
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, IndirectObject, NameObject, TextStringObject

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

# The client's four weeks (the 4-week practice of tests/interop/tracker-pdfs.ts: minutes walked, went
# outside (yes-no), what I noticed): by date, the cells filled in, as (done, some, c0, c1, c2, note).
FILL = {
    "2026-03-02": (True, False, "20", True, "Birds by the river", ""),
    "2026-03-04": (True, False, "25 min", True, "", ""),
    "2026-03-06": (False, True, "10", False, "", "Cold, turned back"),
    "2026-03-07": (True, False, "15", True, "Extra walk — felt good", ""),
    "2026-03-09": (True, False, "30", True, "", ""),
    "2026-03-11": (False, False, "", False, "", "Too tired after work"),
    "2026-03-13": (True, False, "half hr", True, "", ""),
    "2026-03-16": (True, True, "20", True, "Ça va 😀", ""),
    "2026-03-18": (False, True, "5", False, "", ""),
    "2026-03-20": (True, False, "40", True, "", ""),
}


def expected_grid() -> list[dict]:
    """The grid the fill must read as, by the documented rules (docs in returned-tracker.ts)."""
    entries = []
    for date, (done, some, minutes, outside, noticed, note) in FILL.items():
        tracker: dict = {}
        if minutes.split(" ")[0].isdigit():
            tracker["Minutes walked"] = int(minutes.split(" ")[0])
        tracker["Went outside"] = outside
        if noticed:
            tracker["What I noticed"] = noticed
        entry = {"date": date, "mark": "yes" if done else "partly" if some else "no",
                 "tracker": tracker}  # fmt: skip
        if note:
            entry["note"] = note
        entries.append(entry)
    return entries


FIELD_NAME = re.compile(r"^bw_([a-z][0-9]){5}_(\d{8}_(done|some|note|c[0-2])|tag)$")
IDENTIFYING = ["ada example", "exposure", "panic", "anxiety", "therapy", "therapist", "clinical",
               "evening walk", "minutes walked", "went outside", "what i noticed"]  # fmt: skip


def reference_of(reader: PdfReader) -> str:
    names = [name for name in reader.get_fields() if name.endswith("_tag")]
    assert len(names) == 1, names
    return names[0][3:-4]


def values_of(reference: str) -> dict[str, object]:
    """Field name -> value to fill: True/False for a box, text for a text field."""
    values: dict[str, object] = {}
    for date, cells in FILL.items():
        day = f"bw_{reference}_{date.replace('-', '')}"
        for suffix, value in zip(("done", "some", "c0", "c1", "c2", "note"), cells):
            values[f"{day}_{suffix}"] = value
    return values


def widgets(reader_or_writer) -> list[tuple[IndirectObject, object, object]]:
    """(widget reference, widget, field) for every widget of every page."""
    found = []
    for page in reader_or_writer.pages:
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            field = widget if "/T" in widget else widget["/Parent"].get_object()
            found.append((ref, widget, field))
    return found


def on_state(widget) -> str:
    states = [name for name in widget["/AP"]["/N"].keys() if name != "/Off"]
    assert len(states) == 1, states
    return states[0]


def set_value(widget, field, value) -> None:
    """As a PDF app does: a box's /V and its widget's /AS the on-state or /Off; a text's /V."""
    if field.get("/FT") == "/Btn":
        state = NameObject(on_state(widget) if value else "/Off")
        field[NameObject("/V")] = state
        widget[NameObject("/AS")] = state
    else:
        field[NameObject("/V")] = TextStringObject(value)


def fill_rewritten(source: Path, target: Path, *, stock: bool = False, encrypt: str = "",
                   script: str = "") -> None:  # fmt: skip
    """The tracker filled and written out whole by pypdf (or with its own form filler)."""
    writer = PdfWriter()
    writer.clone_reader_document_root(PdfReader(str(source)))
    values = values_of(reference_of(PdfReader(str(source))))
    if stock:
        # pypdf's filler writes a box's value as the text "/Yes" or "/Off", not a name.
        as_text = {name: ("/Yes" if v else "/Off") if isinstance(v, bool) else v
                   for name, v in values.items()}  # fmt: skip
        quiet = logging.getLogger("pypdf")
        level = quiet.level
        quiet.setLevel(logging.ERROR)  # "No fields to update on this page", for the handout's
        try:
            for page in writer.pages:
                writer.update_page_form_field_values(page, as_text)
        finally:
            quiet.setLevel(level)
    else:
        for _, widget, field in widgets(writer):
            if field["/T"] in values:
                set_value(widget, field, values[field["/T"]])
    writer._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    if script:
        writer.add_js(script)
    if encrypt:
        writer.encrypt(encrypt)
    with open(target, "wb") as file:
        writer.write(file)


def fill_incremental(source: Path, target: Path, *, cut: int = 0) -> None:
    """The tracker filled as an incremental save: changed objects, an xref and a trailer appended."""
    original = source.read_bytes()
    reader = PdfReader(io.BytesIO(original))
    values = values_of(reference_of(reader))
    changed: dict[int, object] = {}
    for ref, widget, field in widgets(reader):
        if field["/T"] in values:
            set_value(widget, field, values[field["/T"]])
            changed[ref.idnum] = widget
            changed[widget.raw_get("/Parent").idnum if "/Parent" in widget else ref.idnum] = field
    out = io.BytesIO()
    out.write(original if original.endswith(b"\n") else original + b"\n")
    offsets = {}
    for idnum, obj in sorted(changed.items()):
        offsets[idnum] = out.tell()
        out.write(f"{idnum} 0 obj\n".encode())
        obj.write_to_stream(out, None)
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n")
    for idnum, offset in sorted(offsets.items()):
        out.write(f"{idnum} 1\n{offset:010d} 00000 n \n".encode())
    prev = int(re.findall(rb"startxref\s+(\d+)", original)[-1])
    root = reader.trailer.raw_get("/Root")
    info = reader.trailer.raw_get("/Info")
    out.write(f"trailer\n<< /Size {reader.trailer['/Size']} /Root {root.idnum} 0 R "
              f"/Info {info.idnum} 0 R /Prev {prev} >>\n"
              f"startxref\n{xref}\n%%EOF\n".encode())  # fmt: skip
    data = out.getvalue()
    target.write_bytes(data[: len(data) - cut] if cut else data)


_folder: list[tempfile.TemporaryDirectory] = []


def run_app(command: str, folder: Path) -> None:
    tsx = ROOT / "node_modules" / ".bin" / "tsx"
    run = subprocess.run(
        [str(tsx), "tests/interop/returned-tracker.ts", command, str(folder)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, f"returned-tracker.ts {command} failed:\n{run.stdout}{run.stderr}"


def trackers() -> Path:
    """The app's trackers, pypdf's fills of them, and what the app read from each (read.json)."""
    if not _folder:
        temporary = tempfile.TemporaryDirectory(prefix="bridgework-tracker-")
        folder = Path(temporary.name)
        run_app("make", folder)
        made = folder / "tracker.pdf"
        fill_rewritten(made, folder / "filled-rewritten.pdf")
        fill_rewritten(made, folder / "filled-by-pypdf-filler.pdf", stock=True)
        fill_incremental(made, folder / "filled-incrementally.pdf")
        fill_incremental(made, folder / "filled-incrementally-cut.pdf", cut=40)
        fill_rewritten(folder / "other-vault.pdf", folder / "filled-other-vault.pdf")
        fill_rewritten(folder / "other-assignment.pdf", folder / "filled-other-assignment.pdf")
        fill_rewritten(made, folder / "filled-encrypted.pdf", encrypt="client's password")
        fill_rewritten(made, folder / "filled-with-script.pdf", script="app.alert('hi');")
        run_app("read", folder)
        _folder.append(temporary)
    return Path(_folder[0].name)


def read(file: str) -> dict:
    return json.loads((trackers() / "read.json").read_text(encoding="utf-8"))[file]


def tracker_made_by_bridgework_names_no_one_and_nothing_clinical():
    path = trackers() / "tracker.pdf"
    reader = PdfReader(str(path))
    fields = reader.get_fields()
    assert len(fields) == 28 * 6 + 1, len(fields)
    assert all(FIELD_NAME.match(name) for name in fields), [n for n in fields if not FIELD_NAME.match(n)]
    metadata = reader.metadata or {}
    # Like every other take-away file, it does not say which app made it.
    for key in ("/Title", "/Author", "/Subject", "/Keywords", "/Producer", "/Creator"):
        assert key not in metadata, (key, metadata)
    assert "/Metadata" not in reader.trailer["/Root"]
    words = [*fields, *(str(f.get("/TU", "")) for f in fields.values()), *map(str, metadata.values())]
    text = (path.read_bytes().decode("latin-1") + "\n".join(words)).lower()
    assert not [word for word in IDENTIFYING if word in text], [w for w in IDENTIFYING if w in text]


def tracker_made_by_bridgework_hides_its_tag_and_asks_apps_to_draw_values():
    reader = PdfReader(str(trackers() / "tracker.pdf"))
    reference = reference_of(reader)
    tags = [(w, f) for _, w, f in widgets(reader) if f["/T"] == f"bw_{reference}_tag"]
    assert len(tags) == 1, tags
    widget, field = tags[0]
    assert re.fullmatch(r"([a-z][0-9]){12}", field["/V"]), field["/V"]
    assert int(widget.get("/F", 0)) & 2, "the tag's widget is not hidden"
    assert int(field.get("/Ff", 0)) & 1, "the tag's field is not read-only"
    assert reader.trailer["/Root"]["/AcroForm"]["/NeedAppearances"] is True or \
        reader.trailer["/Root"]["/AcroForm"]["/NeedAppearances"] == BooleanObject(True)


def tracker_filled_by_pypdf_reads_back_into_exactly_the_expected_grid():
    expected = expected_grid()
    for file in ("filled-rewritten.pdf", "filled-by-pypdf-filler.pdf", "filled-incrementally.pdf"):
        result = read(file)
        assert result["ok"] is True, (file, result)
        assert result["entries"] == expected, (file, result["entries"])
        assert result["read"]["noBoxTicked"] == ["2026-03-11"], result["read"]
        assert [(t["date"], t["field"], t["reason"]) for t in result["read"]["notTaken"]] == [
            ("2026-03-13", "Minutes walked", "does-not-fit")
        ], result["read"]["notTaken"]
        assert len(result["read"]["unfilled"]) == 28 - len(FILL), result["read"]


def pypdf_reads_the_values_the_client_filled_in():
    # The fill itself, as another reader sees it: so a failure above is the app's, not the fill's.
    reader = PdfReader(str(trackers() / "filled-rewritten.pdf"))
    values = values_of(reference_of(reader))
    fields = reader.get_fields()
    for name, value in values.items():
        got = fields[name].get("/V")
        if isinstance(value, bool):
            assert (got == "/Yes") == value, (name, got)
        else:
            assert (got or "") == value, (name, got)


def tracker_of_another_vault_or_practice_is_refused():
    assert read("filled-other-vault.pdf") == {"ok": False, "problem": "other-vault"}
    assert read("filled-other-assignment.pdf") == {"ok": False, "problem": "other-assignment"}


def hostile_trackers_are_refused_with_their_problem():
    assert read("filled-encrypted.pdf") == {"ok": False, "problem": "encrypted"}
    assert read("filled-with-script.pdf") == {"ok": False, "problem": "scripted"}
    assert read("filled-incrementally-cut.pdf") == {"ok": False, "problem": "truncated"}


TESTS = [
    tracker_made_by_bridgework_names_no_one_and_nothing_clinical,
    tracker_made_by_bridgework_hides_its_tag_and_asks_apps_to_draw_values,
    tracker_filled_by_pypdf_reads_back_into_exactly_the_expected_grid,
    pypdf_reads_the_values_the_client_filled_in,
    tracker_of_another_vault_or_practice_is_refused,
    hostile_trackers_are_refused_with_their_problem,
]
