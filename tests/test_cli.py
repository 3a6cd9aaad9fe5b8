"""The CLI: every command and option is documented, and the commands work end to end."""

import click
from click.testing import CliRunner

from eventwire.cli import main


def walk(group: click.Group):
    for name, cmd in group.commands.items():
        yield name, cmd
        if isinstance(cmd, click.Group):
            yield from walk(cmd)


def test_every_command_and_option_has_help():
    for name, cmd in walk(main):
        assert cmd.help and len(cmd.help) > 20, f"command {name} has no help"
        for param in cmd.params:
            if isinstance(param, click.Option) and param.name not in ("help",):
                assert param.help, f"{name} --{param.name} has no help"


def test_commands_with_inputs_show_examples():
    for name, cmd in walk(main):
        if name in ("code", "export", "ceasefires"):
            assert "Example" in cmd.help, name


def test_schema_command_prints_the_event_schema():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert '"title": "Event"' in result.output


def test_bad_date_is_a_clear_error():
    result = CliRunner().invoke(main, ["code", "x.txt", "--published", "March 5"])
    assert result.exit_code == 2
    assert "expected YYYY-MM-DD" in result.output


def _story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Clashes in Mali\n\nBAMAKO (Reuters) - Jihadist fighters attacked an army post near Djibo "
        "on Tuesday, killing 12 soldiers, the army said.\n",
        encoding="utf-8",
    )
    return path


def test_code_writes_jsonl_that_validates_and_is_idempotent(tmp_path):
    import json

    import jsonschema

    from eventwire.model import event_json_schema
    from eventwire.store import Store

    path, db = _story(tmp_path), str(tmp_path / "ew.db")
    args = ["code", str(path), "--published", "2024-05-03", "--db", db, "--format", "jsonl"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    lines = [json.loads(x) for x in first.stdout.splitlines() if x.strip()]
    assert lines and all(jsonschema.validate(x, event_json_schema()) is None for x in lines)
    counts = Store(db).counts()
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0
    assert Store(db).counts() == counts
    assert [json.loads(x)["id"] for x in second.stdout.splitlines() if x.strip()] == [
        x["id"] for x in lines
    ]


def test_export_csv_after_code(tmp_path):
    path, db = _story(tmp_path), str(tmp_path / "ew.db")
    CliRunner().invoke(main, ["code", str(path), "--published", "2024-05-03", "--db", db])
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "csv"])
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.startswith("id,event_type,mode")
    assert rows


def test_unreadable_input_is_reported_and_the_rest_goes_on(tmp_path):
    good = _story(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(
        main, ["code", str(bad), str(good), "--published", "2024-05-03", "--no-store",
               "--format", "jsonl"]
    )
    assert result.exit_code == 0
    assert "E102" in result.stderr
    assert result.stdout.strip()


def test_reports_of_one_event_share_a_cluster(tmp_path):
    import json

    db = str(tmp_path / "ew.db")
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Gunmen killed 12 villagers in Zamfara state on Tuesday, police said.\n")
    b.write_text("Armed men killed at least 12 people in a village in Zamfara on Tuesday, "
                 "residents said.\n")
    for path in (a, b):
        CliRunner().invoke(main, ["code", str(path), "--published", "2024-05-03", "--db", db])
    out = CliRunner().invoke(main, ["export", "--db", db, "--format", "jsonl"]).stdout
    events = [json.loads(x) for x in out.splitlines() if x.strip()]
    assaults = [e for e in events if e["event_type"] == "ASSAULT"]
    assert len(assaults) == 2
    assert assaults[0]["cluster_id"] and assaults[0]["cluster_id"] == assaults[1]["cluster_id"]


def test_code_reads_a_csv_text_column_by_name(tmp_path):
    table = tmp_path / "reports.csv"
    table.write_text(
        "id,notes,published\n"
        'r1,"Gunmen killed 12 villagers in Zamfara state on Tuesday, police said.",2024-05-03\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["code", str(table), "--text-column", "notes", "--no-store", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    assert '"doc_id":"r1"' in result.output.replace(" ", "")
    without = CliRunner().invoke(main, ["code", str(table), "--no-store", "--format", "jsonl"])
    assert "no text column" in without.output
