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
