"""The apps import one way only (docs/architecture.md): the contract in pyproject.toml
([tool.importlinter]) fails on any import from a lower app into a higher one, e.g. `tenants`
importing `portal`, including imports inside functions."""

from pathlib import Path

import pytest


def test_the_apps_import_one_way_only(capsys):
    from importlinter.cli import lint_imports

    result = lint_imports(
        config_filename=str(Path(__file__).parents[2] / "pyproject.toml"),
        no_cache=True,
        no_logo=True,
    )
    report = capsys.readouterr().out
    if result != 0:
        pytest.fail(f"an app imports one above it:\n{report}")
    assert "1 kept, 0 broken" in report
