"""Operators bootstrap organisations and users from the shell."""

from sqlalchemy import select

from app.auth.models import User
from app.extensions import db
from app.orgs.models import Organisation
from tests.conftest import Browser


def test_create_organisation_and_user_from_the_shell(app, client):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["orgs", "create", "th-ngo", "Thai NGO", "--country", "th"])
    assert result.exit_code == 0, result.output
    assert "Created organisation TH-NGO (TH)" in result.output
    result = runner.invoke(
        args=[
            "users",
            "create",
            "cw@test.example",
            "--org",
            "TH-NGO",
            "--role",
            "caseworker",
            "--role",
            "directory_editor",
        ],
        input="a long shell password\na long shell password\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "cw@test.example"))
    assert user.roles == {"caseworker", "directory_editor"}
    assert "a long shell password" not in result.output
    assert Browser(client).login("cw@test.example", "a long shell password").status_code == 302


def test_bad_shell_input_is_explained_and_changes_nothing(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["orgs", "create", "X Y", "Name", "--country", "TH"])
    assert result.exit_code != 0 and "The code must be" in result.output
    result = runner.invoke(args=["orgs", "create", "OK-CODE", "Name", "--country", "QQ"])
    assert result.exit_code != 0 and "Choose a country" in result.output
    assert db.session.scalar(select(Organisation)) is None
    runner.invoke(args=["orgs", "create", "ORG", "Org", "--country", "VN"])
    cases = [
        (
            ["--org", "NOPE", "--role", "caseworker"],
            "pw long enough\npw long enough\n",
            "No organisation",
        ),
        (["--org", "ORG", "--role", "caseworker"], "pw long enough\nanother one!!\n", "differ"),
        (["--org", "ORG", "--role", "caseworker"], "short\nshort\n", "at least 10"),
        (["--org", "ORG", "--role", "boss"], "pw long enough\npw long enough\n", "Invalid value"),
        (["--org", "ORG", "--role", "caseworker", "--password", "x"], "", "No such option"),
    ]
    for options, stdin, message in cases:
        result = runner.invoke(args=["users", "create", "u@test.example", *options], input=stdin)
        assert result.exit_code != 0 and message in result.output, (options, result.output)
    assert db.session.scalar(select(User)) is None


def test_demo_data_loads_once(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed", "demo"])
    assert first.exit_code == 0 and "records added" in first.output
    assert "admin@demo.pathways.example" in first.output and "fictional" in first.output
    users = db.session.scalar(select(db.func.count()).select_from(User))
    second = runner.invoke(args=["seed", "demo"])
    assert "already loaded" in second.output
    assert db.session.scalar(select(db.func.count()).select_from(User)) == users
    # The tracker gets a year of fictional activity once, every case marked fictional.
    from app.cases.models import Case

    cases = db.session.scalars(select(Case)).all()
    assert f"Demo tracker: {len(cases)} fictional cases added." in first.output
    assert len(cases) > 50 and all(c.fictional for c in cases)
    assert "Demo tracker: 0 fictional cases added." in second.output
